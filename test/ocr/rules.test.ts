import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../../src/readers/ocr/deskew.ts';
import { type GreyImage, greyImageFromRgba, rotate, scaleTo } from '../../src/readers/ocr/raster.ts';
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
  it('follows a rule under a red stamp, and makes no rule of a stroke between strokes of the stamp', () => {
    const page = ruledPage();
    const stamp = new Uint8Array(page.width * page.height);
    // The stamp's ink crosses the rule at y = 200 from x = 700 to 760: the red channel shows paper.
    for (let y = 190; y <= 212; y++)
      for (let x = 700; x <= 760; x++) {
        page.pixels[y * page.width + x] = 230;
        stamp[y * page.width + x] = 1;
      }
    expect(findRules(page).horizontal).toHaveLength(5);
    const stamped = findRules({ ...page, stamp });
    expect(stamped.horizontal).toHaveLength(4);
    expect(Math.round(stamped.horizontal[1]!.x1 - stamped.horizontal[1]!.x0)).toBe(240);
    // A 30 px digit stroke with stamp ink above and below it, 100 px in all: not a rule.
    for (let y = 450; y < 550; y++) {
      const digit = y >= 485 && y < 515;
      page.pixels[y * page.width + 900] = digit ? 0 : 230;
      stamp[y * page.width + 900] = digit ? 0 : 1;
    }
    page.pixels[450 * page.width + 900] = 0;
    page.pixels[549 * page.width + 900] = 0;
    expect(findRules({ ...page, stamp }).vertical).toHaveLength(3);
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

describe('stamp mask', () => {
  it('marks red seal ink, and keeps the mark through scaling and turning', () => {
    const width = 400;
    const height = 300;
    const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
    const paint = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: readonly number[]) => {
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) rgba.set([r!, g!, b!, 255], (y * width + x) * 4);
    };
    paint(100, 100, 200, 140, [216, 30, 30]); // seal ink over paper
    paint(250, 100, 300, 140, [0, 0, 0]); // black ink
    paint(320, 100, 360, 140, [120, 120, 220]); // blue ink
    const image = greyImageFromRgba(rgba, width, height, 200);
    expect(image.stamp?.[120 * width + 150]).toBe(1);
    expect(image.stamp?.[120 * width + 270]).toBe(0);
    expect(image.stamp?.[120 * width + 340]).toBe(0);
    // The grey channel is red: the seal is light, black ink dark.
    expect(image.pixels[120 * width + 150]).toBe(216);
    expect(image.pixels[120 * width + 270]).toBe(0);
    const scaled = scaleTo(image, 300);
    expect(scaled.stamp?.[180 * scaled.width + 225]).toBe(1);
    expect(scaled.stamp?.[180 * scaled.width + 405]).toBe(0);
    expect(scaled.pixels[180 * scaled.width + 225]).toBeGreaterThan(200);
    const turned = rotate(scaled, 1);
    expect(turned.stamp?.[180 * turned.width + 225]).toBe(1);
    // A page with no red has no mask.
    expect(greyImageFromRgba(new Uint8ClampedArray(16).fill(255), 2, 2, 300).stamp).toBeUndefined();
  });
});
