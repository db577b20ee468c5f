import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { addDecimals, type Decimal } from '../normalize/decimal.ts';
import { comparedFigures } from './cells.ts';
import { type AmountRow, amountOf, type CheckName, placeOf } from './model.ts';
import { compareWithTolerance, roundingTolerance, show } from './tolerance.ts';

/** Builds check records: a total against the sum of its parts, or one figure against another. */

export interface SumCheck {
  readonly documentId: string;
  readonly check: CheckName;
  readonly scope: string;
  /** The printed total. */
  readonly total: LineItem;
  /** The printed parts; blank parts are absent (no value = zero in a sum). */
  readonly parts: readonly LineItem[];
  /** How many parts the rule sums, printed or blank. */
  readonly partCount: number;
}

export function sumCheck(c: SumCheck): Check {
  const expected = amountOf(c.total);
  const partValues = c.parts.map(amountOf);
  const actual: Decimal = addDecimals(partValues);
  const tolerance = roundingTolerance([expected, ...partValues], Math.max(1, c.partCount));
  const cmp = compareWithTolerance(expected, actual, tolerance);
  const exact = cmp.difference.units === 0n;
  return {
    document_id: c.documentId,
    check: c.check,
    scope: c.scope,
    expected: show(expected),
    actual: show(actual),
    difference: show(cmp.difference),
    tolerance: show(cmp.tolerance),
    status: cmp.withinTolerance ? 'pass' : 'fail',
    message: exact
      ? `${c.parts.length} of ${c.partCount} parts printed; sum equals the total`
      : cmp.withinTolerance
        ? `differs by ${show(cmp.difference)}, within the rounding tolerance of ${show(cmp.tolerance)} for ${c.partCount} parts`
        : `total ${show(expected)} but its ${c.partCount} parts sum to ${show(actual)} (difference ${show(cmp.difference)})`,
    ...placeOf(c.total),
    ...comparedFigures(c.total, c.parts, 'part'),
  };
}

export function equalityCheck(
  documentId: string,
  check: CheckName,
  scope: string,
  a: LineItem,
  b: LineItem | Decimal,
  what: string,
): Check {
  const expected = amountOf(a);
  const actual = 'units' in b ? b : amountOf(b);
  const tolerance = roundingTolerance([expected, actual], 1);
  const cmp = compareWithTolerance(expected, actual, tolerance);
  return {
    document_id: documentId,
    check,
    scope,
    expected: show(expected),
    actual: show(actual),
    difference: show(cmp.difference),
    tolerance: show(cmp.tolerance),
    status: cmp.withinTolerance ? 'pass' : 'fail',
    message:
      cmp.difference.units === 0n
        ? `${what}: equal`
        : cmp.withinTolerance
          ? `${what}: differ by ${show(cmp.difference)}, within rounding tolerance`
          : `${what}: ${show(expected)} ≠ ${show(actual)}`,
    ...placeOf(a),
    ...comparedFigures(a, 'units' in b ? [] : [b], 'other'),
  };
}

export function skip(
  documentId: string,
  check: CheckName,
  scope: string,
  message: string,
  at?: LineItem,
): Check {
  return {
    document_id: documentId,
    check,
    scope,
    expected: '',
    actual: '',
    difference: '',
    tolerance: '',
    status: 'skip',
    message,
    ...placeOf(at),
  };
}

/**
 * A parent row against the rows that make it up: one check per column the parent prints. A
 * column none of the part rows prints is skipped with `whenNoPart` (or left out without it).
 */
export function rowAgainstRows(
  documentId: string,
  check: CheckName,
  parent: AmountRow,
  parts: readonly AmountRow[],
  scopeOf: (column: string) => string,
  whenNoPart?: string,
): Check[] {
  const out: Check[] = [];
  for (const [column, total] of parent.cells) {
    const printed = parts.flatMap((p) => {
      const item = p.cells.get(column);
      return item ? [item] : [];
    });
    const scope = scopeOf(column);
    if (printed.length === 0) {
      if (whenNoPart) out.push(skip(documentId, check, scope, whenNoPart, total));
      continue;
    }
    out.push(sumCheck({ documentId, check, scope, total, parts: printed, partCount: parts.length }));
  }
  return out;
}
