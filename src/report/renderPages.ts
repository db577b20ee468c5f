import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drawPdfPage } from '../readers/ocr/raster.ts';
import { withPdf } from '../readers/pdf/loadPdf.ts';
import { writeImagePages } from './imagePages.ts';
import { type PageImage, REPORT_DPI } from './pageImage.ts';

/**
 * The source pages a reviewer looks at, drawn to PNG: PDF pages with the same pdf.js + canvas path
 * the OCR reader uses, scanned images with the OCR reader's decoders.
 */

export interface PageRendering {
  readonly images: ReadonlyMap<number, PageImage>;
  readonly problem?: string;
}

export async function renderPages(
  sourceFile: string,
  pages: readonly number[],
  siteDir: string,
  folder: string,
  inputType: 'pdf' | 'image' = 'pdf',
): Promise<PageRendering> {
  const images = new Map<number, PageImage>();
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(sourceFile));
  } catch (error) {
    return { images, problem: `${sourceFile}: the source cannot be read (${(error as Error).message})` };
  }
  await mkdir(join(siteDir, folder), { recursive: true });
  if (inputType === 'image') {
    try {
      return { images: await writeImagePages(bytes, pages, siteDir, folder) };
    } catch (error) {
      return { images, problem: `${sourceFile}: pages cannot be drawn (${(error as Error).message})` };
    }
  }
  try {
    await withPdf(bytes, {}, async (pdf) => {
      for (const n of pages) {
        if (n < 1 || n > pdf.numPages) continue;
        const page = await pdf.getPage(n);
        try {
          const { canvas, width, height } = await drawPdfPage(page, REPORT_DPI);
          const file = `${folder}/p${n}.png`;
          await writeFile(join(siteDir, file), await canvas.encode('png'));
          images.set(n, { page: n, file, width, height });
        } finally {
          page.cleanup();
        }
      }
    });
  } catch (error) {
    return { images, problem: `${sourceFile}: pages cannot be drawn (${(error as Error).message})` };
  }
  return { images };
}
