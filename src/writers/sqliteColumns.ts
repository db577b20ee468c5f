import { amountInWan } from '../normalize/unit.ts';

/**
 * Columns the SQLite database adds to line_items so that SQL can answer questions the CSV's exact
 * text cannot: sums in one unit, and the 三公 category of a value whichever way its table is laid
 * out (categories as rows in some cities, as columns in others).
 */

/** The amount in 万元 as an exact decimal string (元 ÷ 10 000), or null when the unit is unknown. */
export function amountWan(value: string, unit: string): string | null {
  return amountInWan(value, unit) ?? null;
}

/** The five 三公 categories, most specific first (购置费 before 购置及运行费). */
const CATEGORIES: readonly (readonly [RegExp, string])[] = [
  [/因公出国/u, '因公出国（境）费'],
  [/公务用车购置及运行|公务用车购置和运行/u, '公务用车购置及运行维护费'],
  [/公务用车购置/u, '公务用车购置费'],
  [/公务用车运行/u, '公务用车运行维护费'],
  [/公务接待/u, '公务接待费'],
];

/** Printed beside the categories but none of them: 会议费 / 培训费, column numbers, 行政经费. */
const OUTSIDE = /会议费|培训费|栏次|行政经费/u;

/**
 * The 三公 category of a value: from the most specific label piece that names one (the last of a
 * header path: `公务用车购置及运行维护费 / 公务用车购置费` → 公务用车购置费; its `小计` is the
 * category itself), or null for the 三公 total and for what is no category. Row and column pieces
 * both count: some cities print the categories as rows, others as columns.
 */
export function threePublicCategory(rowLabel: string, columnLabel: string): string | null {
  const pieces = [...rowLabel.split(' / '), ...columnLabel.split(' / ')];
  if (pieces.some((p) => OUTSIDE.test(p))) return null;
  let found: string | null = null;
  for (const piece of pieces) found = CATEGORIES.find(([pattern]) => pattern.test(piece))?.[1] ?? found;
  return found;
}

/** 类 (1), 款 (2) or 项 (3) of a 3-, 5- or 7-digit 功能分类 code; null without a code. */
export function subjectLevel(code: string): number | null {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : null;
}
