import { describe, expect, it } from 'vitest';
import type { CleanPage } from '../../src/readers/ocr/cleanPage.ts';
import type { OcrLine, OcrWord } from '../../src/readers/ocr/engine.ts';
import type { GreyImage } from '../../src/readers/ocr/raster.ts';
import { doubtfulWords, placedRereading, rereadDoubtfulWords } from '../../src/readers/ocr/rereadWords.ts';

const blank: GreyImage = {
  width: 2400,
  height: 1200,
  pixels: new Uint8Array(2400 * 1200).fill(255),
  dpi: 300,
};
const word = (text: string, x0: number, x1: number, confidence: number): OcrWord => ({
  text,
  x0,
  x1,
  y0: 900,
  y1: 940,
  confidence,
});
const line = (...words: OcrWord[]): OcrLine => ({ words, baseline: { x0: 0, y0: 940, x1: 2400, y1: 940 } });
/** A vertical rule at x = 1760 px (422.4 pt at 300 dpi), the left border of the cell. */
const rule = { x0: 422.4, x1: 422.4, y0: 100, y1: 280 };
/** The blank page as the clean stage hands it on, with its one vertical rule. */
const onBlank: CleanPage = { image: blank, skew: 0, rules: { horizontal: [], vertical: [rule] } };

describe('doubtful words', () => {
  it('picks Latin words read with doubt, widened inside the cell’s rules', () => {
    const lines = [
      line(word('台', 1700, 1740, 95), word('780007', 1782, 1944, 15), word('采', 1262, 1300, 30)),
    ];
    const found = doubtfulWords(lines, blank, [rule]);
    // Only the Latin word: 采 at 30 is a Chinese character, read again with its cell if at all.
    expect(found.map((d) => lines[d.line]!.words[d.word]!.text)).toEqual(['780007']);
    // Widened by a line height to the right; on the left it stops at the rule.
    expect(found[0]!.rect).toEqual({ x0: 1764, y0: 890, x1: 1984, y1: 950 });
    // A sure word, or a single mark, is not read again.
    expect(
      doubtfulWords([line(word('78000', 1782, 1944, 90), word('.', 2000, 2010, 10))], blank, []),
    ).toEqual([]);
  });

  it('takes a re-read when its number is clearly surer, and never beside a guess', () => {
    const before = word('780007', 1782, 1944, 15);
    const reread = (...words: OcrWord[]): OcrLine[] => [line(...words)];
    const rect = { x0: 1764, y0: 890, x1: 1984, y1: 950 };
    const placed = placedRereading(
      before,
      reread(word('78000', 16, 140, 89), word('元', 145, 190, 47)),
      rect,
      16,
    );
    expect(placed?.map((w) => [w.text, w.x0, w.y0])).toEqual([
      ['78000', 1764, 874 + 900],
      ['元', 1764 + 129, 874 + 900],
    ]);
    // Not sure enough.
    expect(placedRereading(before, reread(word('780007T', 16, 190, 62)), rect, 16)).toBeUndefined();
    // The number is sure, but a word beside it is a guess (`5` 96, `怀` 6 for `5.`).
    expect(
      placedRereading(word('5.', 0, 10, 52), reread(word('5', 16, 30, 96), word('怀', 31, 60, 6)), rect, 16),
    ).toBeUndefined();
    expect(placedRereading(before, [], rect, 16)).toBeUndefined();
  });

  it('puts the surer words in place of the doubtful one and leaves the rest of the line', async () => {
    const lines = [line(word('台', 1700, 1740, 95), word('sm', 1782, 1944, 35))];
    const engine = {
      recognizeCrop: async () => [line(word('78000', 20, 140, 92), word('元', 150, 190, 64))],
    };
    const read = await rereadDoubtfulWords(onBlank, lines, engine);
    expect(read[0]!.words.map((w) => w.text)).toEqual(['台', '78000', '元']);
    // A piece of the same number that another line holds is read by the re-read words.
    const split = [line(word('.00', 1850, 1900, 86)), line(word('80.0', 1782, 1880, 46))];
    // Crop coordinates: the crop starts 16 px above its rect (y 890), so y 26 is page y 900.
    const whole = {
      recognizeCrop: async () => [line({ ...word('180.00', 20, 140, 89), y0: 26, y1: 56 })],
    };
    const merged = await rereadDoubtfulWords(onBlank, split, whole);
    expect(merged.flatMap((l) => l.words.map((w) => w.text))).toEqual(['180.00']);
    // Nothing surer: the line as it was.
    const unsure = { recognizeCrop: async () => [line(word('sn', 20, 140, 40))] };
    expect((await rereadDoubtfulWords(onBlank, lines, unsure))[0]!.words.map((w) => w.text)).toEqual([
      '台',
      'sm',
    ]);
  });
});
