import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Block, Problem } from '../../model.ts';
import type { OcrEngineName } from '../ocr/engine.ts';
import { type PageReadahead, pageReadahead } from '../ocr/readahead.ts';
import { blankPageProblem, isBlankImage, paintedImages } from './blankPage.ts';
import { type OpenOptions, openPdf, withPdf } from './loadPdf.ts';
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
  /** Pages read by OCR. */
  readonly ocrPages: number[];
}

export type OcrMode = 'auto' | 'always' | 'never';

/**
 * Told of each page as it goes to OCR (page number, pages in the file): a batch worker passes it
 * on, so its file's time limit grows with the pages to OCR and the progress line names the page.
 */
export type OcrPageListener = (page: number, pages: number) => void;

export interface PdfReadOptions extends OpenOptions {
  readonly maxPages?: number;
  /** auto: OCR the pages without a text layer; always: every page; never: none. */
  readonly ocr?: OcrMode;
  /** OCR workers (default: one per core). */
  readonly ocrWorkers?: number;
  /** The OCR engine (default: DEFAULT_OCR_ENGINE). */
  readonly ocrEngine?: OcrEngineName;
  readonly onOcrPage?: OcrPageListener;
}

function noTextOn(page: number, why: string): Problem {
  return {
    severity: 'warning',
    code: 'ocr-no-text',
    message: `page ${page} has no text layer and ${why}`,
    stage: 'read',
    at: { page },
  };
}

/**
 * The pages drawn for OCR. Pages are read from a document opened without drawing (no glyph
 * outlines, no images: loadPdf.ts); a page to draw comes from a second copy opened for drawing,
 * only once a page needs it — unless every page is drawn (`--ocr always`).
 */
function pagesToDraw(bytes: Uint8Array, options: PdfReadOptions, drawsEvery: boolean) {
  let copy: ReturnType<typeof openPdf> | undefined;
  const drawing = {
    ...(options.password !== undefined ? { password: options.password } : {}),
    rendering: true,
  };
  return {
    async page(read: PDFPageProxy): Promise<PDFPageProxy> {
      if (drawsEvery) return read;
      copy ??= openPdf(bytes, drawing);
      return (await copy).getPage(read.pageNumber);
    },
    async close(): Promise<void> {
      if (copy) await (await copy).destroy().catch(() => undefined);
    },
  };
}

/** A page tree can claim a million pages with a few objects: the library stops where the CLI does. */
export const DEFAULT_MAX_PAGES = 2000;

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfReading> {
  const ocrMode = options.ocr ?? 'auto';
  const drawn = pagesToDraw(bytes, options, ocrMode === 'always');
  try {
    return await withPdf(bytes, { ...options, rendering: ocrMode === 'always' }, (doc) =>
      readPages(doc, options, drawn),
    );
  } finally {
    await drawn.close();
  }
}

async function readPages(
  doc: PDFDocumentProxy,
  options: PdfReadOptions,
  drawn: ReturnType<typeof pagesToDraw>,
): Promise<PdfReading> {
  const pages: Block[][] = [];
  const problems: Problem[] = [];
  const pagesWithoutText: number[] = [];
  const ocrMode = options.ocr ?? 'auto';
  let readahead: PageReadahead | undefined;
  const ocrPages: number[] = [];
  const last = Math.min(doc.numPages, options.maxPages ?? DEFAULT_MAX_PAGES);
  if (doc.numPages > last) {
    problems.push({
      severity: 'error',
      code: 'too-many-pages',
      message: `the PDF has ${doc.numPages} pages; only the first ${last} were read`,
      stage: 'read',
    });
  }
  const pageFailed = (n: number, error: unknown, what: string) =>
    problems.push({
      severity: 'error',
      code: 'page-unreadable',
      message: `page ${n} cannot be ${what}: ${(error as Error).message}`,
      stage: 'read',
      at: { page: n },
    });
  for (let n = 1; n <= last; n++) {
    const index = pages.length;
    pages.push([{ kind: 'page', page: n }]);
    try {
      const page = await doc.getPage(n);
      let drawnPage: PDFPageProxy | undefined;
      try {
        const content = await readPageContent(page);
        const ocr = ocrMode === 'always' || (ocrMode === 'auto' && content.items.length === 0);
        if (!ocr) {
          if (content.items.length === 0) pagesWithoutText.push(n);
          else pages[index] = pageBlocks(content, n);
          continue;
        }
        options.onOcrPage?.(n, last);
        // The OCR modules (canvas, tesseract.js) are loaded only when a page needs them.
        const [{ sharedOcrEngine }, { OCR_DPI }, { ocrPage }, { renderPdfPage }] = await Promise.all([
          import('../ocr/engine.ts'),
          import('../ocr/cleanPage.ts'),
          import('../ocr/ocrPage.ts'),
          import('../ocr/raster.ts'),
        ]);
        drawnPage = await drawn.page(page);
        const image = await renderPdfPage(drawnPage, OCR_DPI);
        if (content.items.length === 0 && isBlankImage(image)) {
          // Nothing to recognise: say why (an undecodable image, or an empty page), and skip
          // OCR, whose workers took seconds to start only to find nothing.
          problems.push(blankPageProblem(n, await paintedImages(drawnPage)));
          continue;
        }
        const engine = await sharedOcrEngine(options.ocrWorkers, options.ocrEngine);
        readahead ??= pageReadahead(engine.workers);
        await readahead.add(
          ocrPage(image, n, engine).then(
            (reading) => {
              pages[index] = reading.blocks;
              ocrPages.push(n);
              if (reading.words === 0) problems.push(noTextOn(n, 'OCR found no text on it'));
            },
            (error) => {
              pageFailed(n, error, 'recognised');
            },
          ),
        );
      } finally {
        page.cleanup();
        drawnPage?.cleanup();
      }
    } catch (error) {
      pageFailed(n, error, 'read');
    }
  }
  await readahead?.finish();
  const blocks = pages.flat();
  if (pagesWithoutText.length > 0) {
    problems.push({
      severity: 'warning',
      code: 'pages-without-text',
      message: `${pagesWithoutText.length} page(s) have no text layer and were not OCR'd (--ocr never): ${pagesWithoutText.slice(0, 10).join(', ')}${pagesWithoutText.length > 10 ? ' …' : ''}`,
      stage: 'read',
      at: { page: pagesWithoutText[0]! },
    });
  }
  return {
    blocks,
    pageCount: doc.numPages,
    problems,
    pagesWithoutText,
    ocrPages: ocrPages.sort((a, b) => a - b),
  };
}
