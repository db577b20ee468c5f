import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectInputType } from '../readers/detectInputType.ts';
import { decodeImage, type GreyImage, scaleTo, toPng } from '../readers/ocr/raster.ts';
import { decodeTiffPage, readTiffDirectory } from '../readers/ocr/tiff.ts';
import { type PageImage, REPORT_DPI } from './pageImage.ts';

/**
 * The pages of a scanned image input (PNG, JPEG, multi-page TIFF …), decoded by the OCR reader's
 * own decoders and scaled to the report's resolution, so a scan is reviewed as a PDF page is.
 */

function isTiff(bytes: Uint8Array): boolean {
  const type = detectInputType(bytes);
  return type.type === 'image' && type.format === 'tiff';
}

async function decodePages(bytes: Uint8Array, pages: readonly number[]): Promise<Map<number, GreyImage>> {
  const images = new Map<number, GreyImage>();
  if (!isTiff(bytes)) {
    if (pages.includes(1)) images.set(1, await decodeImage(bytes));
    return images;
  }
  const directory = readTiffDirectory(bytes);
  for (const page of directory.pages)
    if (pages.includes(page.page)) images.set(page.page, decodeTiffPage(bytes, page));
  return images;
}

export async function writeImagePages(
  bytes: Uint8Array,
  pages: readonly number[],
  siteDir: string,
  folder: string,
): Promise<Map<number, PageImage>> {
  const written = new Map<number, PageImage>();
  await mkdir(join(siteDir, folder), { recursive: true });
  for (const [n, image] of await decodePages(bytes, pages)) {
    const scaled = scaleTo(image, REPORT_DPI);
    const file = `${folder}/p${n}.png`;
    await writeFile(join(siteDir, file), toPng(scaled));
    written.set(n, { page: n, file, width: scaled.width, height: scaled.height });
  }
  return written;
}
