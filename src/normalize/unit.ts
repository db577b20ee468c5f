import { formatDecimal, toDecimal } from './decimal.ts';
/** The money unit a table states (`单位：万元`, `金额单位：万元`, `（万元）` in a header). */
export type MoneyUnit = '万元' | '元';

// OCR drops the colon now and then (`金额单位 万元`); a template drops 额单 (`金位：元`, Xi'an 表12).
const UNIT_LINE = /(?:(?:金额)?单位\s*[:：]?|金位\s*[:：])\s*(万元|元)(?![\u4e00-\u9fff])/;
const UNIT_IN_PARENS = /[（(]\s*(万元|元)\s*[)）]/;

/** A unit statement line such as `单位：万元` (possibly with other text around it). */
export function unitFromStatement(text: string): MoneyUnit | undefined {
  const match = UNIT_LINE.exec(text);
  return match ? (match[1] as MoneyUnit) : undefined;
}

/** A unit given inside a header or label: `预算数（万元）`, `总体资金情况（万元）`. */
export function unitFromHeader(text: string): MoneyUnit | undefined {
  const match = UNIT_IN_PARENS.exec(text);
  return match ? (match[1] as MoneyUnit) : undefined;
}

/**
 * An amount in 万元, exactly (元 ÷ 10 000: the point moves four places; `518161240.01` 元 →
 * `51816.124001`), or undefined when the unit is neither.
 */
export function amountInWan(value: string, unit: string): string | undefined {
  if (unit === '万元') return value;
  if (unit !== '元') return undefined;
  const d = toDecimal(value);
  return formatDecimal({ units: d.units, scale: d.scale + 4 });
}
