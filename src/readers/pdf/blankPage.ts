import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Problem } from '../../model.ts';
import { INK_LEVEL } from '../ocr/inkLevel.ts';
import type { GreyImage } from '../ocr/raster.ts';
import { pdfjs } from './loadPdf.ts';

/**
 * Why a page without a text layer gives OCR nothing to read, said truthfully: a page whose images
 * could not be decoded (a codec pdf.js could not run) renders blank, and so does a page with nothing
 * on it; "OCR found no text" is only true when there was ink to read.
 */

/** Ink pixels a page may show and still be blank (a speck), per million. */
const SPECKS_PER_MILLION = 10;

export function isBlankImage(image: GreyImage): boolean {
  if (image.stamp !== undefined) return false;
  const allowed = (image.pixels.length * SPECKS_PER_MILLION) / 1e6;
  let ink = 0;
  for (const p of image.pixels) if (p < INK_LEVEL && ++ink > allowed) return false;
  return true;
}

/** The images a page paints (XObjects, inline images and masks) and how many pdf.js could not decode. */
export interface PaintedImages {
  readonly painted: number;
  readonly undecoded: number;
}

/**
 * pdf.js resolves an image XObject it could not decode with `null` (after warning "Unable to
 * decode image"), and one it decoded with its pixels; a scanned blank sheet decodes to white.
 * Waiting on each object (`get` with a callback) holds until the worker has sent it.
 */
async function isUndecoded(page: PDFPageProxy, objId: unknown): Promise<boolean> {
  if (typeof objId !== 'string') return false;
  const objs = objId.startsWith('g_') ? page.commonObjs : page.objs;
  const data = await new Promise<unknown>((resolve) => objs.get(objId, resolve));
  return data === null;
}

export async function paintedImages(page: PDFPageProxy): Promise<PaintedImages> {
  const { OPS } = await pdfjs();
  const xObjects = new Set<number>([OPS.paintImageXObject, OPS.paintImageXObjectRepeat]);
  const painting = new Set<number>([
    ...xObjects,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintSolidColorImageMask,
  ]);
  const { fnArray, argsArray } = await page.getOperatorList();
  let painted = 0;
  let undecoded = 0;
  for (const [i, fn] of fnArray.entries()) {
    if (!painting.has(fn)) continue;
    painted++;
    if (xObjects.has(fn) && (await isUndecoded(page, argsArray[i]?.[0]))) undecoded++;
  }
  return { painted, undecoded };
}

/**
 * The problem of a page that rendered blank: its images could not be decoded, or it is empty —
 * nothing drawn, or a scanned sheet with no ink on it (the blank back of a leaf).
 */
export function blankPageProblem(page: number, images: PaintedImages): Problem {
  if (images.undecoded > 0) {
    return {
      severity: 'error',
      code: 'page-image-undecodable',
      message: `page ${page} has no text layer and its image${images.undecoded > 1 ? 's' : ''} could not be decoded (the page renders blank): nothing could be read on it`,
      stage: 'read',
      at: { page },
    };
  }
  return {
    severity: 'warning',
    code: 'blank-page',
    message:
      images.painted > 0
        ? `page ${page} is blank: no text layer, and its image${images.painted > 1 ? 's' : ''} show${images.painted > 1 ? '' : 's'} no ink`
        : `page ${page} is blank: no text layer and nothing drawn on it`,
    stage: 'read',
    at: { page },
  };
}
