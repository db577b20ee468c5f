import type { CanonicalDocument } from '../../schemas/document.ts';

/** Human-readable lines for the terminal. */

export function documentLine(doc: CanonicalDocument): string {
  const warnings = doc.problems.filter((p) => p.severity === 'warning').length;
  const checks =
    doc.checks.length > 0
      ? `  checks ${doc.checks.filter((c) => c.status === 'pass').length} pass / ${doc.checks.filter((c) => c.status === 'fail').length} fail`
      : '';
  const base = `${doc.document_id.padEnd(24)} ${doc.status.padEnd(7)} ${(doc.metadata.layout_family || '-').padEnd(18)} tables ${String(doc.tables.length).padStart(3)}  amounts ${String(doc.line_items.length).padStart(4)}  indicators ${String(doc.indicators.length).padStart(3)}  warnings ${warnings}${checks}`;
  return doc.message ? `${base}\n    ${doc.message}` : base;
}

export function summaryLine(docs: readonly CanonicalDocument[], outDir: string): string {
  const count = (s: string) => docs.filter((d) => d.status === s).length;
  const amounts = docs.reduce((n, d) => n + d.line_items.length, 0);
  const indicators = docs.reduce((n, d) => n + d.indicators.length, 0);
  return `${docs.length} documents: ${count('ok')} ok, ${count('partial')} partial, ${count('failed')} failed; ${amounts} amounts, ${indicators} indicators → ${outDir}`;
}
