import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drawPdfPage } from '../readers/ocr/raster.ts';
import { withPdf } from '../readers/pdf/loadPdf.ts';

/**
 * The source pages a reviewer looks at, drawn to PNG with the same pdf.js + canvas path the OCR
 * reader uses. ~110 dpi keeps a page legible beside its grid on a laptop and a file near 150 KB.
 */

export const REPORT_DPI = 110;

export interface PageImage {
  readonly page: number;
  /** Path relative to the site root. */
  readonly file: string;
  readonly width: number;
  readonly height: number;
}

export interface PageRendering {
  readonly images: ReadonlyMap<number, PageImage>;
  readonly problem?: string;
}

export async function renderPages(
  sourceFile: string,
  pages: readonly number[],
  siteDir: string,
  folder: string,
): Promise<PageRendering> {
  const images = new Map<number, PageImage>();
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(sourceFile));
  } catch (error) {
    return { images, problem: `${sourceFile}: the source cannot be read (${(error as Error).message})` };
  }
  await mkdir(join(siteDir, folder), { recursive: true });
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
