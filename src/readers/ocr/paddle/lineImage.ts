import type { GreyImage } from '../raster.ts';
import type { LineBox } from './words.ts';

/**
 * A detected line cut out of the page and brought to the recognition model's input: 48 pixels
 * high, its width in proportion (at least 320, the width PP-OCR pads short lines to), grey copied
 * to the three channels and scaled to −1…1 as PaddleOCR's `NormalizeImage` does for PP-OCRv4.
 */

export const LINE_HEIGHT = 48;
const MIN_WIDTH = 320;
/** Longer lines are read at this width (about 80 CJK characters): the model's output steps stay sharp. */
const MAX_WIDTH = 3200;

export interface LineTensor {
  readonly data: Float32Array;
  readonly width: number;
  /** Of `width`, the columns holding the line (the rest is padding). */
  readonly used: number;
}

function sample(image: GreyImage, x: number, y: number): number {
  const xi = Math.min(image.width - 1, Math.max(0, Math.floor(x)));
  const yi = Math.min(image.height - 1, Math.max(0, Math.floor(y)));
  const xj = Math.min(image.width - 1, xi + 1);
  const yj = Math.min(image.height - 1, yi + 1);
  const fx = Math.min(1, Math.max(0, x - xi));
  const fy = Math.min(1, Math.max(0, y - yi));
  const p = image.pixels;
  const top = p[yi * image.width + xi]! * (1 - fx) + p[yi * image.width + xj]! * fx;
  const bottom = p[yj * image.width + xi]! * (1 - fx) + p[yj * image.width + xj]! * fx;
  return top * (1 - fy) + bottom * fy;
}

export function lineTensor(image: GreyImage, box: LineBox): LineTensor {
  const boxWidth = Math.max(1, box.x1 - box.x0);
  const boxHeight = Math.max(1, box.y1 - box.y0);
  const used = Math.max(1, Math.min(MAX_WIDTH, Math.ceil((LINE_HEIGHT * boxWidth) / boxHeight)));
  const width = Math.max(MIN_WIDTH, used);
  const plane = LINE_HEIGHT * width;
  const data = new Float32Array(3 * plane);
  const sx = boxWidth / used;
  const sy = boxHeight / LINE_HEIGHT;
  for (let y = 0; y < LINE_HEIGHT; y++) {
    const srcY = box.y0 + (y + 0.5) * sy - 0.5;
    for (let x = 0; x < used; x++) {
      const v = sample(image, box.x0 + (x + 0.5) * sx - 0.5, srcY) / 127.5 - 1;
      const i = y * width + x;
      data[i] = v;
      data[plane + i] = v;
      data[2 * plane + i] = v;
    }
  }
  return { data, width, used };
}
