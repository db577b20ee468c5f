import type { CanonicalDocument } from '../../schemas/document.ts';
import { CONFIDENCE_FLOOR, judge, VERDICTS } from '../checks/verdict.ts';

/** Human-readable lines for the terminal. */

type CheckRecord = CanonicalDocument['checks'][number];

function where(c: CheckRecord): string {
  if (c.page !== undefined) return `page ${c.page}${c.line !== undefined ? ` line ${c.line}` : ''}`;
  return c.line !== undefined ? `line ${c.line}` : '';
}

function countChecks(checks: readonly CheckRecord[], status: CheckRecord['status']): number {
  return checks.filter((c) => c.status === status).length;
}

/** The failed checks of a document, largest difference first, as indented lines. */
export function worstFailures(doc: CanonicalDocument, limit = 3): string[] {
  const failed = doc.checks.filter((c) => c.status === 'fail');
  const size = (c: CheckRecord) => Math.abs(Number(c.difference) || 0);
  return [...failed]
    .sort((a, b) => size(b) - size(a))
    .slice(0, limit)
    .map((c) => `    ✗ ${c.check} ${where(c)}: ${c.scope}: ${c.message}`)
    .concat(
      failed.length > limit ? [`    … and ${failed.length - limit} more failed checks (checks.csv)`] : [],
    );
}

export const LOW_CONFIDENCE = CONFIDENCE_FLOOR;

/** OCR'd values to look at: repaired ones and those read with low confidence, lowest first. */
export function ocrAttention(doc: CanonicalDocument, limit = 5): string[] {
  const repaired = doc.line_items.filter((it) => it.status === 'repaired');
  const low = doc.line_items
    .filter((it) => it.confidence !== undefined && it.confidence < LOW_CONFIDENCE)
    .sort((a, b) => (a.confidence ?? 0) - (b.confidence ?? 0));
  if (repaired.length === 0 && low.length === 0) return [];
  const place = (it: (typeof low)[number]) =>
    `page ${it.page ?? '?'}: ${it.table_title} / ${it.row_label} / ${it.column_label}`;
  return [
    `    OCR: ${repaired.length} value(s) repaired by the checks, ${low.length} read with confidence < ${LOW_CONFIDENCE}`,
    ...repaired
      .slice(0, limit)
      .map((it) => `    ~ ${place(it)}: read "${it.original_text}", repaired to ${it.value}`),
    ...low.slice(0, limit).map((it) => `    ? ${place(it)}: ${it.value} (confidence ${it.confidence})`),
  ];
}

export function documentLine(doc: CanonicalDocument): string {
  const { verdict, reasons } = judge(doc);
  const warnings = doc.problems.filter((p) => p.severity === 'warning').length;
  const checks = `checks ${countChecks(doc.checks, 'pass')} pass / ${countChecks(doc.checks, 'fail')} fail / ${countChecks(doc.checks, 'skip')} skip`;
  const base = [
    doc.document_id.padEnd(24),
    doc.status.padEnd(7),
    verdict.padEnd(12),
    (doc.metadata.layout_family || '-').padEnd(18),
    `tables ${String(doc.tables.length).padStart(3)}`,
    `amounts ${String(doc.line_items.length).padStart(4)}`,
    `indicators ${String(doc.indicators.length).padStart(3)}`,
    `warnings ${warnings}`,
    checks,
  ].join('  ');
  return [
    base,
    ...(doc.message ? [`    ${doc.message}`] : []),
    ...(verdict === 'needs_review' ? reasons.map((r) => `    review: ${r}`) : []),
    ...worstFailures(doc),
    ...ocrAttention(doc),
  ].join('\n');
}

export function summaryLine(docs: readonly CanonicalDocument[], outDir: string): string {
  const count = (s: string) => docs.filter((d) => d.status === s).length;
  const amounts = docs.reduce((n, d) => n + d.line_items.length, 0);
  const indicators = docs.reduce((n, d) => n + d.indicators.length, 0);
  const checks = docs.flatMap((d) => d.checks);
  const verdicts = docs.map((d) => judge(d).verdict);
  const verdictCounts = VERDICTS.map((v) => `${verdicts.filter((x) => x === v).length} ${v}`).join(', ');
  return `${docs.length} documents: ${count('ok')} ok, ${count('partial')} partial, ${count('failed')} failed (${verdictCounts}); ${amounts} amounts, ${indicators} indicators; checks ${countChecks(checks, 'pass')} pass, ${countChecks(checks, 'fail')} fail, ${countChecks(checks, 'skip')} skip → ${outDir}`;
}
