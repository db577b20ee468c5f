import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { documentPage } from '../../src/report/documentPage.ts';
import { esc } from '../../src/report/html.ts';
import { indexPage } from '../../src/report/indexPage.ts';
import { writeReport } from '../../src/report/writeReport.ts';
import { documentRow } from '../../src/writers/writeDump.ts';
import { tempDir } from '../tmp.ts';

describe('the review pages', () => {
  it('escape what documents print: a label is data, never markup', async () => {
    const path = 'seeds/002_a3edc1729d60384f.txt';
    const doc = await extractDocument(readFileSync(path), { documentId: '002', sourceFile: path });
    const hostile = '<img src=x onerror="alert(1)">';
    const page = documentPage(
      { ...doc, line_items: doc.line_items.map((it, i) => (i === 0 ? { ...it, row_label: hostile } : it)) },
      new Map(),
    );
    expect(page).not.toContain(hostile);
    expect(page).toContain(esc(hostile));
    const index = indexPage([{ ...documentRow(doc), department: hostile }]);
    expect(index).not.toContain(hostile);
    expect(index).toContain('href="docs/002.html"');
  });

  it('show both labels of a row of a two-sided table', async () => {
    const path = 'seeds/004_15f2cd45d2b48077.txt';
    const doc = await extractDocument(readFileSync(path), { documentId: '004', sourceFile: path });
    expect(documentPage(doc, new Map())).toContain('本年收入合计 ‖ 本年支出合计');
  });

  it('refuses a folder that is not a dump', async () => {
    expect(await writeReport(tempDir('not-a-dump'), tempDir('site'))).toMatch(/not a yusuan dump/);
  });
});
