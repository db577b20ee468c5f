import { f1, precision, recall, type Score } from '../score.ts';
import { CORE_KINDS } from './classify.ts';
import type { DocumentReport } from './documentReport.ts';
import type { CrawlEvaluation } from './evaluateCrawl.ts';
import type { GoldScore, GoldSummary } from './goldScore.ts';
import type { CrawlTotals } from './totals.ts';

/** The text report of `npm run eval:real`. */

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Characters a terminal draws two columns wide (CJK and full-width forms). */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** `padEnd` by display columns, so that columns after Chinese names line up. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
const MISSING = '－－';

/** The folder all sources share, so that lines show paths below the crawl's root. */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const split = paths.map((p) => p.split('/').slice(0, -1));
  const first = split[0]!;
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n++;
  return n === 0 ? '' : `${first.slice(0, n).join('/')}/`;
}

function coreColumn(r: DocumentReport): string {
  return CORE_KINDS.map(([kind, short]) => (r.coreFound.includes(kind) ? short : MISSING)).join(' ');
}

export function documentLine(r: DocumentReport, root: string): string {
  const file = r.sourceFile.startsWith(root) ? r.sourceFile.slice(root.length) : r.sourceFile;
  const failure = ['crash', 'timeout', 'unreadable'].includes(r.class)
    ? `  (${r.message.slice(0, 100)})`
    : '';
  return [
    r.status.padEnd(7),
    r.class.padEnd(10),
    r.documentKind || '-'.padEnd(4),
    coreColumn(r),
    `${r.checksPassed}/${r.checksFailed}`.padStart(11),
    String(r.uncovered).padStart(6),
    `${r.otherTables}/${r.otherAmounts}`.padStart(9),
    String(r.lineNumberAmounts).padStart(4),
    `  ${file}${failure}`,
  ].join(' ');
}

export function documentsText(documents: readonly DocumentReport[]): string {
  const root = commonFolder(documents.map((d) => d.sourceFile));
  const core = CORE_KINDS.map(([, short]) => short).join(' ');
  const header = `${'status'.padEnd(7)} ${'class'.padEnd(10)} 预决 ${core} ${'pass/fail'.padStart(11)} ${'uncov'.padStart(6)} ${'other t/a'.padStart(9)} 栏次   file (under ${root || '.'})`;
  return [header, ...documents.map((d) => documentLine(d, root))].join('\n');
}

function missingKindsLine(documents: readonly DocumentReport[]): string {
  const reports = documents.filter((d) => d.class === 'report');
  return CORE_KINDS.map(
    ([kind, short]) => `${short} ${reports.filter((r) => r.coreMissing.includes(kind)).length}`,
  ).join(', ');
}

export function totalsText(t: CrawlTotals, documents: readonly DocumentReport[]): string {
  const c = t.byClass;
  const differ = documents.filter((d) => d.checksDiffer).length;
  return [
    `documents ${t.documents}: report ${c.report}, extract ${c.extract}, not-budget ${c['not-budget']}, crash ${c.crash}, timeout ${c.timeout}, unreadable ${c.unreadable}`,
    `budget documents (reports) ${t.budgetDocuments}: clean and complete ${t.cleanAndComplete} (${pct(t.cleanShare)})`,
    `  reports missing each core kind: ${missingKindsLine(documents)}`,
    `checks ${t.checksPassed} pass, ${t.checksFailed} fail, ${t.checksSkipped} skip: pass rate ${pct(t.checkPassRate)}`,
    `crashes ${t.crashes} (and ${c.timeout} stopped at the time limit, not gated: it depends on the machine's load)`,
    `non-budget files not failed ${t.nonBudgetOk}`,
    `amounts ${t.amounts}: not covered by any check ${t.uncovered} (${pct(t.amounts === 0 ? 0 : t.uncovered / t.amounts)})${differ > 0 ? ` [coverage from the current checks; ${differ} documents' checks differ from the dump's]` : ''}`,
    `other tables with amounts ${t.otherTables} (${t.otherAmounts} amounts)`,
    `amounts from 栏次/行次 rows ${t.lineNumberAmounts}`,
  ].join('\n');
}

const fmt = (s: Score) =>
  `${String(s.truePositives).padStart(5)}/${String(s.truePositives + s.falseNegatives).padEnd(5)} P ${precision(s).toFixed(3)} R ${recall(s).toFixed(3)} F1 ${f1(s).toFixed(3)}`;

function scoreLine(name: string, strict: Score, amount: Score, width: number): string {
  return `${padDisplay(name, width)} ${fmt(strict)}   ${fmt(amount)}`;
}

function kindLines(summary: GoldSummary, width: number): string[] {
  return [...summary.strictByKind.keys()]
    .sort()
    .map((kind) =>
      scoreLine(`  ${kind}`, summary.strictByKind.get(kind)!, summary.amountByKind.get(kind)!, width),
    );
}

export function goldText(
  goldDir: string,
  scores: readonly GoldScore[],
  all: GoldSummary | undefined,
  heldOut: GoldSummary | undefined,
): string {
  if (!all) return `blind gold: none under ${goldDir} (nothing scored)`;
  const width = Math.max(40, ...scores.map((s) => displayWidth(s.key) + 12));
  const lines = [
    `blind gold (${goldDir}), on the gold's tables: strict line items (kind, row, codes, column, value, unit, page), then amounts (kind, value, unit, page)`,
    `${'document'.padEnd(width)} ${'strict'.padEnd(36)}   amounts`,
    ...scores.map(
      (s) =>
        `${scoreLine(`${s.key}${s.heldOut ? ' (held out)' : ''}`, s.strict, s.amount, width)}${s.problem ? `  [${s.problem}]` : ''}`,
    ),
    'by table kind',
    ...kindLines(all, width),
    scoreLine(`all (${all.documents} documents)`, all.strict, all.amount, width),
  ];
  if (heldOut) {
    lines.push(
      scoreLine(`held out (${heldOut.documents} documents)`, heldOut.strict, heldOut.amount, width),
      ...kindLines(heldOut, width),
    );
  }
  return lines.join('\n');
}

/** Every strict miss and extra of the gold documents, for whoever fixes or checks them. */
export function goldMismatchText(scores: readonly GoldScore[]): string {
  return scores
    .flatMap((s) => [
      ...s.strict.missing.map((k) => `${s.key} missing:    ${k}`),
      ...s.strict.unexpected.map((k) => `${s.key} unexpected: ${k}`),
    ])
    .join('\n');
}

export function evaluationText(e: CrawlEvaluation, goldDir: string, verbose = false): string {
  const parts = [
    documentsText(e.documents),
    '',
    totalsText(e.totals, e.documents),
    '',
    goldText(goldDir, e.gold, e.goldAll, e.goldHeldOut),
  ];
  if (verbose && e.gold.length > 0) parts.push('', goldMismatchText(e.gold));
  return parts.join('\n');
}
