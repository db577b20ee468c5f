import type { CanonicalDocument } from '../../../schemas/document.ts';
import type { LineItem } from '../../../schemas/lineItem.ts';
import type { ProseStatement } from '../../checks/proseStatements.ts';
import { runChecks } from '../../checks/runChecks.ts';

/**
 * Which amounts of a document some check looks at. A check record names only its total, not its
 * parts, so the checks are run again over the dump's amounts with every amount watched: an amount
 * whose value a check reads is covered. An amount no check reads could be wrong unnoticed.
 */

export interface Coverage {
  /** Indexes (into `line_items`) of the amounts no check reads. */
  readonly uncovered: readonly number[];
  /** Checks of the re-run; differs from the dump's count when the dump was made by other code. */
  readonly checks: number;
}

function watched(items: readonly LineItem[], seen: Set<number>): LineItem[] {
  return items.map(
    (item, index) =>
      new Proxy(item, {
        get(target, property, receiver) {
          if (property === 'value') seen.add(index);
          return Reflect.get(target, property, receiver);
        },
      }),
  );
}

export function checkCoverage(doc: CanonicalDocument): Coverage {
  const seen = new Set<number>();
  const checks = runChecks(
    {
      documentId: doc.document_id,
      year: doc.metadata.year,
      tables: doc.tables,
      lineItems: watched(doc.line_items, seen),
      // The narrative's lines are not in the dump; its statements are (`prose_amounts`).
      prose: [],
    },
    (doc.prose_amounts ?? []) as ProseStatement[],
  );
  const uncovered: number[] = [];
  for (let i = 0; i < doc.line_items.length; i++) if (!seen.has(i)) uncovered.push(i);
  return { uncovered, checks: checks.length };
}
