import { describe, expect, it } from 'vitest';
import { isColumnNumberRow } from '../../src/tables/columnNumbers.ts';
import { readGrid } from '../../src/tables/gridItems.ts';
import { rowsOf } from '../helpers.ts';

const row = (text: string) => rowsOf(text)[0]!;

describe('isColumnNumberRow', () => {
  it('knows the 栏次 row by its column numbers counting up by one', () => {
    expect(isColumnNumberRow(row('⇥1⇥2⇥3⇥4'))).toBe(true);
    expect(isColumnNumberRow(row('栏次⇥1⇥2⇥3'))).toBe(true);
    expect(isColumnNumberRow(row('甲⇥乙⇥1⇥2⇥3⇥4⇥5'))).toBe(true);
    expect(isColumnNumberRow(row('**⇥1⇥2⇥3⇥4⇥5'))).toBe(true);
  });
  it('keeps rows of amounts, labels or numbers that do not count up', () => {
    expect(isColumnNumberRow(row('合计⇥1⇥2⇥3'))).toBe(false);
    expect(isColumnNumberRow(row('⇥1⇥3⇥4'))).toBe(false);
    expect(isColumnNumberRow(row('⇥1.00⇥2.00'))).toBe(false);
    expect(isColumnNumberRow(row('⇥5'))).toBe(false);
  });
  it('gives no amounts from the 栏次 row of a grid', () => {
    const grid = readGrid(
      rowsOf(['项目⇥总计⇥本年收入⇥上年结转', '⇥1⇥2⇥3', '合计⇥15.00⇥10.00⇥5.00'].join('\n')),
    );
    expect(grid.items.map((i) => `${i.rowLabel}=${i.value}`)).toEqual([
      '合计=15.00',
      '合计=10.00',
      '合计=5.00',
    ]);
  });
});
