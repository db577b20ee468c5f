import type { Check } from '../../schemas/check.ts';
import { parseAmount } from '../normalize/amount.ts';
import { toDecimal } from '../normalize/decimal.ts';
import { equalityCheck, skip } from './emit.ts';
import type { CheckInput } from './model.ts';
import { locate, type QuantityName } from './quantities.ts';

/**
 * Amounts stated in the narrative (`部门预算收入 8,785 万元`, `“三公”经费预算597万元`,
 * `收入预算为3,088.70万元`) must agree with the tables. Only a figure that follows its keyword
 * directly is read, so year-on-year changes (`比2021年增加2,359万元`) are never taken for it.
 */

const NUMBER = '([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\\s*万元';
const LEAD = '(?:\\d{4}\\s*年度?)?(?:预算(?:数|安排)?)?(?:为|是)?\\s*';

const STATEMENTS: ReadonlyArray<readonly [RegExp, QuantityName, string]> = [
  [
    new RegExp(`(?:部门预算收入|收入预算为|预算收入为|收入预算总额为?)\\s*${NUMBER}`, 'u'),
    'income_total',
    '收入总计',
  ],
  [
    new RegExp(`(?:部门预算支出|支出预算为|预算支出为|支出预算总额为?)\\s*${NUMBER}`, 'u'),
    'expense_total',
    '支出总计',
  ],
  [new RegExp(`“三公”经费(?:财政拨款)?${LEAD}${NUMBER}`, 'u'), 'three_public_total', '“三公”经费'],
  [new RegExp(`一般公共预算支出\\s*${NUMBER}`, 'u'), 'general_expense_total', '一般公共预算支出'],
  [new RegExp(`(?:财政拨款)?项目支出\\s*${NUMBER}`, 'u'), 'expense_summary_project', '项目支出'],
  [new RegExp(`(?:财政拨款)?基本支出\\s*${NUMBER}`, 'u'), 'expense_summary_basic', '基本支出'],
  [
    new RegExp(`因公出国（境）(?:费用?|经费)[。，]?${LEAD}${NUMBER}`, 'u'),
    'three_public_abroad',
    '因公出国（境）费',
  ],
  [new RegExp(`公务接待费[。，]?${LEAD}${NUMBER}`, 'u'), 'three_public_reception', '公务接待费'],
  [
    new RegExp(`公务用车购置[及和]运行(?:维护)?费[。，]?${LEAD}${NUMBER}`, 'u'),
    'three_public_vehicles',
    '公务用车购置及运行费',
  ],
  [
    new RegExp(`政府采购(?:项目)?[^。；]{0,24}?(?:共计|总额|合计)\\s*${NUMBER}`, 'u'),
    'procurement_total',
    '政府采购',
  ],
];

export function proseMatchesTable(input: CheckInput): Check[] {
  const out: Check[] = [];
  const seen = new Set<string>();
  for (const line of input.prose) {
    const text = line.text.replace(/\s+(?=[0-9万])/gu, ' ');
    for (const [pattern, quantity, what] of STATEMENTS) {
      const match = pattern.exec(text);
      if (!match) continue;
      // `增加基本支出 844.15 万元` states a change, not the figure.
      if (
        /(?:增加|减少|增长|下降|增|减|较上年|比上年|同比)$/u.test(
          text.slice(Math.max(0, match.index - 4), match.index),
        )
      )
        continue;
      const reading = parseAmount(match[1] ?? '');
      if (reading.kind !== 'amount') continue;
      const key = `${quantity}|${reading.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const place = line.line !== undefined ? `line ${line.line}` : `page ${line.page ?? '?'}`;
      const scope = `text (${place}) “${match[0].trim()}” vs table ${what}`;
      const located = locate(input, quantity);
      const stated = toDecimal(reading.value);
      if (!located) {
        out.push({
          ...skip(input.documentId, 'prose_matches_table', scope, `no table prints ${what}`),
          ...(line.line !== undefined ? { line: line.line } : {}),
        });
        continue;
      }
      const check = equalityCheck(
        input.documentId,
        'prose_matches_table',
        scope,
        located.item,
        stated,
        `${located.where} vs the text`,
      );
      // The place of a prose check is the sentence: that is what a reader goes to verify.
      out.push({
        ...check,
        ...(line.line !== undefined ? { line: line.line } : {}),
        ...(line.page !== undefined ? { page: line.page } : {}),
      });
    }
  }
  return out;
}
