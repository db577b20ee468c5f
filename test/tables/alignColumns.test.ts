import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model.ts';
import { alignedToColumns } from '../../src/tables/alignColumns.ts';
import type { RawRow } from '../../src/tables/rawTable.ts';

const edges = [57, 92, 126, 160, 364, 456, 538];
const cell = (raw: string, x0: number, x1: number): Cell => ({
  raw,
  at: { page: 14, bbox: [x0, 0, x1, 20] },
});
const row = (cells: Cell[]): RawRow => ({ cells, at: { page: 14 }, format: 'layout', ruleAfter: false });
const full = (texts: string[]) => row(texts.map((t, c) => cell(t, edges[c]!, edges[c + 1]!)));

describe('alignedToColumns', () => {
  const table = [full(['221', '03', '99', '其他城乡社区住宅支出', '2,177,200', '2,177,200'])];

  it('places a merged 合计 row of a narrower page grid in the columns its cells start in', () => {
    const total = row([cell('合计', 57, 364), cell('156,211,123', 364, 456), cell('156,211,123', 456, 538)]);
    const [, out] = alignedToColumns([...table, total]);
    expect(out?.cells.map((c) => c.raw)).toEqual(['合计', '', '', '', '156,211,123', '156,211,123']);
  });

  it('leaves rows without boxes, or whose cells share a column, as they are', () => {
    const bare: RawRow = {
      ...row([]),
      cells: [
        { raw: '合计', at: {} },
        { raw: '1', at: {} },
      ],
    };
    expect(alignedToColumns([...table, bare])[1]).toEqual(bare);
    const clash = row([cell('合计', 57, 80), cell('1', 60, 90)]);
    expect(alignedToColumns([...table, clash])[1]).toEqual(clash);
  });
});
