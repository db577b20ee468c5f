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
 * A detected line's box shrunk to the rows holding its ink. The detector adds a margin around
 * every line (PaddleOCR's unclip); the page reader takes a word's box for its glyphs, and lines of
 * a table set close together would look like the wrapped lines of one cell with that margin.
 */
export function inkRows(image: GreyImage, box: LineBox): LineBox {
  let y0 = -1;
  let y1 = -1;
  for (let y = box.y0; y < box.y1; y++) {
    let dark = 0;
    const row = y * image.width;
    for (let x = box.x0; x < box.x1 && dark < 2; x++) if (image.pixels[row + x]! < INK) dark++;
    if (dark < 2) continue;
    if (y0 < 0) y0 = y;
    y1 = y + 1;
  }
  return y0 < 0 ? box : { ...box, y0, y1 };
}
