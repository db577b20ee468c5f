import { cleanCellText, labelKey } from '../normalize/cellText.ts';
import type { RawRow } from './rawTable.ts';

/** The 收入 and 支出 sides of a two-sided table (收支总表), from the words of its header. */

export type Side = '' | '收入' | '支出';

export interface SideRange {
  readonly side: Side;
  readonly start: number;
  readonly end: number;
  /** The side word heads the side's label column in the one header row (`收入 | 决算数 | 支出 | 决算数`). */
  readonly inline?: boolean;
}

/** Value headers that stand beside an inline side word. */
const VALUE_HEADER = /^(?:决算数|预算数|金额|本年决算数?|本年预算数?|\d{4}年(?:决算|预算)数?)$/u;

/** `财政拨款收入`, `部门支出预算`: a side word with the table's own qualifier. */
const QUALIFIED_SIDE = /^(?:本年|财政拨款|部门|单位|预算)?(收入|支出)(?:项目|部分|预算|决算)?$/u;

function sideOf(key: string): Side | undefined {
  const side = SIDE_WORDS[key];
  if (side) return side;
  const m = QUALIFIED_SIDE.exec(key);
  return m ? (m[1] as Side) : undefined;
}

const SIDE_WORDS: Readonly<Record<string, Side>> = {
  收入: '收入',
  收入项目: '收入',
  收入部分: '收入',
  本年收入: '收入',
  收入预算: '收入',
  支出: '支出',
  支出项目: '支出',
  支出部分: '支出',
  本年支出: '支出',
  支出预算: '支出',
};

/** `收入 | | 支出 |` in the first header row: the columns of each side. */
export function detectSides(header: readonly RawRow[], width: number): SideRange[] {
  const first = header[0];
  const inline = first ? inlineSides(first, width) : [];
  if (inline.length > 0) return inline;
  if (!first || header.length < 2) return [];
  const marks: { side: Side; col: number }[] = [];
  let other = 0;
  first.cells.forEach((cell, col) => {
    const key = labelKey(cleanCellText(cell.raw));
    if (key === '') return;
    const side = sideOf(key);
    if (side) marks.push({ side, col });
    // A 序号 / 行次 column before the sides numbers the rows of both; it is no third side.
    else if (!(marks.length === 0 && /^(?:序号|行次|栏次|编号)$/u.test(key))) other++;
  });
  if (other > 0 || marks.length !== 2 || marks[0]?.side !== '收入' || marks[1]?.side !== '支出') return [];
  return [
    { side: '收入', start: marks[0].col, end: marks[1].col },
    { side: '支出', start: marks[1].col, end: width },
  ];
}

/** One header row `收入 | 决算数 | 支出 | 决算数`: each side word heads its labels, value headers beside it. */
function inlineSides(row: RawRow, width: number): SideRange[] {
  const keys = row.cells.map((c) => labelKey(cleanCellText(c.raw)));
  const income = keys.findIndex((k) => sideOf(k) === '收入');
  const expense = keys.findIndex((k) => sideOf(k) === '支出');
  if (income !== 0 || expense <= income + 1) return [];
  const values = keys.filter((k, i) => i !== income && i !== expense && k !== '');
  if (values.length === 0 || !values.every((k) => VALUE_HEADER.test(k))) return [];
  return [
    { side: '收入', start: income, end: expense, inline: true },
    { side: '支出', start: expense, end: width, inline: true },
  ];
}
