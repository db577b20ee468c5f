import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../../src/readers/ocr/engine.ts';
import { withoutDoubleReadings } from '../../../src/readers/ocr/paddle/overlaps.ts';

const line = (...words: [string, number, number][]): OcrLine => ({
  words: words.map(([text, x0, x1]) => ({ text, x0, x1, y0: 976, y1: 1011, confidence: 99 })),
  baseline: { x0: words[0]![1], y0: 1011, x1: words.at(-1)![2], y1: 1011 },
});

describe('ink read by two overlapping detected lines', () => {
  it('is kept in the wider word: the last digit of an amount read again by the next box goes', () => {
    const amount = line(['9,274.719302', 863, 1067]);
    const next = line(['2', 1057, 1069], ['5,950.314991', 1095, 1291]);
    const lines = withoutDoubleReadings([amount, next]);
    expect(lines.map((l) => l.words.map((w) => w.text))).toEqual([['9,274.719302'], ['5,950.314991']]);
  });

  it('keeps words that only touch, and words of another row', () => {
    const left = line(['合', 100, 140], ['计', 141, 180]);
    const right = line(['1,234.56', 175, 330]);
    const below: OcrLine = { ...right, words: right.words.map((w) => ({ ...w, y0: 1040, y1: 1075 })) };
    expect(withoutDoubleReadings([left, right])).toEqual([left, right]);
    expect(withoutDoubleReadings([left, below])).toEqual([left, below]);
  });
});
