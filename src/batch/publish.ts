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
import type { CanonicalDocument } from '../../schemas/document.ts';
import { writeFileAtomic } from '../writers/atomicWrite.ts';
import { csvHeader, csvLines } from '../writers/csv.ts';
import { CSV_RESOURCES, columnsOf, textColumnsOf } from '../writers/datapackage.ts';
import { SqliteDump } from '../writers/sqlite.ts';
import { byDocumentId, dataPackageJson, dumpRows } from '../writers/writeDump.ts';

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
}

export interface PublishOptions {
  readonly version: string;
  readonly bom?: boolean;
  /** Called with the documents as they are read, for outputs beyond the CSVs (SQLite). */
  readonly onDocument?: (doc: CanonicalDocument) => void;
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

export async function publishDump(
  outDir: string,
  entries: readonly PublishEntry[],
  options: PublishOptions,
): Promise<void> {
  const sorted = [...entries].sort((a, b) => byDocumentId(a.documentId, b.documentId));
  const jsonDir = join(outDir, 'json');
  await mkdir(jsonDir, { recursive: true });
  const keep = new Set(sorted.map((e) => `${e.documentId}.json`));
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
      const target = join(jsonDir, `${entry.documentId}.json`);
      if (entry.jsonPath !== target) await placeFile(entry.jsonPath, target);
      const doc = JSON.parse(await readFile(target, 'utf8')) as CanonicalDocument;
      const rows = dumpRows(doc);
      for (const resource of CSV_RESOURCES) {
        const lines = csvLines(
          columnsOf(resource.schema),
          rows[resource.name],
          textColumns.get(resource.name),
        );
        if (lines !== '') await handles.get(resource.name)!.handle.write(lines);
      }
      options.onDocument?.(doc);
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
  await writeFileAtomic(join(outDir, 'datapackage.json'), dataPackageJson(options.version));
}

/** Publishes the dump and, when asked, the SQLite database built from the same documents. */
export async function publishDumpAndDatabase(
  outDir: string,
  entries: readonly PublishEntry[],
  options: { readonly version: string; readonly bom?: boolean; readonly sqlite?: string | undefined },
): Promise<void> {
  const sqlite = options.sqlite ? await SqliteDump.create(options.sqlite) : undefined;
  try {
    await publishDump(outDir, entries, {
      version: options.version,
      ...(options.bom !== undefined ? { bom: options.bom } : {}),
      ...(sqlite ? { onDocument: (doc) => sqlite.add(doc) } : {}),
    });
    sqlite?.commit();
  } finally {
    sqlite?.close();
  }
}
