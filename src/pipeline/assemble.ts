import type { CanonicalDocument } from '../../schemas/document.ts';
import { SCHEMA_VERSION } from '../../schemas/document.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import type { Problem, Provenance, SourceDocument } from '../model.ts';
import type { ExtractedTable } from '../tables/extractedTable.ts';
import type { Metadata } from './metadata.ts';
import { pageInfos } from './pages.ts';

/** Builds the canonical document (the JSON of one file) from the extracted tables. */

function orderKey(at: { page?: number; line?: number }, column: number): number {
  return ((at.page ?? 0) * 1e6 + (at.line ?? 0)) * 1e3 + column;
}

/** The printed folio and the box of a value, as the trailing line-item columns carry them. */
function placeOnPage(at: Provenance, folios: ReadonlyMap<number, string>) {
  const folio = at.page !== undefined ? folios.get(at.page) : undefined;
  const box = at.bbox;
  return {
    ...(folio !== undefined ? { folio } : {}),
    ...(box ? { x0: box[0], y0: box[1], x1: box[2], y1: box[3] } : {}),
  };
}

export function toLineItems(
  documentId: string,
  tables: readonly ExtractedTable[],
  folios: ReadonlyMap<number, string> = new Map(),
): LineItem[] {
  return tables.flatMap((table, tableIndex) =>
    [...table.items]
      .sort((a, b) => orderKey(a.at, a.columnIndex) - orderKey(b.at, b.columnIndex))
      .map(
        (it): LineItem => ({
          document_id: documentId,
          table_kind: table.kind,
          table_title: table.title,
          row_label: it.rowLabel,
          subject_code: it.subjectCode,
          economic_code: it.economicCode,
          column_label: it.columnLabel,
          value: it.value,
          unit: table.unit ?? '',
          ...(it.at.page !== undefined ? { page: it.at.page } : {}),
          ...(it.at.line !== undefined ? { line: it.at.line } : {}),
          table_index: tableIndex,
          gov_economic_code: it.govEconomicCode,
          project_code: it.projectCode,
          side: it.side,
          is_total: it.isTotal,
          row_index: it.rowIndex,
          column_index: it.columnIndex,
          status: 'read',
          original_text: it.originalText,
          ...(it.at.confidence !== undefined ? { confidence: it.at.confidence } : {}),
          ...placeOnPage(it.at, folios),
        }),
      ),
  );
}

export function toIndicators(
  documentId: string,
  tables: readonly ExtractedTable[],
  folios: ReadonlyMap<number, string> = new Map(),
): Indicator[] {
  return tables.flatMap((table, tableIndex) =>
    table.kind === 'project_performance' || table.kind === 'department_performance'
      ? table.indicators.map(
          (d): Indicator => ({
            document_id: documentId,
            table_kind: table.kind as 'project_performance' | 'department_performance',
            project_name: d.projectName,
            project_code: d.projectCode,
            level1: d.level1,
            level2: d.level2,
            indicator: d.indicator,
            operator: d.operator,
            target_value: d.targetValue,
            target_unit: d.targetUnit,
            target_text: d.targetText,
            ...(d.at.page !== undefined ? { page: d.at.page } : {}),
            ...(d.at.line !== undefined ? { line: d.at.line } : {}),
            table_index: tableIndex,
            table_title: table.title,
            ...placeOnPage(d.at, folios),
          }),
        )
      : [],
  );
}

export interface AssembleInput {
  readonly doc: SourceDocument;
  readonly layoutFamily: string;
  readonly layoutReason: string;
  readonly tables: readonly ExtractedTable[];
  readonly metadata: Metadata;
  readonly problems: readonly Problem[];
  /** Why the tables read were dropped: none is a budget table (budgetVerdict.ts). */
  readonly notBudget?: string;
}

function statusOf(
  tables: readonly ExtractedTable[],
  problems: readonly Problem[],
): CanonicalDocument['status'] {
  const extracted = tables.some((t) => t.items.length > 0 || t.indicators.length > 0);
  if (!extracted) return 'failed';
  return problems.some((p) => p.severity === 'error') ? 'partial' : 'ok';
}

function where(at: Problem['at']): string {
  if (!at) return '';
  if (at.page !== undefined && at.line !== undefined) return ` (page ${at.page}, line ${at.line})`;
  if (at.page !== undefined) return ` (page ${at.page})`;
  return at.line !== undefined ? ` (line ${at.line})` : '';
}

export function messageOf(problems: readonly Problem[], status: CanonicalDocument['status']): string {
  if (status === 'ok') return '';
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = (errors.length > 0 ? errors : problems).slice(0, 3).map((p) => `${p.message}${where(p.at)}`);
  const more = (errors.length > 0 ? errors : problems).length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Pages left unread (undecodable, broken, beyond --max-pages) or read to nothing by OCR. */
const UNREAD_PAGES = new Set(['page-image-undecodable', 'page-unreadable', 'ocr-no-text', 'too-many-pages']);

/**
 * The problem of a document without a budget table. Unless pages were left unread (no pages, pages
 * without text and no OCR, undecodable, broken or beyond the page limit), what was read is all
 * there is: it is not a budget disclosure.
 */
function noBudgetTable(
  doc: SourceDocument,
  problems: readonly Problem[],
  notBudget: string | undefined,
): Problem {
  const scanned = problems.find((p) => p.code === 'pages-without-text');
  const misnamed = problems.find((p) => p.code === 'content-not-as-named');
  const undecodable = problems.filter((p) => UNREAD_PAGES.has(p.code));
  const unread =
    doc.pageCount === 0
      ? ': the PDF has no pages'
      : scanned
        ? ` (${scanned.message.replace(/^.*?: /, '')}; reading them needs OCR)`
        : undecodable.length > 0
          ? ` (not every page could be read${undecodable[0]?.severity === 'warning' ? `: ${undecodable[0].message.replace(/^.*?: /, '')}` : ''})`
          : undefined;
  const why = [misnamed?.message.replace(/^.*?: /, ''), notBudget].filter((s) => s !== undefined);
  const message =
    unread !== undefined
      ? `no budget table with amounts or indicators found in ${doc.sourceFile}${unread}`
      : `not a budget disclosure: no budget table with amounts or indicators found in ${doc.sourceFile}${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
  return { severity: 'error', code: 'no-budget-table', message, stage: 'segment' };
}

export function assembleDocument(input: AssembleInput): CanonicalDocument {
  const { doc, tables, metadata } = input;
  const problems = [...input.problems, ...tables.flatMap((t) => t.problems)];
  if (!tables.some((t) => t.items.length > 0 || t.indicators.length > 0)) {
    problems.push(noBudgetTable(doc, problems, input.notBudget));
  }
  const status = statusOf(tables, problems);
  const pages = pageInfos(doc.blocks);
  const folios = new Map(pages.flatMap((p) => (p.folio !== undefined ? [[p.page, p.folio] as const] : [])));
  return {
    schema_version: SCHEMA_VERSION,
    document_id: doc.documentId,
    source_file: doc.sourceFile,
    sha256: doc.sha256,
    input_type: doc.inputType,
    ...(doc.encoding ? { encoding: doc.encoding } : {}),
    status,
    message: messageOf(problems, status),
    metadata: {
      city: metadata.city,
      department: metadata.department,
      year: metadata.year,
      document_kind: metadata.documentKind,
      layout_family: input.layoutFamily,
      unit: metadata.unit,
      ...(doc.pageCount !== undefined ? { pages: doc.pageCount } : {}),
    },
    layout_reason: input.layoutReason,
    tables: tables.map((t, i) => ({
      table_index: i,
      table_kind: t.kind,
      table_title: t.title,
      table_number: t.number,
      unit: t.unit ?? '',
      ...(t.start.page !== undefined ? { page_start: t.start.page } : {}),
      ...(t.end.page !== undefined ? { page_end: t.end.page } : {}),
      ...(t.start.line !== undefined ? { line_start: t.start.line } : {}),
      ...(t.end.line !== undefined ? { line_end: t.end.line } : {}),
      parts: t.parts,
      body_rows: t.bodyRows,
      header_paths: t.headerPaths.map((p) => [...p]),
      recognized_by: t.recognizedBy,
      line_item_count: t.items.length,
      indicator_count: t.indicators.length,
    })),
    line_items: toLineItems(doc.documentId, tables, folios),
    indicators: toIndicators(doc.documentId, tables, folios),
    checks: [],
    problems,
    ...(pages.length > 0 ? { page_info: pages } : {}),
  };
}
