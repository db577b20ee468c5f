import type { CanonicalDocument } from '../../schemas/document.ts';
import { CORE_KIND_IDS, coreKindsPrinted } from '../tables/coreKinds.ts';
import { PERFORMANCE_KINDS, type TableKind } from '../tables/tableKinds.ts';

/**
 * "Can I publish this file?" in one word. `ok` only says something was extracted; the verdict says
 * whether the extraction is confirmed: every core table found, every check passing, no OCR value in
 * doubt. One pure rule, so documents.csv, the JSON, SQLite, the summary line and `--strict` agree.
 */

export const VERDICTS = ['verified', 'needs_review', 'failed', 'not_budget'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Judgement {
  readonly verdict: Verdict;
  /** Why it is not `verified`; empty when it is. */
  readonly reasons: readonly string[];
}

/** OCR values read with less confidence than this are for a person to look at. */
export const CONFIDENCE_FLOOR = 70;

export { CORE_KIND_IDS as CORE_KINDS } from '../tables/coreKinds.ts';

/** Read problems that say the file is something else than a budget disclosure. */
const NOT_BUDGET_CODES = new Set(['unsupported-input', 'empty-file']);

function isNotBudget(doc: CanonicalDocument): boolean {
  if (doc.problems.some((p) => NOT_BUDGET_CODES.has(p.code))) return true;
  // No table, and nothing names a 预算 / 决算, a department or a budget year: a file of another kind,
  // not a budget we failed to read.
  const nothing = doc.tables.length === 0 && (doc.prose_amounts?.length ?? 0) === 0;
  const scanned = doc.problems.some((p) => p.code === 'pages-without-text' || p.code === 'ocr-no-text');
  const noTable = doc.problems.filter((p) => p.code === 'no-budget-table');
  // The tables it holds were read and judged none a budget table (a statistics page, a plan).
  // The reader found every page and judged what it holds: not a budget disclosure (a notice, a site page).
  if (noTable.some((p) => /^not a budget disclosure|none a budget table/u.test(p.message))) return true;
  const { document_kind, department, year } = doc.metadata;
  return (
    noTable.length > 0 && nothing && !scanned && document_kind === '' && department === '' && year === ''
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function checkReasons(doc: CanonicalDocument): string[] {
  const failed = doc.checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return [];
  const names = [...new Set(failed.map((c) => c.check))].sort().join(', ');
  return [`${plural(failed.length, 'failed check')} (${names})`];
}

function missingCoreKinds(doc: CanonicalDocument): TableKind[] {
  const found = new Set(doc.tables.filter((t) => t.line_item_count > 0).map((t) => t.table_kind));
  // A lone performance form or narrative is judged on what it is, not on a report it is not.
  const isReport = [...found].some((k) => k !== 'other' && !PERFORMANCE_KINDS.has(k));
  if (!isReport) return [];
  const printed = new Set<TableKind>(coreKindsPrinted(doc.tables));
  return CORE_KIND_IDS.filter((k) => !printed.has(k));
}

function valueReasons(doc: CanonicalDocument): string[] {
  const repaired = doc.line_items.filter((it) => it.status === 'repaired').length;
  const low = doc.line_items.filter(
    (it) => it.confidence !== undefined && it.confidence < CONFIDENCE_FLOOR,
  ).length;
  const others = doc.tables.filter((t) => t.table_kind === 'other' && t.line_item_count > 0).length;
  return [
    ...(repaired > 0 ? [`${plural(repaired, 'OCR value')} repaired by the checks`] : []),
    ...(low > 0 ? [`${plural(low, 'OCR value')} read with confidence < ${CONFIDENCE_FLOOR}`] : []),
    ...(others > 0 ? [`${plural(others, 'table')} of kind other with amounts`] : []),
  ];
}

function confirmedByNothing(doc: CanonicalDocument): string[] {
  const hasData = doc.line_items.length > 0 || doc.indicators.length > 0;
  if (!hasData && (doc.prose_amounts?.length ?? 0) === 0) return ['nothing extracted'];
  // A narrative's amounts are confirmed only by its report's tables.
  if (!hasData && !doc.checks.some((c) => c.status !== 'skip'))
    return ['the stated amounts were not checked against a report'];
  return [];
}

function onlyNoTable(doc: CanonicalDocument): boolean {
  return doc.problems.filter((p) => p.severity === 'error').every((p) => p.code === 'no-budget-table');
}

export function judge(doc: CanonicalDocument): Judgement {
  if (isNotBudget(doc)) return { verdict: 'not_budget', reasons: [doc.message || 'not a budget document'] };
  const isNarrative = doc.line_items.length === 0 && (doc.prose_amounts?.length ?? 0) > 0;
  if (doc.status === 'failed' && !isNarrative) return { verdict: 'failed', reasons: [doc.message] };
  const missing = missingCoreKinds(doc);
  // A narrative is `partial` by construction (it has no table of its own): its checks judge it.
  const partial = doc.status === 'partial' && !(isNarrative && onlyNoTable(doc));
  const reasons = [
    ...(partial ? [`partial: ${doc.message}`] : []),
    ...checkReasons(doc),
    ...(missing.length > 0 ? [`core tables missing: ${missing.join(', ')}`] : []),
    ...valueReasons(doc),
    ...confirmedByNothing(doc),
  ];
  return reasons.length === 0 ? { verdict: 'verified', reasons } : { verdict: 'needs_review', reasons };
}

/** The document with its verdict recorded (recomputed: checks change when a narrative is paired). */
export function withVerdict(doc: CanonicalDocument): CanonicalDocument {
  const { verdict, reasons } = judge(doc);
  return { ...doc, verdict, verdict_reasons: [...reasons] };
}

/** `--strict` fails on anything a person must still look at. */
export function passesStrict(verdict: Verdict): boolean {
  return verdict === 'verified' || verdict === 'not_budget';
}
