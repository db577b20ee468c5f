import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { drawPdfPage } from '../readers/ocr/raster.ts';
import { withPdf } from '../readers/pdf/loadPdf.ts';

/** Source pages drawn for the review site: enough to read a table beside its grid on a laptop. */

export const REVIEW_DPI = 110;
/** A 400-page scan would make a site too heavy to open; the grid still shows every value. */
const MAX_PAGES = 80;

export function pagesWithTables(doc: CanonicalDocument): number[] {
  const pages = new Set<number>();
  for (const t of doc.tables)
    if (t.page_start !== undefined)
      for (let p = t.page_start; p <= (t.page_end ?? t.page_start); p++) pages.add(p);
  return [...pages].sort((a, b) => a - b).slice(0, MAX_PAGES);
}

/**
 * Draws the pages of a PDF document that hold its tables into `dir`, answering page → file name.
 * A source that is gone or unreadable gives no images: the grids are the review's core.
 */
export async function drawTablePages(doc: CanonicalDocument, dir: string): Promise<Map<number, string>> {
  const images = new Map<number, string>();
  const pages = pagesWithTables(doc);
  if (doc.input_type !== 'pdf' || pages.length === 0 || !existsSync(doc.source_file)) return images;
  await mkdir(dir, { recursive: true });
  try {
    await withPdf(await readFile(doc.source_file), {}, async (pdf) => {
      for (const n of pages) {
        if (n > pdf.numPages) break;
        const page = await pdf.getPage(n);
        const { canvas } = await drawPdfPage(page, REVIEW_DPI);
        page.cleanup();
        const name = `p${n}.png`;
        await writeFile(join(dir, name), await canvas.encode('png'));
        images.set(n, name);
      }
    });
  } catch {
    // An encrypted or broken source: the document page shows its grids without images.
  }
  return images;
}
