import type { GreyImage } from '../raster.ts';
import type { LineBox } from './words.ts';

/** Darker than this is ink. */
const INK = 160;

/**
 * The box around a crop's ink with a little paper (a quarter of its height, at least 4 pixels)
 * around it, as PP-OCR's detector leaves around a line; `undefined` for a blank crop.
 */
export function inkBox(image: GreyImage): LineBox | undefined {
  let x0 = image.width;
  let y0 = image.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x]! >= INK) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return undefined;
  const pad = Math.max(4, Math.round((y1 - y0 + 1) / 4));
  return {
    x0: Math.max(0, x0 - pad),
    y0: Math.max(0, y0 - pad),
    x1: Math.min(image.width, x1 + 1 + pad),
    y1: Math.min(image.height, y1 + 1 + pad),
  };
}

/**
 * The detector's box around a line is about 1.3 times as high as the line's glyphs (PaddleOCR's
 * unclip margin). The page reader takes a word's box for its glyphs: with the margin, the lines of
 * a tight table look like the wrapped lines of one cell. Each line loses the same share, not its
 * own ink's: digits stand lower than the CJK glyphs beside them, and a row's words keep one height
 * and one baseline.
 */
export const GLYPHS_IN_BOX = 1 / 1.3;

export function glyphBox(box: LineBox): LineBox {
  const margin = Math.round(((box.y1 - box.y0) * (1 - GLYPHS_IN_BOX)) / 2);
  return { ...box, y0: box.y0 + margin, y1: box.y1 - margin };
}
