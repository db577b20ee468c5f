import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { type CanonicalDocument, CanonicalDocumentSchema } from '../../schemas/document.ts';

/** What the review site reads of a dump: documents.csv for the index, the JSON for each page. */

export interface DocumentEntry {
  readonly documentId: string;
  readonly sourceFile: string;
  /** The `verdict` column when the dump has one, else the extraction status. */
  readonly verdict: string;
  readonly reasons: string;
  readonly row: Readonly<Record<string, string>>;
}

export function entryOf(row: Readonly<Record<string, string>>): DocumentEntry {
  const verdict = row.verdict || row.status || '';
  return {
    documentId: row.document_id ?? '',
    sourceFile: row.source_file ?? '',
    verdict,
    reasons:
      (row.duplicate_of ? `duplicate of ${row.duplicate_of}` : '') ||
      row.verdict_reasons ||
      row.reasons ||
      row.message ||
      '',
    row,
  };
}

export async function readDocumentsCsv(dumpDir: string): Promise<DocumentEntry[]> {
  const text = await readFile(join(dumpDir, 'documents.csv'), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map(entryOf).filter((e) => e.documentId !== '');
}

export type JsonReading =
  | { readonly ok: true; readonly doc: CanonicalDocument }
  | { readonly ok: false; readonly message: string };

export async function readDocumentJson(dumpDir: string, documentId: string): Promise<JsonReading> {
  const path = join(dumpDir, 'json', `${documentId}.json`);
  try {
    const parsed = CanonicalDocumentSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return { ok: true, doc: parsed.data };
    return { ok: false, message: `${path}: not a yusuan document (${parsed.error.issues[0]?.message})` };
  } catch (error) {
    return { ok: false, message: `${path}: ${(error as Error).message}` };
  }
}
