import { describe, expect, it } from 'vitest';
import { lineNumberAmounts } from '../../../src/eval/real/lineNumberRows.ts';
import { item } from './docs.ts';

const row = (values: readonly string[], fields: Parameters<typeof item>[0] | object = {}) =>
  values.map((value, i) => item({ table_index: 0, row_index: 0, column_index: i + 1, value, ...fields }));

describe('amounts read from 栏次 / 行次 rows', () => {
  it('finds a row counting 1, 2, 3 … in column order, whatever its label', () => {
    expect(lineNumberAmounts(row(['1', '2', '3', '4', '5']))).toHaveLength(5);
    // Columns listed out of order are put in order first.
    expect(
      lineNumberAmounts(row(['3', '1', '2']).map((it, i) => ({ ...it, column_index: [3, 1, 2][i]! }))),
    ).toHaveLength(3);
  });

  it('finds one counting again from 1 on each side of a two-sided table', () => {
    const income = row(['1', '2'], { side: '收入' });
    const expense = row(['1', '2', '3'], { side: '支出' }).map((it) => ({
      ...it,
      column_index: it.column_index + 2,
    }));
    expect(lineNumberAmounts([...income, ...expense])).toHaveLength(5);
  });

  it('finds amounts of a row or column named 栏次 or 行次', () => {
    expect(lineNumberAmounts(row(['1', '2'], { row_label: '栏次' }))).toHaveLength(2);
    expect(lineNumberAmounts([item({ table_index: 0, column_label: '行次', value: '7' })])).toHaveLength(1);
  });

  it('leaves real amounts alone: a gap, another start, decimals, two numbers only', () => {
    expect(lineNumberAmounts(row(['1', '2', '4']))).toEqual([]);
    expect(lineNumberAmounts(row(['2', '3', '4']))).toEqual([]);
    expect(lineNumberAmounts(row(['1.00', '2.00', '3.00']))).toEqual([]);
    expect(lineNumberAmounts(row(['1', '2']))).toEqual([]);
    // Two rows of one table are not one row.
    const split = [...row(['1', '2']), item({ table_index: 0, row_index: 1, column_index: 3, value: '3' })];
    expect(lineNumberAmounts(split)).toEqual([]);
  });
});
