import {
  type FileHandle,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DocumentRow } from '../../schemas/csvRows.ts';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { writeFileAtomic } from '../writers/atomicWrite.ts';
import { csvHeader, csvLines } from '../writers/csv.ts';
import { CSV_RESOURCES, columnsOf, textColumnsOf } from '../writers/datapackage.ts';
import { SqliteDump } from '../writers/sqlite.ts';
import {
  byDocumentId,
  type DumpRows,
  dataPackageJson,
  dumpRows,
  duplicateRow,
} from '../writers/writeDump.ts';

/**
 * Publishes a dump from per-document JSON files: `json/<id>.json` and the corpus-wide CSVs,
 * streamed one document at a time (memory does not grow with the corpus), sorted by document id
 * (two runs over the same files give byte-identical dumps). Every file is written to a temporary
 * name and renamed into place, so a killed run leaves each published file whole.
 */

export interface PublishEntry {
  readonly documentId: string;
  /** Where the document's canonical JSON is now (the run's cache, or another dump). */
  readonly jsonPath: string;
  /** A byte-identical copy: only its documents.csv row is written, from the JSON of this document. */
  readonly duplicate?: { readonly of: string; readonly sourceFile: string };
}

export interface PublishOptions {
  readonly version: string;
  readonly bom?: boolean;
  /** Called with the rows of each document as they are written, for outputs beyond the CSVs (SQLite). */
  readonly onRows?: (rows: DumpRows) => void;
}

/** The rows of one entry: a duplicate contributes its documents.csv row only. */
async function rowsOf(entry: PublishEntry, jsonDir: string): Promise<DumpRows> {
  if (entry.duplicate) {
    const original = JSON.parse(await readFile(entry.jsonPath, 'utf8')) as CanonicalDocument;
    return {
      documents: [duplicateRow(original, entry.documentId, entry.duplicate.sourceFile)],
      tables: [],
      line_items: [],
      indicators: [],
      checks: [],
    };
  }
  const target = join(jsonDir, `${entry.documentId}.json`);
  if (entry.jsonPath !== target) await placeFile(entry.jsonPath, target);
  return dumpRows(JSON.parse(await readFile(target, 'utf8')) as CanonicalDocument);
}

function temporaryOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Puts `from` at `to` atomically: a hard link when possible (no copy), else a copy. */
async function placeFile(from: string, to: string): Promise<void> {
  const [a, b] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  // Already the same file (an unchanged document): renaming a link onto itself would leave the temporary name behind.
  if (b && a.ino === b.ino && a.dev === b.dev) return;
  const temporary = temporaryOf(to);
  await rm(temporary, { force: true });
  try {
    await link(from, temporary);
  } catch {
    await writeFileAtomic(to, await readFile(from, 'utf8'));
    return;
  }
  await rename(temporary, to);
}

/** Publishes the dump; answers the documents.csv rows written (verdicts for `--strict`). */
export async function publishDump(
  outDir: string,
  entries: readonly PublishEntry[],
  options: PublishOptions,
): Promise<DocumentRow[]> {
  const sorted = [...entries].sort((a, b) => byDocumentId(a.documentId, b.documentId));
  const jsonDir = join(outDir, 'json');
  await mkdir(jsonDir, { recursive: true });
  const keep = new Set(sorted.filter((e) => !e.duplicate).map((e) => `${e.documentId}.json`));
  const written: DocumentRow[] = [];
  for (const name of await readdir(jsonDir))
    if (!keep.has(name)) await unlink(join(jsonDir, name)).catch(() => undefined);

  const handles = new Map<string, { handle: FileHandle; temporary: string; path: string }>();
  try {
    for (const resource of CSV_RESOURCES) {
      const path = join(outDir, resource.path);
      const temporary = temporaryOf(path);
      const handle = await open(temporary, 'w');
      await handle.write(csvHeader(columnsOf(resource.schema), options.bom));
      handles.set(resource.name, { handle, temporary, path });
    }
    const textColumns = new Map(CSV_RESOURCES.map((r) => [r.name, textColumnsOf(r.schema)]));
    for (const entry of sorted) {
      const rows = await rowsOf(entry, jsonDir);
      written.push(...(rows.documents as DocumentRow[]));
      for (const resource of CSV_RESOURCES) {
        const lines = csvLines(
          columnsOf(resource.schema),
          rows[resource.name],
          textColumns.get(resource.name),
        );
        if (lines !== '') await handles.get(resource.name)!.handle.write(lines);
      }
      options.onRows?.(rows);
    }
    for (const { handle } of handles.values()) await handle.close();
    for (const { temporary, path } of handles.values()) await rename(temporary, path);
  } catch (error) {
    for (const { handle, temporary } of handles.values()) {
      await handle.close().catch(() => undefined);
      await rm(temporary, { force: true });
    }
    throw error;
  }
  await writeFileAtomic(join(outDir, 'datapackage.json'), dataPackageJson(options.version, options));
  return written;
}

/** Publishes the dump and, when asked, the SQLite database built from the same documents. */
export async function publishDumpAndDatabase(
  outDir: string,
  entries: readonly PublishEntry[],
  options: { readonly version: string; readonly bom?: boolean; readonly sqlite?: string | undefined },
): Promise<DocumentRow[]> {
  const sqlite = options.sqlite ? await SqliteDump.create(options.sqlite) : undefined;
  try {
    const rows = await publishDump(outDir, entries, {
      version: options.version,
      ...(options.bom !== undefined ? { bom: options.bom } : {}),
      ...(sqlite ? { onRows: (r) => sqlite.addRows(r) } : {}),
    });
    sqlite?.commit();
    return rows;
  } finally {
    sqlite?.close();
  }
}
