import type { GreyImage } from './raster.ts';

/**
 * Scanner dust and JPEG noise leave isolated dark specks that tesseract reads as `.`, `,`, `。` or
 * `“` beside the numbers (`。 0`, `“ 30`, `0,`). A speck is a dark component of a few pixels
 * touching nothing else; the smallest mark that means something, a full stop at 300 dpi, covers
 * about 16. Specks are painted white; everything else is left as it was.
 */

const DARK = 160;

export function despeckle(
  image: GreyImage,
  maxArea = Math.max(2, Math.round((image.dpi / 300) ** 2 * 6)),
): GreyImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(pixels);
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const component: number[] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (seen[start] || pixels[start]! >= DARK) continue;
    seen[start] = 1;
    stack.push(start);
    component.length = 0;
    let large = false;
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (!large) component.push(p);
      if (component.length > maxArea) large = true;
      const x = p % width;
      const y = (p - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (seen[q] || pixels[q]! >= DARK) continue;
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (!large) for (const p of component) out[p] = 255;
  }
  return { ...image, pixels: out };
}
