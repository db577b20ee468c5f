import type { Check } from '../../schemas/check.ts';
import type { CanonicalDocument, ExtractedTableRecord } from '../../schemas/document.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { describePart } from '../checks/emit.ts';
import { CONFIDENCE_FLOOR, judge } from '../checks/verdict.ts';
import { esc, shell } from './html.ts';

/**
 * One document of the review site: its verdict and reasons, then each table as a grid beside the
 * source pages it stands on, with its checks below; a failed check, clicked, outlines the cells it
 * added up. Pure: the page images are given (paths relative to the page).
 */

export type PageImages = ReadonlyMap<number, string>;

const cellId = (it: LineItem) => `c${it.table_index}-${it.row_index}-${it.column_index}`;

function cellClass(it: LineItem): string {
  const low = it.confidence !== undefined && it.confidence < CONFIDENCE_FLOOR;
  return ['num', it.status === 'repaired' ? 'repaired' : '', low ? 'lowconf' : ''].filter(Boolean).join(' ');
}

function cellTitle(it: LineItem): string {
  const notes = [
    it.status === 'repaired' ? `repaired: read "${it.original_text}"` : '',
    it.confidence !== undefined ? `OCR confidence ${it.confidence}` : '',
    it.page !== undefined ? `page ${it.page}` : it.line !== undefined ? `line ${it.line}` : '',
  ].filter(Boolean);
  return notes.join(' · ');
}

function grid(items: readonly LineItem[]): string {
  const columns = [...new Map(items.map((it) => [it.column_index, it.column_label])).entries()].sort(
    (a, b) => a[0] - b[0],
  );
  // Two-sided tables (收入 | 支出) label one printed row twice: show both labels.
  const labels = new Map<number, Set<string>>();
  for (const it of items) labels.set(it.row_index, (labels.get(it.row_index) ?? new Set()).add(it.row_label));
  const rows = [...labels].map(([r, set]) => [r, [...set].join(' ‖ ')] as const).sort((a, b) => a[0] - b[0]);
  const at = new Map(items.map((it) => [`${it.row_index}-${it.column_index}`, it]));
  const head = `<tr><th>row</th>${columns.map(([, label]) => `<th>${esc(label)}</th>`).join('')}</tr>`;
  const body = rows.map(([r, label]) => {
    const cells = columns.map(([c]) => {
      const it = at.get(`${r}-${c}`);
      return it
        ? `<td id="${cellId(it)}" class="${cellClass(it)}" title="${esc(cellTitle(it))}">${esc(it.value)}</td>`
        : '<td></td>';
    });
    return `<tr><td>${esc(label)}</td>${cells.join('')}</tr>`;
  });
  return `<table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

/** The cells a failed check is about: its parts (as listed in `parts`) and its total. */
export function cellsOfCheck(check: Check, items: readonly LineItem[]): string[] {
  const parts = new Set((check.parts ?? '').split('; ').filter(Boolean));
  const ofTable = items.filter((it) => it.table_index === check.table_index);
  const total = ofTable.filter(
    (it) =>
      (it.line ?? it.page) === (check.line ?? check.page) && Number(it.value) === Number(check.expected),
  );
  const summed = ofTable.filter((it) => parts.has(describePart(it)));
  return [...new Set([...total, ...summed].map(cellId))];
}

function checkList(checks: readonly Check[], items: readonly LineItem[]): string {
  if (checks.length === 0) return '';
  const li = checks.map((c) => {
    if (c.status !== 'fail')
      return `<li class="check ${c.status}">${esc(c.check)}: ${esc(c.scope)} — ${esc(c.status)}</li>`;
    const page = c.page !== undefined ? ` data-page="p${c.page}"` : '';
    return `<li class="check fail" data-cells="${cellsOfCheck(c, items).join(' ')}"${page}>✗ ${esc(c.check)}: ${esc(c.scope)}: ${esc(c.message)}${c.parts ? `<br><small>${esc(c.parts)}</small>` : ''}</li>`;
  });
  return `<ul class="checks">${li.join('')}</ul>`;
}

function pagesOf(table: ExtractedTableRecord, images: PageImages): string {
  if (table.page_start === undefined) return '';
  const out: string[] = [];
  for (let p = table.page_start; p <= (table.page_end ?? table.page_start); p++) {
    const src = images.get(p);
    if (src) out.push(`<img id="p${p}" src="${esc(src)}" alt="page ${p}" loading="lazy">`);
  }
  return out.length > 0 ? `<div class="pages">${out.join('')}</div>` : '';
}

function tableSection(doc: CanonicalDocument, table: ExtractedTableRecord, images: PageImages): string {
  const items = doc.line_items.filter((it) => it.table_index === table.table_index);
  const checks = doc.checks.filter((c) => c.table_index === table.table_index);
  const where =
    table.page_start !== undefined
      ? `pages ${table.page_start}–${table.page_end}`
      : `lines ${table.line_start}–${table.line_end}`;
  const flag =
    table.table_kind === 'other' && items.length > 0
      ? ' <span class="flag">other: check its kind</span>'
      : '';
  return `<section id="t${table.table_index}"><h2>${esc(table.table_number)} ${esc(table.table_title || '(untitled)')} <small>${esc(table.table_kind)} · ${esc(where)} · ${items.length} amounts</small>${flag}</h2>
<div class="pair"><div class="grid">${items.length > 0 ? grid(items) : '<p>no amounts</p>'}</div>${pagesOf(table, images)}</div>${checkList(checks, doc.line_items)}</section>`;
}

export function documentPage(doc: CanonicalDocument, images: PageImages): string {
  const { verdict, reasons } = judge(doc);
  const loose = doc.checks.filter((c) => c.table_index === undefined);
  const body = `<p><a href="../index.html">← all documents</a></p>
<h1>${esc(doc.document_id)} <span class="${verdict}">${esc(verdict)}</span></h1>
<p>${esc(doc.source_file)} · ${esc(doc.metadata.department)} ${esc(doc.metadata.year)} ${esc(doc.metadata.document_kind)} · status ${esc(doc.status)}</p>
${reasons.length > 0 ? `<ul class="reasons">${reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''}
${doc.tables.map((t) => tableSection(doc, t, images)).join('\n')}
${loose.length > 0 ? `<section><h2>other checks</h2>${checkList(loose, doc.line_items)}</section>` : ''}`;
  return shell(`${doc.document_id} — yusuan review`, body, '../');
}
