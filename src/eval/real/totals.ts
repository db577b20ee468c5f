import type { DocumentClass } from './classify.ts';
import type { DocumentReport } from './documentReport.ts';

/** The crawl's figures, summed over its documents. */
export interface CrawlTotals {
  readonly documents: number;
  readonly byClass: Readonly<Record<DocumentClass, number>>;
  /** Budget reports (预算 or 决算): the documents held to "clean and complete". */
  readonly budgetDocuments: number;
  readonly cleanAndComplete: number;
  /** cleanAndComplete / budgetDocuments (1 when there is none). */
  readonly cleanShare: number;
  readonly checksPassed: number;
  readonly checksFailed: number;
  readonly checksSkipped: number;
  /** passed / (passed + failed) (1 when there is none). */
  readonly checkPassRate: number;
  readonly crashes: number;
  /** Files that hold no budget but came out with amounts (`ok` or `partial`). */
  readonly nonBudgetOk: number;
  readonly amounts: number;
  readonly uncovered: number;
  readonly otherTables: number;
  readonly otherAmounts: number;
  readonly lineNumberAmounts: number;
}

const CLASSES: readonly DocumentClass[] = [
  'report',
  'extract',
  'not-budget',
  'crash',
  'timeout',
  'unreadable',
];

export function crawlTotals(reports: readonly DocumentReport[]): CrawlTotals {
  const sum = (f: (r: DocumentReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const byClass = Object.fromEntries(
    CLASSES.map((c) => [c, reports.filter((r) => r.class === c).length]),
  ) as Record<DocumentClass, number>;
  const budgetDocuments = byClass.report;
  const cleanAndComplete = reports.filter((r) => r.cleanAndComplete).length;
  const checksPassed = sum((r) => r.checksPassed);
  const checksFailed = sum((r) => r.checksFailed);
  return {
    documents: reports.length,
    byClass,
    budgetDocuments,
    cleanAndComplete,
    cleanShare: budgetDocuments === 0 ? 1 : cleanAndComplete / budgetDocuments,
    checksPassed,
    checksFailed,
    checksSkipped: sum((r) => r.checksSkipped),
    checkPassRate: checksPassed + checksFailed === 0 ? 1 : checksPassed / (checksPassed + checksFailed),
    crashes: byClass.crash,
    nonBudgetOk: reports.filter((r) => r.class === 'not-budget' && r.status !== 'failed').length,
    amounts: sum((r) => r.amounts),
    uncovered: sum((r) => r.uncovered),
    otherTables: sum((r) => r.otherTables),
    otherAmounts: sum((r) => r.otherAmounts),
    lineNumberAmounts: sum((r) => r.lineNumberAmounts),
  };
}
