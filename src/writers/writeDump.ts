import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentRow, TableRow } from '../../schemas/csvRows.ts';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { judge, withVerdict } from '../checks/verdict.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { toCsv } from './csv.ts';
import {
  buildDataPackage,
  CSV_RESOURCES,
  columnsOf,
  type DataPackageOptions,
  textColumnsOf,
} from './datapackage.ts';

/**
 * Writes the dump of a run: one JSON per document and the corpus-wide CSVs, sorted by document id
 * so that the same inputs always give byte-identical files.
 */

export interface DumpOptions {
  readonly bom?: boolean;
  readonly version: string;
  /** Byte-identical copies of documents of the run: a documents.csv row each, nothing else. */
  readonly duplicates?: readonly { documentId: string; sourceFile: string; duplicateOf: string }[];
}

export function documentRow(doc: CanonicalDocument): DocumentRow {
  const { verdict, reasons } = judge(doc);
  const count = (status: string) => doc.checks.filter((c) => c.status === status).length;
  return {
    document_id: doc.document_id,
    source_file: doc.source_file,
    status: doc.status,
    message: doc.message,
    city: doc.metadata.city,
    department: doc.metadata.department,
    year: doc.metadata.year,
    document_kind: doc.metadata.document_kind,
    layout_family: doc.metadata.layout_family,
    unit: doc.metadata.unit,
    ...(doc.metadata.pages !== undefined ? { pages: doc.metadata.pages } : {}),
    sha256: doc.sha256,
    input_type: doc.input_type,
    encoding: doc.encoding ?? '',
    tables: doc.tables.length,
    line_items: doc.line_items.length,
    indicators: doc.indicators.length,
    checks_passed: count('pass'),
    checks_failed: count('fail'),
    checks_skipped: count('skip'),
    warnings: doc.problems.filter((p) => p.severity === 'warning').length,
    verdict,
    verdict_reasons: reasons.join('; '),
    duplicate_of: '',
  };
}

export function tableRows(doc: CanonicalDocument): TableRow[] {
  return doc.tables.map((t) => ({
    document_id: doc.document_id,
    table_kind: t.table_kind,
    table_title: t.table_title,
    ...(t.page_start !== undefined ? { page_start: t.page_start } : {}),
    ...(t.page_end !== undefined ? { page_end: t.page_end } : {}),
    ...(t.line_start !== undefined ? { line_start: t.line_start } : {}),
    ...(t.line_end !== undefined ? { line_end: t.line_end } : {}),
    table_index: t.table_index,
    table_number: t.table_number,
    unit: t.unit,
    parts: t.parts,
    body_rows: t.body_rows,
    line_items: t.line_item_count,
    indicators: t.indicator_count,
    recognized_by: t.recognized_by,
  }));
}

export function documentJson(doc: CanonicalDocument): string {
  return `${JSON.stringify(withVerdict(doc), null, 2)}\n`;
}

export type ResourceName = (typeof CSV_RESOURCES)[number]['name'];
export type DumpRows = Record<ResourceName, Record<string, unknown>[]>;

/**
 * The documents.csv row of a byte-identical copy of `original`: its status and verdict are the
 * original's, its data is listed under the original only (counts 0), so nothing is counted twice.
 */
export function duplicateRow(
  original: CanonicalDocument,
  documentId: string,
  sourceFile: string,
): DocumentRow {
  return {
    ...documentRow(original),
    document_id: documentId,
    source_file: sourceFile,
    tables: 0,
    line_items: 0,
    indicators: 0,
    checks_passed: 0,
    checks_failed: 0,
    checks_skipped: 0,
    warnings: 0,
    duplicate_of: original.document_id,
  };
}

/** The CSV rows one document contributes to each corpus-wide file. */
export function dumpRows(doc: CanonicalDocument): DumpRows {
  return {
    documents: [documentRow(doc)],
    tables: tableRows(doc),
    line_items: doc.line_items,
    indicators: doc.indicators,
    checks: doc.checks,
  };
}

function emptyRows(): DumpRows {
  return { documents: [], tables: [], line_items: [], indicators: [], checks: [] };
}

/** json/ files of documents this dump no longer holds would be read as current by its users. */
async function removeStaleJson(jsonDir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(jsonDir).catch(() => [] as string[]);
  for (const name of names)
    if (name.endsWith('.json') && !keep.has(name)) await unlink(join(jsonDir, name)).catch(() => undefined);
}

export function byDocumentId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function writeDump(
  outDir: string,
  documents: readonly CanonicalDocument[],
  options: DumpOptions,
): Promise<void> {
  const docs = [...documents].sort((a, b) => byDocumentId(a.document_id, b.document_id));
  for (const doc of docs)
    await writeFileAtomic(join(outDir, 'json', `${doc.document_id}.json`), documentJson(doc));
  await removeStaleJson(join(outDir, 'json'), new Set(docs.map((d) => `${d.document_id}.json`)));
  const byId = new Map(docs.map((d) => [d.document_id, d]));
  const copies = (options.duplicates ?? []).map((c) => ({
    id: c.documentId,
    rows: { ...emptyRows(), documents: [duplicateRow(byId.get(c.duplicateOf)!, c.documentId, c.sourceFile)] },
  }));
  const rows = [...docs.map((d) => ({ id: d.document_id, rows: dumpRows(d) })), ...copies]
    .sort((a, b) => byDocumentId(a.id, b.id))
    .map((r) => r.rows);
  for (const resource of CSV_RESOURCES) {
    const csv = toCsv(
      columnsOf(resource.schema),
      rows.flatMap((r) => r[resource.name]),
      { bom: options.bom ?? false, textColumns: textColumnsOf(resource.schema) },
    );
    await writeFileAtomic(join(outDir, resource.path), csv);
  }
  await writeFileAtomic(join(outDir, 'datapackage.json'), dataPackageJson(options.version, options));
}

export function dataPackageJson(version: string, options: DataPackageOptions = {}): string {
  return `${JSON.stringify(buildDataPackage(version, options), null, 2)}\n`;
}
