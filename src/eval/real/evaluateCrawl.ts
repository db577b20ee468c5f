import { type CrawlGold, findCrawlGold, matchGold, readCrawlGold } from './crawlGold.ts';
import { type DocumentReport, reportDocument } from './documentReport.ts';
import { dumpEntries, readDumpDocument } from './dump.ts';
import { type GoldScore, type GoldSummary, scoreGold, summarizeGold } from './goldScore.ts';
import { type CrawlTotals, crawlTotals } from './totals.ts';

/** The whole gold-free report of a dump, plus the scores of whatever blind gold exists for it. */

export interface CrawlEvaluation {
  readonly documents: readonly DocumentReport[];
  readonly totals: CrawlTotals;
  readonly gold: readonly GoldScore[];
  /** Undefined when there is no gold (nothing to score, nothing to gate). */
  readonly goldAll: GoldSummary | undefined;
  readonly goldHeldOut: GoldSummary | undefined;
}

function unscored(gold: CrawlGold, problem: string): GoldScore {
  return scoreGold(gold.key, gold.heldOut, readCrawlGold(gold), [], problem);
}

export async function evaluateCrawl(dumpDir: string, goldDir: string): Promise<CrawlEvaluation> {
  const entries = dumpEntries(dumpDir);
  const golds = findCrawlGold(goldDir);
  const matches = matchGold(
    golds,
    entries.map((e) => e.sourceFile),
  );
  const goldOf = new Map<string, CrawlGold>();
  for (const gold of golds) {
    const source = matches.get(gold.key)?.source;
    if (source) goldOf.set(source, gold);
  }
  const documents: DocumentReport[] = [];
  const scores: GoldScore[] = golds
    .filter((g) => matches.get(g.key)?.problem)
    .map((g) => unscored(g, matches.get(g.key)!.problem!));
  // One document in memory at a time: a crawl's dump runs to hundreds of megabytes.
  for (const entry of entries) {
    const doc = await readDumpDocument(dumpDir, entry);
    documents.push(reportDocument(doc));
    const gold = goldOf.get(entry.sourceFile);
    if (gold) scores.push(scoreGold(gold.key, gold.heldOut, readCrawlGold(gold), doc.line_items));
  }
  scores.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const heldOut = scores.filter((s) => s.heldOut);
  return {
    documents,
    totals: crawlTotals(documents),
    gold: scores,
    goldAll: scores.length > 0 ? summarizeGold(scores) : undefined,
    goldHeldOut: heldOut.length > 0 ? summarizeGold(heldOut) : undefined,
  };
}
