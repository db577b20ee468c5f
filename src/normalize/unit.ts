/** The money unit a table states (`单位：万元`, `金额单位：万元`, `（万元）` in a header). */
export type MoneyUnit = '万元' | '元';

// OCR drops the colon now and then (`金额单位 万元`).
const UNIT_LINE = /(?:金额)?单位\s*[:：]?\s*(万元|元)(?![\u4e00-\u9fff])/;
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
