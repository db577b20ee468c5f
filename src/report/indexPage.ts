import { esc, htmlPage, pageFileName } from './html.ts';
import type { DocumentEntry } from './loadDump.ts';

/** The site's front page: every document with its verdict, counts and reasons; sortable, filterable. */

const COUNT_COLUMNS = ['tables', 'line_items', 'indicators', 'checks_failed', 'warnings'] as const;

function verdictCounts(entries: readonly DocumentEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([v, n]) => `<span class="verdict ${esc(v)}">${esc(v)}</span> ${n}`)
    .join(' · ');
}

function entryRow(entry: DocumentEntry, linked: boolean): string {
  const id = linked
    ? `<a href="${esc(pageFileName(entry.documentId))}">${esc(entry.documentId)}</a>`
    : esc(entry.documentId);
  const counts = COUNT_COLUMNS.map((c) => `<td class="num">${esc(entry.row[c] ?? '')}</td>`).join('');
  return `<tr data-verdict="${esc(entry.verdict)}"><td>${id}</td><td><span class="verdict ${esc(entry.verdict)}">${esc(entry.verdict)}</span></td><td>${esc(entry.row.city ?? '')}</td><td>${esc(entry.row.department ?? '')}</td><td>${esc(entry.row.year ?? '')}</td><td>${esc(entry.row.input_type ?? '')}</td>${counts}<td class="reasons">${esc(entry.reasons)}</td></tr>`;
}

export function indexPage(
  entries: readonly DocumentEntry[],
  linked: ReadonlySet<string>,
  title: string,
): string {
  const verdicts = [...new Set(entries.map((e) => e.verdict))].sort();
  const options = verdicts.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('');
  const heads = ['document', 'verdict', 'city', 'department', 'year', 'input', ...COUNT_COLUMNS, 'reasons']
    .map(
      (h, i) => `<th data-column="${i}" data-numeric="${COUNT_COLUMNS.includes(h as never)}">${esc(h)}</th>`,
    )
    .join('');
  const rows = entries.map((e) => entryRow(e, linked.has(e.documentId))).join('\n');
  const body = `<header><h1>${esc(title)}</h1><p>${entries.length} documents: ${verdictCounts(entries)}</p>
<p class="filters"><input id="filter" type="search" placeholder="filter: id, department, reason…" aria-label="filter"> <select id="verdict-filter" aria-label="verdict"><option value="">every verdict</option>${options}</select> <span id="shown"></span></p></header>
<main><table id="documents" class="documents"><thead><tr>${heads}</tr></thead><tbody>
${rows}
</tbody></table></main>`;
  return htmlPage(title, body, '');
}
