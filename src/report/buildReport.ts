import { existsSync } from 'node:fs';
import { access, copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { documentPage, tablePages } from './documentPage.ts';
import { pageFileName } from './html.ts';
import { indexPage } from './indexPage.ts';
import { type DocumentEntry, readDocumentJson, readDocumentsCsv } from './loadDump.ts';
import type { PageImage } from './pageImage.ts';
import { renderPages } from './renderPages.ts';

/**
 * `yusuan report DUMP --out DIR`: a static review site of a dump, plain files that open from disk
 * (file://) with no server and no network — an index of documents and one page per document.
 */

export interface ReportResult {
  readonly documents: number;
  readonly pageImages: number;
  readonly problems: readonly string[];
}

const ASSETS = ['report.css', 'review.js'];

/** The source of a document: its recorded path, or beside the dump when the dump was moved. */
async function locateSource(sourceFile: string, dumpDir: string): Promise<string> {
  const candidates = isAbsolute(sourceFile)
    ? [sourceFile, join(dumpDir, basename(sourceFile))]
    : [resolve(sourceFile), resolve(dumpDir, sourceFile)];
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {}
  }
  return candidates[0]!;
}

async function imagesOf(doc: CanonicalDocument, dumpDir: string, outDir: string) {
  const pages = [...new Set(doc.tables.flatMap(tablePages))].sort((a, b) => a - b);
  if ((doc.input_type !== 'pdf' && doc.input_type !== 'image') || pages.length === 0)
    return { images: new Map<number, PageImage>(), notes: [] as string[] };
  const source = await locateSource(doc.source_file, dumpDir);
  const folder = `pages/${pageFileName(doc.document_id).replace(/\.html$/, '')}`;
  const rendering = await renderPages(source, pages, outDir, folder, doc.input_type);
  return { images: rendering.images, notes: rendering.problem ? [rendering.problem] : [] };
}

async function writeDocument(entry: DocumentEntry, dumpDir: string, outDir: string) {
  const reading = await readDocumentJson(dumpDir, entry.documentId);
  if (!reading.ok) return { written: false, images: 0, problems: [reading.message] };
  const { images, notes } = await imagesOf(reading.doc, dumpDir, outDir);
  const html = documentPage(entry, reading.doc, images, notes);
  await writeFile(join(outDir, pageFileName(entry.documentId)), html);
  return { written: true, images: images.size, problems: notes };
}

export async function buildReport(dumpDir: string, outDir: string): Promise<ReportResult> {
  if (!existsSync(join(dumpDir, 'documents.csv')) || !existsSync(join(dumpDir, 'json')))
    throw new Error('not a yusuan dump (no documents.csv or json/)');
  const entries = await readDocumentsCsv(dumpDir);
  await mkdir(outDir, { recursive: true });
  const linked = new Set<string>();
  const problems: string[] = [];
  let pageImages = 0;
  for (const entry of entries) {
    // A duplicate has no JSON of its own: its index row names the document it repeats.
    if (entry.row.duplicate_of) continue;
    const result = await writeDocument(entry, dumpDir, outDir);
    if (result.written) linked.add(entry.documentId);
    pageImages += result.images;
    problems.push(...result.problems);
  }
  const assets = fileURLToPath(new URL('./assets/', import.meta.url));
  for (const asset of ASSETS) await copyFile(join(assets, asset), join(outDir, asset));
  await writeFile(
    join(outDir, 'index.html'),
    indexPage(entries, linked, `yusuan review · ${basename(resolve(dumpDir))}`),
  );
  return { documents: entries.length, pageImages, problems };
}
