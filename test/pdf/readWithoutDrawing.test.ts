import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPdf } from '../../src/readers/pdf/loadPdf.ts';
import { type PageContent, readPageContent } from '../../src/readers/pdf/pageContent.ts';

/**
 * Pages are read from a document opened without drawing (no glyph outlines, no images decoded:
 * loadPdf.ts) — it must give the same text items and ruling lines as a document opened to draw.
 */

async function contents(bytes: Uint8Array, rendering: boolean, maxPages = Infinity): Promise<PageContent[]> {
  return withPdf(bytes, { rendering }, async (doc) => {
    const out: PageContent[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
      const page = await doc.getPage(n);
      out.push(await readPageContent(page));
      page.cleanup();
    }
    return out;
  });
}

/** Font names carry the number of the document in the process (g_d3_f1): only the font matters. */
function withoutDocumentIds(pages: PageContent[]): PageContent[] {
  return pages.map((p) => ({
    ...p,
    items: p.items.map((i) => ({ ...i, font: i.font.replace(/^g_d\d+_/, '') })),
  }));
}

const FIXTURES = [
  ...readdirSync('test/fixtures/pdf')
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => join('test/fixtures/pdf', f)),
  'test/fixtures/bench/bench-pdf.pdf',
];

// A real report with an embedded CJK font per page, where the outlines cost the most.
const REAL = '../shared/realdocs/renwu/025_烟台/2026年烟台市交通运输局部门预算.pdf';

describe('reading a PDF without drawing it', () => {
  it.each(FIXTURES)('gives the same text and rules as drawing: %s', async (path) => {
    const bytes = readFileSync(path);
    const read = await contents(bytes, false);
    expect(read.length).toBeGreaterThan(0);
    expect(read.some((p) => p.items.length > 0 && p.horizontal.length > 0)).toBe(true);
    expect(withoutDocumentIds(read)).toEqual(withoutDocumentIds(await contents(bytes, true)));
  }, 60_000);

  it.skipIf(!existsSync(REAL))(
    'gives the same on a real report with an embedded CJK font per page',
    async () => {
      const bytes = readFileSync(REAL);
      const read = await contents(bytes, false, 30);
      expect(read.filter((p) => p.items.length > 0).length).toBeGreaterThan(20);
      expect(withoutDocumentIds(read)).toEqual(withoutDocumentIds(await contents(bytes, true, 30)));
    },
    120_000,
  );
});
