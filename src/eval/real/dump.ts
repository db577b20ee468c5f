import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalDocument } from '../../../schemas/document.ts';
import { readCsv } from '../gold.ts';

/** Reading a dump (`yusuan run` / `extract` output): one document at a time, never all of it. */

export interface DumpEntry {
  readonly documentId: string;
  readonly sourceFile: string;
}

export function dumpEntries(dumpDir: string): DumpEntry[] {
  const path = join(dumpDir, 'documents.csv');
  if (!existsSync(path)) throw new Error(`${dumpDir}: not a yusuan dump (no documents.csv)`);
  return readCsv(path).map((row) => ({
    documentId: row.document_id ?? '',
    sourceFile: row.source_file ?? '',
  }));
}

export async function readDumpDocument(dumpDir: string, entry: DumpEntry): Promise<CanonicalDocument> {
  const path = join(dumpDir, 'json', `${entry.documentId}.json`);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CanonicalDocument;
  } catch (error) {
    throw new Error(`${path}: cannot read the document of ${entry.sourceFile}`, { cause: error });
  }
}
