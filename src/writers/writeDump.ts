import { join } from 'node:path';
import type { DocumentRow, TableRow } from '../../schemas/csvRows.ts';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { toCsv } from './csv.ts';
import { buildDataPackage, CSV_RESOURCES, columnsOf, textColumnsOf } from './datapackage.ts';

/**
 * Writes the dump of a run: one JSON per document and the corpus-wide CSVs, sorted by document id
 * so that the same inputs always give byte-identical files.
 */

export interface DumpOptions {
  readonly bom?: boolean;
  readonly version: string;
}

export function documentRow(doc: CanonicalDocument): DocumentRow {
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
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type ResourceName = (typeof CSV_RESOURCES)[number]['name'];

/** The CSV rows one document contributes to each corpus-wide file. */
export function dumpRows(doc: CanonicalDocument): Record<ResourceName, Record<string, unknown>[]> {
  return {
    documents: [documentRow(doc)],
    tables: tableRows(doc),
    line_items: doc.line_items,
    indicators: doc.indicators,
    checks: doc.checks,
  };
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
  const rows = docs.map(dumpRows);
  for (const resource of CSV_RESOURCES) {
    const csv = toCsv(
      columnsOf(resource.schema),
      rows.flatMap((r) => r[resource.name]),
      { bom: options.bom ?? false, textColumns: textColumnsOf(resource.schema) },
    );
    await writeFileAtomic(join(outDir, resource.path), csv);
  }
  await writeFileAtomic(join(outDir, 'datapackage.json'), dataPackageJson(options.version));
}

export function dataPackageJson(version: string): string {
  return `${JSON.stringify(buildDataPackage(version), null, 2)}\n`;
}
