import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model.ts';
import { despeckle } from '../../src/readers/ocr/despeckle.ts';
import type { OcrLine } from '../../src/readers/ocr/engine.ts';
import type { GreyImage } from '../../src/readers/ocr/raster.ts';
import { cropRegion } from '../../src/readers/ocr/reread.ts';
import {
  betterReading,
  cellsWithUnreadInk,
  cellTextOf,
  withCellText,
} from '../../src/readers/ocr/rereadCells.ts';

/** A white 300 dpi page with dark rectangles (x0, y0, x1, y1 in pixels). */
function page(width: number, height: number, ink: readonly [number, number, number, number][]): GreyImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of ink)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) pixels[y * width + x] = 0;
  return { width, height, pixels, dpi: 300 };
}

/** One ruled row of two cells, 0–240 and 240–480 px wide, 0–120 px tall (in points at 300 dpi). */
const pt = (px: number) => (px * 72) / 300;
const row: Block = {
  kind: 'row',
  format: 'layout',
  at: { page: 1 },
  cells: [
    { raw: '', at: { page: 1, bbox: [0, 0, pt(240), pt(120)] } },
    { raw: '8', at: { page: 1, bbox: [pt(240), 0, pt(480), pt(120)] } },
  ],
};
const words = (...w: [string, number, number, number, number][]): OcrLine[] => [
  {
    words: w.map(([text, x0, y0, x1, y1]) => ({ text, x0, y0, x1, y1, confidence: 95 })),
    baseline: { x0: 0, y0: 80, x1: 480, y1: 80 },
  },
];

describe('cellsWithUnreadInk', () => {
  it('finds a cell whose ink no word covers (a number page layout analysis dropped)', () => {
    const image = page(480, 120, [[100, 40, 130, 80]]);
    expect(cellsWithUnreadInk([row], image, []).map((c) => [c.cell, c.layout])).toEqual([[0, 'line']]);
  });

  it('finds the minus sign OCR left out of -8, and not the 8 it read', () => {
    // `8` read at 400–420; the minus 8 × 3 pixels at 385–393 is outside it.
    const image = page(480, 120, [
      [400, 40, 420, 80],
      [385, 58, 393, 61],
    ]);
    const found = cellsWithUnreadInk([row], image, words(['8', 400, 40, 420, 80]));
    expect(found.map((c) => c.cell)).toEqual([1]);
    const covered = page(480, 120, [[400, 40, 420, 80]]);
    expect(cellsWithUnreadInk([row], covered, words(['8', 400, 40, 420, 80]))).toEqual([]);
  });

  it('takes ink between two read words of a line as read (CJK boxes are narrower than strokes)', () => {
    const image = page(480, 120, [[20, 40, 200, 80]]);
    const read = words(['合', 20, 40, 60, 80], ['计', 160, 40, 200, 80]);
    expect(cellsWithUnreadInk([row], image, read)).toEqual([]);
  });

  it('ignores specks and the remnants of a rule along the cell border', () => {
    const image = page(480, 120, [
      [100, 40, 102, 42],
      [0, 0, 480, 3],
      [238, 0, 242, 120],
    ]);
    expect(cellsWithUnreadInk([row], image, [])).toEqual([]);
  });

  it('finds a cell read with little confidence even when its ink is covered', () => {
    const doubtful: Block = {
      ...row,
      cells: [row.cells[0]!, { ...row.cells[1]!, raw: '贤4', at: { ...row.cells[1]!.at, confidence: 31 } }],
    } as Block;
    const image = page(480, 120, [[400, 40, 420, 80]]);
    expect(
      cellsWithUnreadInk([doubtful], image, words(['贤4', 400, 40, 420, 80])).map((c) => c.cell),
    ).toEqual([1]);
  });

  it('reads a cell with more than one line of ink as a block', () => {
    const image = page(480, 120, [
      [20, 10, 100, 40],
      [20, 70, 100, 100],
    ]);
    expect(cellsWithUnreadInk([row], image, words(['x', 300, 40, 320, 80]))[0]?.layout).toBe('block');
  });
});

describe('re-read cell text', () => {
  it('replaces a reading only with one that keeps every character already read', () => {
    expect(betterReading('', '19')).toBe(true);
    expect(betterReading('8', '-8')).toBe(true);
    expect(betterReading('1,074', '1,074')).toBe(false);
    expect(betterReading('1,074', '1074')).toBe(false);
    expect(betterReading('322', '-32')).toBe(false);
    // An amount read whole only gains a sign or digits in front, never a mark inside.
    expect(betterReading('322', '3.22')).toBe(false);
    expect(betterReading('8', '-8.')).toBe(false);
    expect(betterReading(',074', '1,074')).toBe(true);
    expect(betterReading('项目', '项目支出')).toBe(true);
  });

  it('lets a doubtful reading give way to a clearly surer one', () => {
    expect(betterReading('贤4', '项目名称', { before: 31, after: 92 })).toBe(true);
    expect(betterReading('250“,', '250', { before: 45, after: 90 })).toBe(true);
    // Not sure enough, or the first reading was not doubtful.
    expect(betterReading('贤4', '项目名称', { before: 31, after: 40 })).toBe(false);
    expect(betterReading('1,074', '1,014', { before: 85, after: 99 })).toBe(false);
  });

  it('joins the lines of a re-read cell as a wrapped cell, with the lowest confidence', () => {
    const lines: OcrLine[] = [
      {
        words: [{ text: '公务用车', x0: 0, y0: 0, x1: 1, y1: 1, confidence: 90 }],
        baseline: { x0: 0, y0: 0, x1: 1, y1: 0 },
      },
      {
        words: [{ text: '运行维护费', x0: 0, y0: 2, x1: 1, y1: 3, confidence: 70 }],
        baseline: { x0: 0, y0: 2, x1: 1, y1: 2 },
      },
    ];
    expect(cellTextOf(lines)).toEqual({ text: '公务用车运行维护费', confidence: 70 });
    expect(cellTextOf([])).toBeUndefined();
  });

  it('drops what is left of an erased rule at the edges of a re-read word, not inside it', () => {
    const word = (text: string, confidence: number) => ({ text, x0: 0, y0: 0, x1: 1, y1: 1, confidence });
    const line = (...words: ReturnType<typeof word>[]) => ({
      words,
      baseline: { x0: 0, y0: 0, x1: 1, y1: 0 },
    });
    expect(cellTextOf([line(word('||332.02', 87))])).toEqual({ text: '332.02', confidence: 87 });
    expect(cellTextOf([line(word('大于等于|', 85))])).toEqual({ text: '大于等于', confidence: 85 });
    // A lone bar is no word: its confidence does not count.
    expect(cellTextOf([line(word('|', 10), word('249.69', 80))])).toEqual({ text: '249.69', confidence: 80 });
    expect(cellTextOf([line(word('｜', 10))])).toBeUndefined();
    expect(cellTextOf([line(word('A|B', 90))])).toEqual({ text: 'A|B', confidence: 90 });
  });

  it('crops the cell onto a white margin and writes the reading into that cell only', () => {
    const image = page(480, 120, [[100, 40, 130, 80]]);
    const crop = cropRegion(image, { x0: 90, y0: 30, x1: 140, y1: 90 }, 16);
    expect([crop.width, crop.height]).toEqual([82, 92]);
    expect(crop.pixels[(16 + 10) * crop.width + 16 + 10]).toBe(0);
    expect(crop.pixels[0]).toBe(255);
    const [updated] = withCellText(
      [row],
      { block: 0, cell: 1, rect: { x0: 0, y0: 0, x1: 1, y1: 1 }, layout: 'line' },
      '-8',
      88,
    );
    expect(updated?.kind === 'row' && updated.cells.map((c) => [c.raw, c.at.confidence])).toEqual([
      ['', undefined],
      ['-8', 88],
    ]);
  });
});

describe('despeckle', () => {
  it('whitens isolated specks and keeps a full stop, a stroke and a minus sign', () => {
    const image = page(200, 100, [
      [10, 10, 11, 11],
      [30, 30, 32, 32],
      [50, 50, 54, 54],
      [80, 20, 82, 90],
      [120, 50, 128, 53],
    ]);
    const clean = despeckle(image);
    const dark = (x: number, y: number) => clean.pixels[y * 200 + x]! < 128;
    expect(dark(10, 10)).toBe(false);
    expect(dark(30, 30)).toBe(false);
    expect([dark(51, 51), dark(81, 50), dark(124, 51)]).toEqual([true, true, true]);
  });

  it('never touches a component larger than a speck (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat({ max: 90 }),
            fc.nat({ max: 40 }),
            fc.integer({ min: 3, max: 9 }),
            fc.integer({ min: 3, max: 9 }),
          ),
          {
            maxLength: 12,
          },
        ),
        (boxes) => {
          const image = page(
            100,
            50,
            boxes.map(([x, y, w, h]) => [x, y, Math.min(100, x + w), Math.min(50, y + h)]),
          );
          const clean = despeckle(image);
          // Every box is at least 3 × 3 = 9 pixels, over the speck size: nothing changes.
          expect(clean.pixels).toEqual(image.pixels);
        },
      ),
      { numRuns: 100 },
    );
  });
});
