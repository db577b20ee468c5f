import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../../src/readers/ocr/deskew.ts';
import { type GreyImage, rotate } from '../../src/readers/ocr/raster.ts';
import { eraseRules, findRules } from '../../src/readers/ocr/rules.ts';

/** A white 300 dpi "page" with a 3-row ruled table and some glyph-sized blobs. */
function ruledPage(): GreyImage {
  const width = 1200;
  const height = 800;
  const pixels = new Uint8Array(width * height).fill(255);
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) pixels[y * width + x] = 0;
  };
  for (const y of [100, 200, 300, 400]) ink(100, y, 1100, y + 2); // 3 px thick rules
  for (const x of [100, 600, 1100]) ink(x, 100, x + 2, 402);
  // Glyphs: 40 px strokes, far shorter than a rule.
  for (let k = 0; k < 8; k++) ink(150 + k * 50, 140, 180 + k * 50, 142);
  for (let k = 0; k < 8; k++) ink(160 + k * 50, 130, 162 + k * 50, 170);
  return { width, height, pixels, dpi: 300 };
}

describe('findRules', () => {
  it('finds the ruling lines of a scanned table, in points, and not the glyph strokes', () => {
    const { horizontal, vertical } = findRules(ruledPage());
    expect(horizontal.map((s) => Math.round(s.y0))).toEqual([24, 48, 72, 96]);
    expect(vertical.map((s) => Math.round(s.x0))).toEqual([24, 144, 264]);
    expect(Math.round(horizontal[0]!.x1 - horizontal[0]!.x0)).toBe(240);
  });
  it('bridges a short gap in a rule (toner drop-out)', () => {
    const page = ruledPage();
    for (let x = 500; x < 503; x++) for (let y = 200; y <= 202; y++) page.pixels[y * page.width + x] = 255;
    expect(findRules(page).horizontal).toHaveLength(4);
  });
  it('reads a blurred rule whose faint edge row broke into pieces as one rule', () => {
    const page = ruledPage();
    // Pieces of a faint row just above the rule at y = 200.
    for (const [x0, x1] of [
      [120, 300],
      [320, 560],
    ] as const)
      for (let x = x0; x <= x1; x++) page.pixels[199 * page.width + x] = 0;
    expect(findRules(page).horizontal.map((s) => Math.round(s.y0))).toEqual([24, 48, 72, 96]);
  });
  it('erases the rules so OCR does not read them as | or 1, and keeps the glyphs', () => {
    const page = ruledPage();
    const erased = eraseRules(page, findRules(page));
    expect(findRules(erased)).toEqual({ horizontal: [], vertical: [] });
    expect(erased.pixels[141 * page.width + 160]).toBe(0);
  });
});

describe('estimateSkew', () => {
  it('measures a page turned by a degree and reads a straight page as 0', () => {
    const page = ruledPage();
    expect(estimateSkew(page)).toBe(0);
    const turned = rotate(page, 1.2);
    const skew = estimateSkew(turned);
    expect(Math.abs(Math.abs(skew) - 1.2)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(estimateSkew(rotate(turned, -skew)))).toBeLessThanOrEqual(0.1);
  });
});
