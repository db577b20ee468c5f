import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model.ts';
import type { RawRow } from '../../src/tables/rawTable.ts';
import { carrySplitCodePieces } from '../../src/tables/rowLabel.ts';

const at = { page: 1 };
const row = (...raws: string[]): RawRow =>
  ({ cells: raws.map((raw): Cell => ({ raw, at })), at }) as unknown as RawRow;
const codes = (rows: readonly RawRow[]) =>
  rows.map((r) =>
    r.cells
      .slice(0, 3)
      .map((c) => c?.raw ?? '∅')
      .join('|'),
  );

describe('carrySplitCodePieces', () => {
  it('carries the 类 and 款 pieces of the rows above down to a row that prints only its 项', () => {
    const rows = [
      row('208', '', '', '社会保障'),
      row('', '05', '', '行政事业单位养老'),
      row('', '', '05', '机关'),
    ];
    expect(codes(carrySplitCodePieces(rows, [0, 1, 2]))).toEqual(['208||', '208|05|', '208|05|05']);
  });

  it('leaves a table that opens on a 款 or 项 row as it is (no row above printed the pieces)', () => {
    // Yantai continuation pages open mid-code: carrying from nothing made cells without text.
    const rows = [row('', '', '01', '行政运行'), row('', '02', '', '一般行政管理事务')];
    const carried = carrySplitCodePieces(rows, [0, 1, 2]);
    expect(codes(carried)).toEqual(['||01', '|02|']);
    for (const r of carried) for (const c of r.cells) expect(typeof c.raw).toBe('string');
  });
});
