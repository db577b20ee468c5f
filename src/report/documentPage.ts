import type { Check } from '../../schemas/check.ts';
import type { CanonicalDocument, ExtractedTableRecord } from '../../schemas/document.ts';
import { tableGrid } from './grid.ts';
import { cellKey, esc, htmlPage } from './html.ts';
import type { DocumentEntry } from './loadDump.ts';
import { failedChecks, failedKeys } from './marks.ts';
import { pageFigure, pageSizeOf } from './pageFigure.ts';
import type { PageImage } from './pageImage.ts';

/** One document's review page: its failed checks, then every table as a grid beside its source pages. */

export function tablePages(table: ExtractedTableRecord): number[] {
  if (table.page_start === undefined) return [];
  const end = table.page_end ?? table.page_start;
  return Array.from({ length: end - table.page_start + 1 }, (_, i) => table.page_start! + i);
}

function checkItem(check: Check): string {
  const keys = (check.cells ?? []).map((c) => cellKey(c.table_index, c.row_index, c.column_index));
  const parts = (check.cells ?? [])
    .map(
      (c) =>
        `<li data-cells="${cellKey(c.table_index, c.row_index, c.column_index)}">${esc(c.role)} · ${esc(c.row_label)} · ${esc(c.column_label)} = <b>${esc(c.value)}</b>${c.page !== undefined ? ` · p. ${c.page}` : ''}${c.line !== undefined ? ` · line ${c.line}` : ''}</li>`,
    )
    .join('');
  const table = check.table_index !== undefined ? ` data-table="${check.table_index}"` : '';
  return `<li class="check fail"><button type="button" class="check-link" data-cells="${keys.join(' ')}"${table}>${esc(check.check)}: ${esc(check.message)}</button><div class="scope">${esc(check.scope)}</div>${parts ? `<ul class="parts">${parts}</ul>` : ''}</li>`;
}

export function checksPanel(checks: readonly Check[]): string {
  const failed = failedChecks(checks);
  if (failed.length === 0) return '<section class="checks"><h2>Checks</h2><p>No failed check.</p></section>';
  return `<section class="checks"><h2>Failed checks (${failed.length})</h2><ol>${failed.map(checkItem).join('')}</ol></section>`;
}

function tableSection(
  doc: CanonicalDocument,
  table: ExtractedTableRecord,
  images: ReadonlyMap<number, PageImage>,
  failed: ReadonlySet<string>,
): string {
  const items = doc.line_items.filter((it) => it.table_index === table.table_index);
  const info = new Map((doc.page_info ?? []).map((p) => [p.page, p]));
  const figures = tablePages(table).flatMap((n) => {
    const image = images.get(n);
    return image
      ? [pageFigure(image, pageSizeOf(image, info.get(n)), items, failed, info.get(n)?.folio)]
      : [];
  });
  const other =
    table.table_kind === 'other' && items.length > 0
      ? ' <span class="flag other">other: kind not recognised</span>'
      : '';
  const where =
    table.page_start !== undefined
      ? `pages ${table.page_start}–${table.page_end ?? table.page_start}`
      : table.line_start !== undefined
        ? `lines ${table.line_start}–${table.line_end ?? table.line_start}`
        : '';
  const pane = figures.length > 0 ? `<div class="page-pane">${figures.join('')}</div>` : '';
  return `<section class="table" id="t-${table.table_index}"><h2>${esc(table.table_number)} ${esc(table.table_title || '(untitled)')} <span class="kind">${esc(table.table_kind)}</span>${other} <span class="where">${where} · ${items.length} amounts</span></h2><div class="pair${pane ? '' : ' grid-only'}"><div class="grid-pane">${tableGrid(table, items, failed)}</div>${pane}</div></section>`;
}

export function documentPage(
  entry: DocumentEntry,
  doc: CanonicalDocument,
  images: ReadonlyMap<number, PageImage>,
  notes: readonly string[],
): string {
  const failed = failedKeys(doc.checks);
  const header = `<header><a href="index.html">← all documents</a><h1>${esc(doc.document_id)} <span class="verdict ${esc(entry.verdict)}">${esc(entry.verdict)}</span></h1><p class="meta">${esc(doc.metadata.city)} · ${esc(doc.metadata.department)} · ${esc(doc.metadata.year)} ${esc(doc.metadata.document_kind)} · ${esc(doc.input_type)} · <span class="source">${esc(doc.source_file)}</span></p>${entry.reasons ? `<p class="reasons">${esc(entry.reasons)}</p>` : ''}${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}<p class="legend"><span class="v fail">failed check</span> <span class="v repaired">repaired</span> <span class="v doubtful">low OCR confidence</span> <span class="v hl">selected</span></p></header>`;
  const nav = `<nav class="tables">${doc.tables.map((t) => `<a href="#t-${t.table_index}"${t.table_kind === 'other' ? ' class="other"' : ''}>${esc(t.table_number || String(t.table_index + 1))} ${esc(t.table_title || t.table_kind)}</a>`).join('')}</nav>`;
  const sections = doc.tables.map((t) => tableSection(doc, t, images, failed)).join('\n');
  return htmlPage(doc.document_id, `${header}${nav}${checksPanel(doc.checks)}<main>${sections}</main>`, '');
}
