import type { Segment } from '../pdf/pageContent.ts';
import { estimateSkew } from './deskew.ts';
import { despeckle } from './despeckle.ts';
import { type GreyImage, rotate, scaleTo } from './raster.ts';
import { eraseRules, findRules } from './rules.ts';

/**
 * The first stage of reading a scanned page: the image as the engine will see it. A red seal is
 * already gone from the grey channel (raster.ts); here the page is brought to 300 dpi and
 * straightened, its ruling lines are found in the pixels (kept, as PDF segments, for the grid
 * reader) and painted out, and specks are cleared.
 */

export const OCR_DPI = 300;

export interface PageRules {
  readonly horizontal: Segment[];
  readonly vertical: Segment[];
}

export interface CleanPage {
  /** At OCR_DPI, straightened, rules erased, specks cleared: what OCR reads. */
  readonly image: GreyImage;
  /** Degrees the scan was turned by, before straightening. */
  readonly skew: number;
  /** The ruling lines found in the straightened page, in PDF points. */
  readonly rules: PageRules;
}

/** Skew under this is left alone: rotating costs a resampling blur for nothing. */
const MIN_SKEW = 0.2;

export function cleanPage(image: GreyImage): CleanPage {
  const scaled = scaleTo(image, OCR_DPI);
  const skew = estimateSkew(scaled);
  const straight = Math.abs(skew) >= MIN_SKEW ? rotate(scaled, -skew) : scaled;
  const rules = findRules(straight);
  return { image: despeckle(eraseRules(straight, rules)), skew, rules };
}
