import type { LineItem } from '../../../schemas/lineItem.ts';
import { withinGoldTables } from '../evaluate.ts';
import type { GoldRow } from '../gold.ts';
import { addScores, lineItemKey, type Mismatch, type Score, scoreBy, ZERO } from '../score.ts';

/**
 * A crawl document against its blind gold, on the gold's tables only (same kind, same page): the
 * strict line-item score (kind, row, codes, column, value, unit, page), then the amount-level
 * score (kind, value, unit, page) that forgives labels.
 */

type Row = Readonly<Record<string, unknown>>;

export interface GoldScore {
  readonly key: string;
  readonly heldOut: boolean;
  /** Why the document could not be scored (its gold counts as missed). */
  readonly problem?: string;
  readonly strict: Score & Mismatch;
  readonly amount: Score;
  readonly strictByKind: ReadonlyMap<string, Score>;
  readonly amountByKind: ReadonlyMap<string, Score>;
}

export function amountKey(r: Row): string {
  const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return [s(r.table_kind), s(r.value), s(r.unit), s(r.page)].join(' | ');
}

const kindOf = (r: Row) => String(r.table_kind ?? '');

export function scoreGold(
  key: string,
  heldOut: boolean,
  gold: readonly GoldRow[],
  extracted: readonly LineItem[],
  problem?: string,
): GoldScore {
  const scoped = withinGoldTables(gold, extracted);
  const strict = scoreBy(gold, scoped, (r) => lineItemKey(r, 'page'), kindOf);
  const amount = scoreBy(gold, scoped, amountKey, kindOf);
  return {
    key,
    heldOut,
    ...(problem ? { problem } : {}),
    strict: strict.total,
    amount: amount.total,
    strictByKind: strict.groups,
    amountByKind: amount.groups,
  };
}

export interface GoldSummary {
  readonly documents: number;
  readonly strict: Score;
  readonly amount: Score;
  readonly strictByKind: ReadonlyMap<string, Score>;
  readonly amountByKind: ReadonlyMap<string, Score>;
}

function addByKind(into: Map<string, Score>, from: ReadonlyMap<string, Score>): void {
  for (const [kind, s] of from) into.set(kind, addScores(into.get(kind) ?? ZERO, s));
}

export function summarizeGold(scores: readonly GoldScore[]): GoldSummary {
  const strictByKind = new Map<string, Score>();
  const amountByKind = new Map<string, Score>();
  for (const s of scores) {
    addByKind(strictByKind, s.strictByKind);
    addByKind(amountByKind, s.amountByKind);
  }
  return {
    documents: scores.length,
    strict: scores.reduce<Score>((acc, s) => addScores(acc, s.strict), ZERO),
    amount: scores.reduce<Score>((acc, s) => addScores(acc, s.amount), ZERO),
    strictByKind,
    amountByKind,
  };
}
