import type { LayoutChoice } from '../../extractors/index.ts';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { type ExtractOptions, extractDocument } from '../pipeline/extractDocument.ts';
import type { SourceIdentity } from '../readers/readSource.ts';

/**
 * `yusuan inspect FILE`: what a user runs first on a new city's file. Which layout extractor was
 * chosen and why (every layout's claim), then every table with its title, kind, why it got that
 * kind, its header paths, rows, amounts and the checks on it. Reading only; nothing is written.
 */

export interface Inspection {
  readonly document: CanonicalDocument;
  readonly claims: LayoutChoice['claims'];
}

export async function inspectDocument(
  bytes: Uint8Array,
  id: SourceIdentity,
  options: ExtractOptions = {},
): Promise<Inspection> {
  let claims: LayoutChoice['claims'] = [];
  const document = await extractDocument(bytes, id, {
    ...options,
    onLayoutChoice: (choice) => {
      claims = choice.claims;
    },
  });
  return { document, claims };
}

function place(t: CanonicalDocument['tables'][number]): string {
  if (t.page_start !== undefined)
    return t.page_end !== undefined && t.page_end !== t.page_start
      ? `pages ${t.page_start}–${t.page_end}`
      : `page ${t.page_start}`;
  if (t.line_start !== undefined) return `lines ${t.line_start}–${t.line_end ?? t.line_start}`;
  return '';
}

export function formatInspection({ document: d, claims }: Inspection): string {
  const out: string[] = [];
  out.push(`${d.source_file}`);
  out.push(
    `  ${d.input_type}${d.encoding ? ` (${d.encoding})` : ''}${d.metadata.pages !== undefined ? `, ${d.metadata.pages} pages` : ''}; status ${d.status}${d.message ? `: ${d.message}` : ''}`,
  );
  const meta = d.metadata;
  out.push(
    `  ${[meta.city, meta.department, meta.year, meta.document_kind].filter((x) => x !== '').join(' · ') || '(no city, department or year found)'}; unit ${meta.unit || '?'}`,
  );
  out.push('', `layout: ${meta.layout_family || '(none)'} — ${d.layout_reason}`);
  for (const { family, claim } of [...claims].sort((a, b) => b.claim.score - a.claim.score))
    out.push(
      `  ${family === meta.layout_family ? '→' : ' '} ${family.padEnd(20)} ${String(claim.score).padStart(3)}  ${claim.reason}`,
    );

  out.push('', `tables: ${d.tables.length}`);
  for (const t of d.tables) {
    const checks = d.checks.filter((c) => c.table_index === t.table_index);
    const count = (s: string) => checks.filter((c) => c.status === s).length;
    out.push(
      '',
      `[${t.table_index}] ${t.table_number ? `${t.table_number} ` : ''}${t.table_title || '(untitled)'}  (${place(t)}${t.parts > 1 ? `, ${t.parts} parts stitched` : ''})`,
      `    kind ${t.table_kind} — ${t.recognized_by}`,
      `    ${t.body_rows} rows, ${t.line_item_count} amounts${t.indicator_count > 0 ? `, ${t.indicator_count} indicators` : ''}, unit ${t.unit || '?'}; checks ${count('pass')} pass / ${count('fail')} fail / ${count('skip')} skip`,
    );
    const paths = t.header_paths.map((p) => p.join(' / ')).filter((p) => p !== '');
    if (paths.length > 0) out.push(`    columns: ${paths.join(' | ')}`);
    for (const c of checks.filter((x) => x.status === 'fail'))
      out.push(`    ✗ ${c.check}: ${c.scope}: ${c.message}`);
  }
  const documentChecks = d.checks.filter((c) => c.table_index === undefined);
  if (documentChecks.length > 0) {
    const failed = documentChecks.filter((c) => c.status === 'fail');
    out.push(
      '',
      `checks across tables: ${documentChecks.length - failed.length} pass or skip, ${failed.length} fail`,
      ...failed.map((c) => `    ✗ ${c.check}: ${c.scope}: ${c.message}`),
    );
  }
  const warnings = d.problems.filter((p) => p.severity === 'warning');
  if (warnings.length > 0)
    out.push(
      '',
      `warnings: ${warnings.length}`,
      ...warnings.slice(0, 20).map((w) => `    ${w.code}: ${w.message}`),
    );
  return `${out.join('\n')}\n`;
}
