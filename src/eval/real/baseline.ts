import { f1 } from '../score.ts';
import type { CrawlEvaluation } from './evaluateCrawl.ts';

/**
 * The committed figures of a crawl (`test/gold/real-baseline.json`, one entry per input set) and
 * the gate: a run is worse when any gated figure moved the wrong way.
 */

export interface BaselineEntry {
  readonly documents: number;
  readonly budget_documents: number;
  readonly clean_share: number;
  readonly check_pass_rate: number;
  readonly crashes: number;
  readonly non_budget_ok: number;
  readonly line_number_amounts: number;
  readonly other_tables: number;
  /** Strict line-item F1 over every blind gold document, when there is gold. */
  readonly gold_f1?: number;
  readonly heldout_gold_f1?: number;
}

export type RealBaseline = Readonly<Record<string, BaselineEntry>>;

const round = (x: number) => Number(x.toFixed(4));

export function baselineEntry(e: CrawlEvaluation): BaselineEntry {
  const t = e.totals;
  return {
    documents: t.documents,
    budget_documents: t.budgetDocuments,
    clean_share: round(t.cleanShare),
    check_pass_rate: round(t.checkPassRate),
    crashes: t.crashes,
    non_budget_ok: t.nonBudgetOk,
    line_number_amounts: t.lineNumberAmounts,
    other_tables: t.otherTables,
    ...(e.goldAll ? { gold_f1: round(f1(e.goldAll.strict)) } : {}),
    ...(e.goldHeldOut ? { heldout_gold_f1: round(f1(e.goldHeldOut.strict)) } : {}),
  };
}

/** Shares are stored to 4 decimals: compare at that precision (0.92857 is not below 0.9286). */
const EPSILON = 5e-5;

type Direction = 'higher-is-better' | 'lower-is-better';

const GATED: readonly [keyof BaselineEntry, string, Direction][] = [
  // Fewer reports would raise the share by itself (a report read as "no budget table" leaves it).
  ['budget_documents', 'budget documents (reports)', 'higher-is-better'],
  ['clean_share', 'share of budget documents clean and complete', 'higher-is-better'],
  ['check_pass_rate', 'check pass rate', 'higher-is-better'],
  ['crashes', 'crashes', 'lower-is-better'],
  ['non_budget_ok', 'non-budget files not failed', 'lower-is-better'],
  ['line_number_amounts', '栏次/行次 amounts', 'lower-is-better'],
  ['gold_f1', 'blind gold line-item F1', 'higher-is-better'],
  ['heldout_gold_f1', 'held-out gold line-item F1', 'higher-is-better'],
];

/** What got worse than the baseline, one sentence each; empty when nothing did. */
export function worseThanBaseline(current: BaselineEntry, base: BaselineEntry): string[] {
  const out: string[] = [];
  for (const [field, what, direction] of GATED) {
    const now = current[field];
    const before = base[field];
    // A figure the baseline does not hold yet (gold that just appeared) is not gated.
    if (now === undefined || before === undefined) continue;
    const worse = direction === 'higher-is-better' ? now + EPSILON < before : now > before + EPSILON;
    if (worse) out.push(`${what}: ${now} (baseline ${before})`);
  }
  return out;
}
