import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Problem } from '../../model.ts';
import type { GreyImage } from '../ocr/raster.ts';
import { pdfjs } from './loadPdf.ts';

/**
 * Why a page without a text layer gives OCR nothing to read, said truthfully: a page whose images
 * could not be decoded (a codec pdf.js could not run) renders blank, and so does a page with nothing
 * on it; "OCR found no text" is only true when there was ink to read.
 */

/** Darker than this is ink; a page that rendered blank is paper white throughout. */
const INK = 200;
/** Ink pixels a page may show and still be blank (a speck), per million. */
const SPECKS_PER_MILLION = 10;

export function isBlankImage(image: GreyImage): boolean {
  if (image.stamp !== undefined) return false;
  const allowed = (image.pixels.length * SPECKS_PER_MILLION) / 1e6;
  let ink = 0;
  for (const p of image.pixels) if (p < INK && ++ink > allowed) return false;
  return true;
}

/** How many images the page paints (XObjects, inline images and image masks). */
export async function paintedImages(page: PDFPageProxy): Promise<number> {
  const { OPS } = await pdfjs();
  const painting = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintSolidColorImageMask,
  ]);
  const { fnArray } = await page.getOperatorList();
  return fnArray.filter((fn) => painting.has(fn)).length;
}

/** The problem of a page that rendered blank: its images could not be decoded, or it is empty. */
export function blankPageProblem(page: number, images: number): Problem {
  if (images > 0) {
    return {
      severity: 'error',
      code: 'page-image-undecodable',
      message: `page ${page} has no text layer and its image${images > 1 ? 's' : ''} could not be decoded (the page renders blank): nothing could be read on it`,
      stage: 'read',
      at: { page },
    };
  }
  return {
    severity: 'warning',
    code: 'blank-page',
    message: `page ${page} is blank: no text layer and nothing drawn on it`,
    stage: 'read',
    at: { page },
  };
}
