import type { Cell } from '../model.ts';
import { median } from '../normalize/median.ts';
import type { RawRow } from './rawTable.ts';

/**
 * A continuation page whose rows span fewer grid columns than the table's (the 合计 row alone on
 * the last page, its label cell merged over 类 | 款 | 项 | 名称: 6 cells where the table has 9) is
 * read against the table's columns by geometry: each cell goes to the column its left edge starts
 * in, as a merged cell's text belongs to its first column. Rows without cell boxes, or whose
 * cells do not fall in distinct columns, are left as they are.
 */

/** A column's left edge may differ this much (points) between pages. */
const EDGE_SLACK = 3;

interface Column {
  readonly x0: number;
  readonly x1: number;
}

/** The table's columns, from the rows that fill every column with a box. */
function columnsOf(rows: readonly RawRow[]): Column[] | undefined {
  const width = rows.reduce((max, r) => Math.max(max, r.cells.length), 0);
  const full = rows.filter((r) => r.cells.length === width && r.cells.every((c) => c.at.bbox));
  if (full.length === 0) return undefined;
  return Array.from({ length: width }, (_, c) => ({
    x0: median(full.map((r) => r.cells[c]!.at.bbox![0])),
    x1: median(full.map((r) => r.cells[c]!.at.bbox![2])),
  }));
}

function columnAt(columns: readonly Column[], x0: number): number {
  return columns.findIndex((col) => x0 >= col.x0 - EDGE_SLACK && x0 < col.x1 - EDGE_SLACK);
}

function aligned(row: RawRow, columns: readonly Column[]): RawRow {
  if (row.cells.length >= columns.length || !row.cells.every((c) => c.at.bbox)) return row;
  const places = row.cells.map((c) => columnAt(columns, c.at.bbox![0]));
  const distinct = places.every((p, i) => p >= 0 && (i === 0 || p > places[i - 1]!));
  if (!distinct) return row;
  const cells: Cell[] = columns.map(() => ({ raw: '', at: row.at }));
  places.forEach((p, i) => {
    cells[p] = row.cells[i]!;
  });
  return { ...row, cells };
}

/** The table's rows, those narrower than its columns placed in them. */
export function alignedToColumns(rows: readonly RawRow[]): RawRow[] {
  const columns = columnsOf(rows);
  return columns ? rows.map((row) => aligned(row, columns)) : [...rows];
}
