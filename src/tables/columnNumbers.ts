import { cleanCellText } from '../normalize/cellText.ts';
import type { RawRow } from './rawTable.ts';

/**
 * The 栏次 / 行次 row printed under many headers (`栏次 | 1 | 2 | 3`, or just `1 2 3 4 5`) numbers
 * the columns: it is neither header text nor amounts. It is known by its shape — column numbers
 * counting up by one, beside nothing but the words that name such a row.
 */

const NUMBERING_WORD = /^(?:栏次|行次|栏目|栏号|序号|甲|乙|丙|丁|[A-Za-z]|[*＊#]+)$/u;

export function isColumnNumberRow(row: RawRow): boolean {
  const texts = row.cells.map((c) => cleanCellText(c.raw).replace(/\s+/gu, '')).filter((t) => t !== '');
  const numbers: number[] = [];
  for (const text of texts) {
    if (NUMBERING_WORD.test(text)) continue;
    if (!/^\d{1,2}$/u.test(text)) return false;
    numbers.push(Number(text));
  }
  if (numbers.length < 2) return false;
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}
