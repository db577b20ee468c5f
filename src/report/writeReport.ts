import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { DocumentRow } from '../../schemas/csvRows.ts';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { REPORT_CSS, REPORT_JS } from './assets.ts';
import { documentPage } from './documentPage.ts';
import { indexPage } from './indexPage.ts';
import { drawTablePages } from './pageImages.ts';

/** `yusuan report DUMP`: a static review site of a dump — no server, opens from disk, works offline. */

export interface ReportResult {
  readonly documents: number;
  readonly pages: number;
}

function readRows(dump: string): DocumentRow[] {
  const text = readFileSync(join(dump, 'documents.csv'), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<DocumentRow>(text, { header: true, skipEmptyLines: true, dynamicTyping: false }).data;
}

export async function writeReport(dump: string, out: string): Promise<ReportResult | string> {
  if (!existsSync(join(dump, 'documents.csv')) || !existsSync(join(dump, 'json')))
    return `${dump}: not a yusuan dump (no documents.csv or json/)`;
  const rows = readRows(dump);
  await mkdir(join(out, 'docs'), { recursive: true });
  await writeFile(join(out, 'report.css'), REPORT_CSS);
  await writeFile(join(out, 'report.js'), REPORT_JS);
  await writeFile(join(out, 'index.html'), indexPage(rows));
  let pages = 0;
  for (const row of rows) {
    if (row.duplicate_of) continue;
    const path = join(dump, 'json', `${row.document_id}.json`);
    if (!existsSync(path)) continue;
    // One document in memory at a time: a crawl's dump does not fit at once.
    const doc = JSON.parse(await readFile(path, 'utf8')) as CanonicalDocument;
    const folder = `pages/${encodeURIComponent(row.document_id)}`;
    const images = await drawTablePages(doc, join(out, 'docs', 'pages', row.document_id));
    pages += images.size;
    const relative = new Map([...images].map(([n, name]) => [n, `${folder}/${name}`]));
    await writeFile(join(out, 'docs', `${row.document_id}.html`), documentPage(doc, relative));
  }
  return { documents: rows.length, pages };
}
