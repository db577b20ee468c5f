import type { Block, Problem } from '../../model.ts';
import { type OpenOptions, withPdf } from './loadPdf.ts';
import { pageBlocks } from './pageBlocks.ts';
import { readPageContent } from './pageContent.ts';

/**
 * A text-layer PDF → blocks, page by page (one page in memory at a time). A page that cannot be
 * read, or has no text layer, is reported and skipped: the other pages are kept.
 */

export interface PdfReading {
  readonly blocks: Block[];
  readonly pageCount: number;
  readonly problems: Problem[];
  /** Pages without a text layer (scans): the OCR reader can take them. */
  readonly pagesWithoutText: number[];
}

export interface PdfReadOptions extends OpenOptions {
  readonly maxPages?: number;
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfReading> {
  return withPdf(bytes, options, async (doc) => {
    const blocks: Block[] = [];
    const problems: Problem[] = [];
    const pagesWithoutText: number[] = [];
    const last = Math.min(doc.numPages, options.maxPages ?? Number.POSITIVE_INFINITY);
    if (doc.numPages > last) {
      problems.push({
        severity: 'error',
        code: 'too-many-pages',
        message: `the PDF has ${doc.numPages} pages; only the first ${last} were read`,
        stage: 'read',
      });
    }
    for (let n = 1; n <= last; n++) {
      try {
        const page = await doc.getPage(n);
        try {
          const content = await readPageContent(page);
          if (content.items.length === 0) {
            pagesWithoutText.push(n);
            blocks.push({ kind: 'page', page: n });
            continue;
          }
          blocks.push(...pageBlocks(content, n));
        } finally {
          page.cleanup();
        }
      } catch (error) {
        problems.push({
          severity: 'error',
          code: 'page-unreadable',
          message: `page ${n} cannot be read: ${(error as Error).message}`,
          stage: 'read',
          at: { page: n },
        });
      }
    }
    if (pagesWithoutText.length > 0) {
      problems.push({
        severity: 'warning',
        code: 'pages-without-text',
        message: `${pagesWithoutText.length} page(s) have no text layer (scanned?): ${pagesWithoutText.slice(0, 10).join(', ')}${pagesWithoutText.length > 10 ? ' …' : ''}`,
        stage: 'read',
        at: { page: pagesWithoutText[0]! },
      });
    }
    return { blocks, pageCount: doc.numPages, problems, pagesWithoutText };
  });
}
