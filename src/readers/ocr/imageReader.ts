import type { Block, Problem } from '../../model.ts';
import { DEFAULT_MAX_PAGES, type OcrMode, type OcrPageListener } from '../pdf/pdfReader.ts';
import { type OcrEngineName, sharedOcrEngine } from './engine.ts';
import { ocrPage } from './ocrPage.ts';
import { decodeImage, type GreyImage, ImageReadError } from './raster.ts';
import { pageReadahead } from './readahead.ts';
import { decodeTiffPage, readTiffDirectory } from './tiff.ts';

/**
 * A page image (PNG, JPEG, GIF, BMP, WebP) or a TIFF scan of one or more pages, read by OCR into
 * blocks. TIFF is decoded by utif2 (tiff.ts), not by the canvas, whose decoder crashes the process
 * on it (seen with @napi-rs/canvas 0.1.100). Each TIFF page is a page of the document, in file
 * order up to the page limit; pages are recognised while the next ones decode.
 */

export type ImageFormat = 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'webp';

export interface ImageReading {
  readonly blocks: Block[];
  readonly pageCount: number;
  readonly problems: Problem[];
}

export { ImageReadError };

export interface ImageReadOptions {
  readonly ocr?: OcrMode;
  readonly ocrWorkers?: number;
  /** The OCR engine (default: DEFAULT_OCR_ENGINE). */
  readonly ocrEngine?: OcrEngineName;
  /** Read at most this many pages of a multi-page TIFF (default: the PDF reader's limit). */
  readonly maxPages?: number;
  readonly onOcrPage?: OcrPageListener;
}

export async function readImage(
  bytes: Uint8Array,
  format: ImageFormat,
  options: ImageReadOptions = {},
): Promise<ImageReading> {
  if (options.ocr === 'never') throw new ImageReadError('an image has no text without OCR (--ocr never)');
  if (format === 'tiff') return readTiff(bytes, options);
  const image = await decodeImage(bytes);
  options.onOcrPage?.(1, 1);
  const engine = await sharedOcrEngine(options.ocrWorkers, options.ocrEngine);
  const reading = await ocrPage(image, 1, engine);
  return {
    blocks: reading.blocks,
    pageCount: 1,
    problems: reading.words === 0 ? [noText(1, 'OCR found no text in the image')] : [],
  };
}

const noText = (page: number, message: string): Problem => ({
  severity: 'warning',
  code: 'ocr-no-text',
  message,
  stage: 'read',
  at: { page },
});

/**
 * Every page's directory is checked before anything is decoded (a bomb on page 40 fails the file
 * before page 1 is OCR'd); a page whose data cannot be decoded or recognised is reported and
 * skipped, as a PDF page is, and the other pages are kept.
 */
async function readTiff(bytes: Uint8Array, options: ImageReadOptions): Promise<ImageReading> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const directory = readTiffDirectory(bytes, maxPages);
  const engine = await sharedOcrEngine(options.ocrWorkers, options.ocrEngine);
  const count = directory.pages.length;
  const pages: Block[][] = directory.pages.map((p) => [{ kind: 'page', page: p.page }]);
  const pageProblems: Problem[][] = directory.pages.map(() => []);
  const problems: Problem[] = [];
  if (directory.morePages) {
    problems.push({
      severity: 'error',
      code: 'too-many-pages',
      message: `the TIFF has more than ${maxPages} pages; only the first ${maxPages} were read`,
      stage: 'read',
    });
  }
  if (directory.loops) {
    problems.push({
      severity: 'warning',
      code: 'tiff-directory-loop',
      message: `the TIFF's page chain loops back after page ${count}; pages 1–${count} were read`,
      stage: 'read',
      at: { page: count },
    });
  }
  const pageFailed = (n: number, error: unknown, what: string): Problem => ({
    severity: 'error',
    code: 'page-unreadable',
    // The decoder's errors already name the page.
    message:
      error instanceof ImageReadError
        ? error.message
        : `page ${n} cannot be ${what}: ${(error as Error).message}`,
    stage: 'read',
    at: { page: n },
  });
  const readahead = pageReadahead(engine.workers);
  for (const [index, page] of directory.pages.entries()) {
    options.onOcrPage?.(page.page, count);
    let image: GreyImage;
    try {
      image = decodeTiffPage(bytes, page);
    } catch (error) {
      pageProblems[index]!.push(pageFailed(page.page, error, 'decoded'));
      continue;
    }
    await readahead.add(
      ocrPage(image, page.page, engine).then(
        (reading) => {
          pages[index] = reading.blocks;
          if (reading.words === 0)
            pageProblems[index]!.push(noText(page.page, `OCR found no text on page ${page.page}`));
        },
        (error) => {
          pageProblems[index]!.push(pageFailed(page.page, error, 'recognised'));
        },
      ),
    );
  }
  await readahead.finish();
  return { blocks: pages.flat(), pageCount: count, problems: [...problems, ...pageProblems.flat()] };
}
