import type { DocumentRow } from '../../schemas/csvRows.ts';
import { VERDICTS } from '../checks/verdict.ts';
import { esc, pageFileOf, shell } from './html.ts';

/** The review site's index: every document with its verdict, counts and reasons, sortable and filterable. */

export function indexPage(rows: readonly DocumentRow[]): string {
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  const summary = VERDICTS.map((v) => `<span class="${v}">${count(v)} ${v}</span>`).join(' · ');
  const body = rows.map((r) => {
    const link = r.duplicate_of
      ? esc(r.document_id)
      : `<a href="docs/${pageFileOf(r.document_id)}">${esc(r.document_id)}</a>`;
    return `<tr data-verdict="${esc(r.verdict)}"><td>${link}</td><td class="${esc(r.verdict)}">${esc(r.verdict)}</td><td>${esc(r.status)}</td>
<td>${esc(r.department)}</td><td>${esc(r.year)}</td><td class="num">${r.tables}</td><td class="num">${r.line_items}</td>
<td class="num">${r.checks_failed}</td><td>${esc(r.duplicate_of ? `same bytes as ${r.duplicate_of}` : r.verdict_reasons || r.message)}</td></tr>`;
  });
  const options = VERDICTS.map((v) => `<option value="${v}">${v}</option>`).join('');
  return shell(
    'yusuan review',
    `<h1>yusuan review</h1><p>${rows.length} documents: ${summary}</p>
<p><input id="filter" placeholder="filter"> <select id="verdict"><option value="">every verdict</option>${options}</select></p>
<table id="documents" class="sortable"><thead><tr><th>document</th><th>verdict</th><th>status</th><th>department</th><th>year</th>
<th>tables</th><th>amounts</th><th>failed checks</th><th>reasons</th></tr></thead><tbody>${body.join('\n')}</tbody></table>`,
    '',
  );
}
