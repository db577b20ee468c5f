import { alignedToColumns } from '../tables/alignColumns.ts';
import { isBodyRow } from '../tables/header.ts';
import type { RawRow, RawTable } from '../tables/rawTable.ts';
import { titleKey } from '../tables/tableKinds.ts';
import { labelKey } from './cellText.ts';

/**
 * Tables that continue over pages come out of a converter as several tables: the title and header
 * printed again on each page (Shenzhen 表1, 表6, 表7), or a bare header row (Guangzhou), or nothing.
 * Stitching makes them one table again; every row keeps its own provenance.
 */

/** The comparable content of a row: cleaned cells, trailing blanks dropped. */
export function rowKey(row: RawRow): string {
  // Quotes and bars do not tell headers apart, and OCR leaves them where ruling lines were.
  const cells = row.cells.map((c) => labelKey(c.raw.replace(/<[^<>]+>/g, '').replace(/[“”‘’"'|]/g, '')));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join('\u241f');
}

/** Drops the rows at the start of `continuation` that repeat the first rows of `table`. */
export function dropRepeatedHeader(table: RawTable, continuation: readonly RawRow[]): readonly RawRow[] {
  let k = 0;
  const limit = Math.min(6, table.rows.length, continuation.length);
  while (k < limit) {
    const a = table.rows[k];
    const b = continuation[k];
    if (!a || !b || rowKey(a) !== rowKey(b) || rowKey(a) === '') break;
    k++;
  }
  return continuation.slice(k);
}

/** `…支出预算表（续表）`, `…表(续)`, `续表：…表`: the title of a table's continuation names the table. */
function withoutContinuationMark(title: string): string {
  return titleKey(title)
    .replace(/[（(]续表?[)）]$|续表$/u, '')
    .replace(/^续表[:：]?/u, '');
}

function sameTitle(a: RawTable, b: RawTable): boolean {
  if (a.title === undefined || b.title === undefined) return false;
  if (withoutContinuationMark(a.title) !== withoutContinuationMark(b.title)) return false;
  return (
    a.number === undefined ||
    b.number === undefined ||
    a.number.replace(/\s/g, '') === b.number.replace(/\s/g, '')
  );
}

function widthOf(table: RawTable): number {
  return table.rows.reduce((max, r) => Math.max(max, r.cells.length), 0);
}

/** An untitled table right after a table, with the same header or the same width, continues it. */
/**
 * A same-titled table continues the previous one when it repeats one of its first rows (the
 * header printed again) or goes straight on with body rows; when it starts with rows of its own
 * (`项目名称 | 出国签证事务` after `项目名称 | 外事事务`) it is another table with the same title: one
 * form per project, one 三公 table per unit.
 */
function repeatsOrContinues(previous: RawTable, next: RawTable): boolean {
  const first = next.rows[0];
  if (!first) return true;
  const heads = new Set(previous.rows.slice(0, 4).map(rowKey));
  return heads.has(rowKey(first)) || isBodyRow(first);
}

function continues(previous: RawTable, next: RawTable): boolean {
  if (next.afterProse) return false;
  if (sameTitle(previous, next)) return repeatsOrContinues(previous, next);
  if (next.title !== undefined) return false;
  const first = next.rows[0];
  const head = previous.rows[0];
  if (first && head && rowKey(first) === rowKey(head)) return true;
  return widthOf(next) === widthOf(previous) && next.context.length === 0;
}

export function stitchPageSplitTables(tables: readonly RawTable[]): RawTable[] {
  const out: RawTable[] = [];
  for (const table of tables) {
    const previous = out[out.length - 1];
    if (previous && continues(previous, table)) {
      const rows = dropRepeatedHeader(previous, table.rows);
      out[out.length - 1] = {
        ...previous,
        rows: [...previous.rows, ...rows],
        notes: [...previous.notes, ...table.notes],
        parts: [...previous.parts, rows[0]?.at ?? table.titleAt ?? {}],
        unit: previous.unit ?? table.unit,
      };
    } else {
      out.push(table);
    }
  }
  // Rows of a page whose grid has fewer columns (a continuation read in one go, or stitched) are
  // placed in the table's columns by their geometry.
  return out.map((table) => ({ ...table, rows: alignedToColumns(table.rows) }));
}
