import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { buildReport } from '../../src/report/buildReport.ts';
import { documentPage } from '../../src/report/documentPage.ts';
import { esc } from '../../src/report/html.ts';
import { indexPage } from '../../src/report/indexPage.ts';
import { entryOf } from '../../src/report/loadDump.ts';
import { documentRow } from '../../src/writers/writeDump.ts';
import { tempDir } from '../tmp.ts';

/** documents.csv as the review site reads it: every column a string. */
function csvRow(row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v ?? '')]));
}

describe('the review pages', () => {
  it('escape what documents print: a label is data, never markup', async () => {
    const path = 'seeds/002_a3edc1729d60384f.txt';
    const doc = await extractDocument(readFileSync(path), { documentId: '002', sourceFile: path });
    const hostile = '<img src=x onerror="alert(1)">';
    const entry = entryOf(csvRow({ ...documentRow(doc), department: hostile }));
    const page = documentPage(
      entry,
      { ...doc, line_items: doc.line_items.map((it, i) => (i === 0 ? { ...it, row_label: hostile } : it)) },
      new Map(),
      [],
    );
    expect(page).not.toContain(hostile);
    expect(page).toContain(esc(hostile));
    const index = indexPage([entry], new Set(['002']), 'review');
    expect(index).not.toContain(hostile);
    expect(index).toContain('href="doc-002.html"');
  });

  it('show both sides of a two-sided table, each row with its own label', async () => {
    const path = 'seeds/004_15f2cd45d2b48077.txt';
    const doc = await extractDocument(readFileSync(path), { documentId: '004', sourceFile: path });
    const page = documentPage(entryOf(csvRow(documentRow(doc))), doc, new Map(), []);
    expect(page).toContain('<span class="side">收入</span> 本年收入合计');
    expect(page).toContain('<span class="side">支出</span> 本年支出合计');
  });

  it('name a duplicate by the document it repeats', () => {
    const row = { document_id: 'b', source_file: 'b.pdf', verdict: 'verified', duplicate_of: 'a' };
    expect(entryOf(row).reasons).toBe('duplicate of a');
  });

  it('refuses a folder that is not a dump', async () => {
    await expect(buildReport(tempDir('not-a-dump'), tempDir('site'))).rejects.toThrow(/not a yusuan dump/);
  });
});
