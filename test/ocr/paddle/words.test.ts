import { describe, expect, it } from 'vitest';
import type { DecodedChar } from '../../../src/readers/ocr/paddle/ctc.ts';
import {
  lineOf,
  placeChars,
  withClosingQuotes,
  withThousandsCommas,
  wordsOfLine,
} from '../../../src/readers/ocr/paddle/words.ts';
import { wordsToItems } from '../../../src/readers/ocr/pageWords.ts';

/** Characters read one per `pitch` steps from `start`, each over two steps. */
function charsAt(text: string, starts: readonly number[], probability = 0.99): DecodedChar[] {
  return [...text].map((t, i) => ({ text: t, first: starts[i]!, last: starts[i]! + 1, probability }));
}

describe('words of a PP-OCR line', () => {
  // A line 40 px high, 4 px per time step: a CJK glyph is about 10 steps wide, a digit 5.
  const box = { x0: 100, y0: 200, x1: 1300, y1: 240 };

  it('places each character at the centre of its time steps, as wide as its kind of glyph', () => {
    const [he, one] = placeChars(charsAt('合1', [0, 50]), box, 4);
    // 合 centred at 100 + 1 × 4 = 104, half a CJK glyph (0.45 × 40 = 18) wide each side, clipped.
    expect([he!.x0, he!.x1]).toEqual([100, 122]);
    expect([one!.x0, one!.x1]).toEqual([294, 314]);
  });

  it('makes each CJK character a word and a run of digits one word, split at a wide blank', () => {
    const text = '合计1,234.56';
    const starts = [0, 10, 120, 125, 128, 133, 138, 143, 146, 151];
    const words = wordsOfLine(placeChars(charsAt(text, starts), box, 4), box);
    expect(words.map((w) => w.text)).toEqual(['合', '计', '1,234.56']);
    expect(words.every((w) => w.y0 === 200 && w.y1 === 240)).toBe(true);
  });

  it('splits a run of digits at a blank wider than half the line height, and at a space', () => {
    const spaced = wordsOfLine(placeChars(charsAt('1020', [0, 5, 60, 65]), box, 4), box);
    expect(spaced.map((w) => w.text)).toEqual(['10', '20']);
    const withSpace = wordsOfLine(placeChars(charsAt('10 20', [0, 5, 8, 10, 15]), box, 4), box);
    expect(withSpace.map((w) => w.text)).toEqual(['10', '20']);
  });

  it('gives a word the confidence (0–100) of its least sure character but a quote or bracket', () => {
    const chars = [...charsAt('12', [0, 5]), { text: '3', first: 10, last: 11, probability: 0.42 }];
    expect(wordsOfLine(placeChars(chars, box, 4), box).map((w) => w.confidence)).toEqual([42]);
    const quoted = [...charsAt('(1', [0, 5]), { text: ')', first: 10, last: 11, probability: 0.5 }];
    expect(wordsOfLine(placeChars(quoted, box, 4), box).map((w) => w.confidence)).toEqual([99]);
    const alone = [{ text: '"', first: 0, last: 1, probability: 0.5 }];
    expect(wordsOfLine(placeChars(alone, box, 4), box).map((w) => w.confidence)).toEqual([50]);
  });

  it('becomes two table cells in the page reader: the label and the amount, no space inside', () => {
    const text = '合计1,234.56';
    const starts = [0, 10, 120, 125, 128, 133, 138, 143, 146, 151];
    const line = lineOf(wordsOfLine(placeChars(charsAt(text, starts), box, 4), box), box);
    expect(wordsToItems([line], 300).map((r) => r.item.text)).toEqual(['合计', '1,234.56']);
  });

  it('reads a full-width comma before three digits of an amount as its thousands comma', () => {
    const read = (text: string) =>
      withThousandsCommas([...text].map((t) => ({ text: t })))
        .map((c) => c.text)
        .join('');
    expect(read('收入预算101，673.03万元，比')).toBe('收入预算101,673.03万元，比');
    expect(read('4，950.85')).toBe('4,950.85');
    // A list of numbers, or a comma before four digits, is prose punctuation.
    expect(read('第1，2项')).toBe('第1，2项');
    expect(read('2025，2026年')).toBe('2025，2026年');
  });

  it('reads a straight quote closing an open Chinese quote as the closing quote', () => {
    const read = (text: string) =>
      withClosingQuotes([...text].map((t) => ({ text: t })))
        .map((c) => c.text)
        .join('');
    expect(read('财政拨款“三公"经费支出表')).toBe('财政拨款“三公”经费支出表');
    expect(read('“三公”经费 "A"')).toBe('“三公”经费 "A"');
  });

  it('keeps a quote or bracket with the word it opens or closes, its doubt about its shape not counted', () => {
    const chars = charsAt('“三公”', [0, 10, 20, 30]).map((c) =>
      c.text === '“' ? { ...c, probability: 0.5 } : c,
    );
    const words = wordsOfLine(placeChars(chars, box, 4), box);
    expect(words.map((w) => [w.text, w.confidence])).toEqual([
      ['“三', 99],
      ['公”', 99],
    ]);
  });

  it('keeps the digits around a decimal point together in letter-spaced print', () => {
    // `4,950.85` with wide letter spacing: the blank after the point is over half the line height.
    const words = wordsOfLine(placeChars(charsAt('4,950.85', [0, 6, 9, 15, 21, 26, 36, 42]), box, 4), box);
    expect(words.map((w) => w.text)).toEqual(['4,950.85']);
  });
});
