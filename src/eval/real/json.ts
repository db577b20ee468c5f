import { f1, type Score } from '../score.ts';
import type { BaselineEntry } from './baseline.ts';
import type { CrawlEvaluation } from './evaluateCrawl.ts';
import type { GoldSummary } from './goldScore.ts';

/** The report of `npm run eval:real -- --json`: plain objects (no Maps), F1 beside each score. */

const score = (s: Score) => ({
  true_positives: s.truePositives,
  false_positives: s.falsePositives,
  false_negatives: s.falseNegatives,
  f1: Number(f1(s).toFixed(4)),
});

function byKind(m: ReadonlyMap<string, Score>) {
  return Object.fromEntries([...m].map(([kind, s]) => [kind, score(s)]));
}

function summary(s: GoldSummary | undefined) {
  if (!s) return null;
  return {
    documents: s.documents,
    strict: score(s.strict),
    amount: score(s.amount),
    strict_by_kind: byKind(s.strictByKind),
    amount_by_kind: byKind(s.amountByKind),
  };
}

export function evaluationJson(name: string, e: CrawlEvaluation, figures: BaselineEntry) {
  return {
    input_set: name,
    figures,
    totals: e.totals,
    documents: e.documents,
    gold: {
      documents: e.gold.map((g) => ({
        key: g.key,
        held_out: g.heldOut,
        ...(g.problem ? { problem: g.problem } : {}),
        strict: score(g.strict),
        amount: score(g.amount),
        missing: g.strict.missing,
        unexpected: g.strict.unexpected,
      })),
      all: summary(e.goldAll),
      held_out: summary(e.goldHeldOut),
    },
  };
}
