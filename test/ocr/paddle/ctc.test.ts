import { describe, expect, it } from 'vitest';
import { decodeCtc } from '../../../src/readers/ocr/paddle/ctc.ts';

/** Scores of `steps` time steps over blank + `dictionary`, each step sure of one class. */
function scoresOf(best: readonly number[], classes: number, sure = 0.9): Float32Array {
  const scores = new Float32Array(best.length * classes).fill((1 - sure) / (classes - 1));
  best.forEach((c, t) => {
    scores[t * classes + c] = sure;
  });
  return scores;
}

describe('CTC decoding of a PP-OCR line', () => {
  const dictionary = ['1', '0', '.', '元', ' '];

  it('collapses repeats, drops blanks, and keeps a character repeated across a blank twice', () => {
    // blank 1 1 blank 0 blank 0 0 . 元 元 blank
    const best = [0, 1, 1, 0, 2, 0, 2, 2, 3, 4, 4, 0];
    const chars = decodeCtc(scoresOf(best, 6), best.length, 6, dictionary);
    expect(chars.map((c) => c.text).join('')).toBe('100.元');
  });

  it('says at which time steps each character was read', () => {
    const best = [0, 1, 1, 0, 0, 2, 0, 4, 4, 4];
    const chars = decodeCtc(scoresOf(best, 6), best.length, 6, dictionary);
    expect(chars.map((c) => [c.text, c.first, c.last])).toEqual([
      ['1', 1, 2],
      ['0', 5, 5],
      ['元', 7, 9],
    ]);
  });

  it('gives a character the mean of its best scores over its steps', () => {
    const scores = scoresOf([1, 1], 6);
    scores[0 * 6 + 1] = 0.6;
    scores[1 * 6 + 1] = 1.0;
    const [one] = decodeCtc(scores, 2, 6, dictionary);
    expect(one?.probability).toBeCloseTo(0.8, 6);
  });

  it('reads the last class as the space PP-OCR appends to its dictionary', () => {
    const best = [1, 5, 2];
    expect(decodeCtc(scoresOf(best, 6), 3, 6, dictionary).map((c) => c.text)).toEqual(['1', ' ', '0']);
  });
});
