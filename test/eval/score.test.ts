import { describe, expect, it } from 'vitest';
import { lineItemKey, matchKeys, wrongValues } from '../../src/eval/score.ts';

const item = (row: string, column: string, value: string) => ({
  table_kind: 'expenditure_summary',
  row_label: row,
  column_label: column,
  value,
  unit: '万元',
});
const keys = (rows: readonly Record<string, unknown>[]) => rows.map((r) => lineItemKey(r, 'none'));

describe('wrongValues', () => {
  it('counts a value read in the right cell but wrong, not one in another cell', () => {
    const gold = [item('教育支出', '合计', '1277.72'), item('教育支出', '基本支出', '130.00')];
    const read = [item('教育支出', '合计', '1277.42'), item('教育 支出', '项目支出', '130.00')];
    const mismatch = matchKeys(keys(gold), keys(read));
    expect(mismatch.truePositives).toBe(0);
    expect(wrongValues(mismatch)).toBe(1);
  });

  it('counts nothing when every item matches', () => {
    const gold = [item('教育支出', '合计', '1.00')];
    expect(wrongValues(matchKeys(keys(gold), keys(gold)))).toBe(0);
  });

  it('pairs each misread cell once when a row repeats', () => {
    const gold = [item('其他', '合计', '1.00'), item('其他', '合计', '2.00')];
    const read = [item('其他', '合计', '7.00')];
    expect(wrongValues(matchKeys(keys(gold), keys(read)))).toBe(1);
  });
});
