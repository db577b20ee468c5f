import type { Check } from '../../schemas/check.ts';
import type { Decimal } from '../normalize/decimal.ts';
import { rowAgainstRows } from './emit.ts';
import { type AmountRow, amountOf, type CheckInput, rowName, tableName } from './model.ts';
import { readSumTree, type SumNode } from './sumTree.ts';

/**
 * Rows whose levels the table does not print (no codes, no numbering, no organisation names to
 * group by) read as a hierarchy from their figures in the head row's first column (sumTree.ts).
 * Every other column the rows print is then checked against that reading, and a table whose first
 * column admits no reading is summed flat, as before, and fails where it does not add up.
 */

export interface RowNode {
  readonly row: AmountRow;
  readonly children: readonly RowNode[];
}

/** The head's column the levels are read in: the first it prints. */
function readingColumn(head: AmountRow): [string, Decimal] | undefined {
  const first = [...head.cells][0];
  return first ? [first[0], amountOf(first[1])] : undefined;
}

/** The forest of `rows` adding up to `head`, or undefined when the figures admit none. */
export function levelsFromFigures(head: AmountRow, rows: readonly AmountRow[]): RowNode[] | undefined {
  const column = readingColumn(head);
  if (!column || rows.length < 2) return undefined;
  const zero: Decimal = { units: 0n, scale: 0 };
  const values = rows.map((r) => {
    const cell = r.cells.get(column[0]);
    return cell ? amountOf(cell) : zero;
  });
  const forest = readSumTree(values, column[1]);
  if (!forest) return undefined;
  const toRow = (node: SumNode): RowNode => ({ row: rows[node.at]!, children: node.children.map(toRow) });
  return forest.map(toRow);
}

/** Only a reading with more than one level says something the flat sum does not. */
export function hasLevels(forest: readonly RowNode[]): boolean {
  return forest.some((n) => n.children.length > 0);
}

/** Every row of a reading with rows under it, parents before their descendants. */
function parentRows(forest: readonly RowNode[]): RowNode[] {
  return forest.flatMap((n) => (n.children.length > 0 ? [n, ...parentRows(n.children)] : []));
}

/** Each parent of the reading against its children, in every column it prints. */
export function figureLevelChecks(input: CheckInput, forest: readonly RowNode[]): Check[] {
  return parentRows(forest).flatMap((parent) => {
    const children = parent.children.map((c) => c.row);
    const scope = (column: string) =>
      `${tableName(parent.row.table)} / ${rowName(parent.row)} / ${column} = Σ its ${children.length} rows (levels read from the figures)`;
    return rowAgainstRows(input.documentId, 'children_sum_to_parent', parent.row, children, scope);
  });
}
