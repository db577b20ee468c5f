import type { Cell, Provenance, RowFormat } from '../model.ts';
import type { MoneyUnit } from '../normalize/unit.ts';

/** A row as the reader delimited it, before any interpretation. */
export interface RawRow {
  readonly cells: readonly Cell[];
  readonly at: Provenance;
  readonly format: RowFormat;
  /** A markdown rule (`|---|`) follows this row: the rows up to here are the header. */
  readonly ruleAfter: boolean;
}

/** A table as found in the block stream: its title, unit, meta lines and rows, possibly stitched. */
export interface RawTable {
  readonly title: string | undefined;
  readonly number: string | undefined;
  readonly titleAt: Provenance | undefined;
  /** The section heading and lead-in sentence above an untitled table. */
  readonly context: readonly string[];
  readonly unit: MoneyUnit | undefined;
  readonly meta: readonly string[];
  readonly rows: readonly RawRow[];
  readonly notes: readonly string[];
  /** Where each page part of a stitched table starts. */
  readonly parts: readonly Provenance[];
  /** Prose stood between the previous table and this one: it cannot be a continuation. */
  readonly afterProse: boolean;
}

export function firstProvenance(table: RawTable): Provenance {
  return table.titleAt ?? table.rows[0]?.at ?? {};
}

export function lastProvenance(table: RawTable): Provenance {
  return table.rows[table.rows.length - 1]?.at ?? firstProvenance(table);
}
