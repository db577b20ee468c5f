import type { GreyImage } from './raster.ts';

/**
 * What the re-reads of a page share (rereadWords.ts, rereadCells.ts): a region cut out of the
 * cleaned page with paper around it, and when a second reading is sure enough to replace the first.
 */

export interface PixelRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * A re-read replaces a doubtful reading (page layout analysis garbles a header row now and then,
 * `贤4 | a | Kp` for 项目名称 | 预算数 | 绩效目标, a cell alone reads right) when it is at least this
 * sure and this much surer.
 */
const SURE = 70;
const SURER_BY = 15;

/** Whether a reading of `after` confidence is clearly surer than one of `before`. */
export function clearlySurer(before: number, after: number): boolean {
  return after >= Math.max(SURE, before + SURER_BY);
}

/** The region's pixels on a white margin (OCR reads a crop best with paper around it). */
export function cropRegion(image: GreyImage, rect: PixelRect, margin = 16): GreyImage {
  const width = rect.x1 - rect.x0 + 2 * margin;
  const height = rect.y1 - rect.y0 + 2 * margin;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = rect.y0; y < rect.y1; y++) {
    const from = y * image.width;
    pixels.set(
      image.pixels.subarray(from + rect.x0, from + rect.x1),
      (y - rect.y0 + margin) * width + margin,
    );
  }
  return { width, height, pixels, dpi: image.dpi };
}
