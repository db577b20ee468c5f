import { describe, expect, it } from 'vitest';
import { glyphBox, inkBox } from '../../../src/readers/ocr/paddle/inkBox.ts';
import { clippedAtNeighbours, inReadingOrder } from '../../../src/readers/ocr/paddle/readingOrder.ts';

describe('detected lines in reading order', () => {
  it('reads rows top to bottom and boxes of one row left to right, though their tops differ', () => {
    const amount = { x0: 800, y0: 104, x1: 900, y1: 140 };
    const label = { x0: 100, y0: 100, x1: 300, y1: 142 };
    const next = { x0: 90, y0: 160, x1: 300, y1: 200 };
    expect(inReadingOrder([next, amount, label])).toEqual([label, amount, next]);
  });

  it('keeps lines whose centres are more than half a line apart on rows of their own', () => {
    const upper = { x0: 500, y0: 100, x1: 600, y1: 140 };
    const lower = { x0: 100, y0: 125, x1: 200, y1: 165 };
    expect(inReadingOrder([lower, upper])).toEqual([upper, lower]);
  });
});

describe('the ink of a crop', () => {
  it('sets the height of a detected line: its box less the margin the detector adds', () => {
    const box = { x0: 5, y0: 20, x1: 95, y1: 72 };
    // 52 × (1 − 1/1.3) / 2 = 6 pixels off the top and the foot.
    expect(glyphBox(box)).toEqual({ ...box, y0: 26, y1: 66 });
  });

  it('is boxed with a margin of a quarter of its height, and a blank crop has none', () => {
    const width = 100;
    const height = 60;
    const pixels = new Uint8Array(width * height).fill(255);
    for (let y = 20; y < 40; y++) for (let x = 30; x < 70; x++) pixels[y * width + x] = 0;
    expect(inkBox({ width, height, pixels, dpi: 300 })).toEqual({ x0: 25, y0: 15, x1: 75, y1: 45 });
    expect(inkBox({ width, height, pixels: new Uint8Array(width * height).fill(255), dpi: 300 })).toBe(
      undefined,
    );
  });
});

describe('boxes of one row reaching into each other', () => {
  it("end at the middle of their overlap, so the right one no longer holds the left one's last glyph", () => {
    // Seed 004 page 6: `5,239.627782` and `710.687209`, whose box read the 2 before it again.
    const left = { x0: 1447, y0: 416, x1: 1665, y1: 445 };
    const right = { x0: 1650, y0: 413, x1: 1860, y1: 447 };
    expect(clippedAtNeighbours([left, right])).toEqual([
      { ...left, x1: 1658 },
      { ...right, x0: 1658 },
    ]);
  });

  it('leaves a box inside another, and boxes of other rows, as they are', () => {
    const wide = { x0: 100, y0: 100, x1: 900, y1: 140 };
    const inside = { x0: 300, y0: 105, x1: 400, y1: 135 };
    const below = { x0: 850, y0: 150, x1: 1000, y1: 190 };
    expect(clippedAtNeighbours([wide, inside, below])).toEqual([wide, inside, below]);
  });
});
