import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/readers/ocr/engine.ts';
import { wordsToItems } from '../../src/readers/ocr/pageWords.ts';
import { withOneForDash, withThousandsPoints, withZeroForLetterO } from '../../src/readers/ocr/runText.ts';

const word = (text: string, x0: number, x1: number, confidence = 95) => ({
  text,
  x0,
  x1,
  y0: 100,
  y1: 140,
  confidence,
});
const line = (...words: ReturnType<typeof word>[]): OcrLine => ({
  words,
  baseline: { x0: 0, y0: 140, x1: 3000, y1: 140 },
});

describe('wordsToItems', () => {
  it('joins the one-character words of Chinese text into runs, split at column gaps', () => {
    const runs = wordsToItems(
      [line(word('合', 100, 140), word('计', 145, 185), word('1,945.097640', 600, 860, 71))],
      300,
    );
    expect(runs.map((r) => r.item.text)).toEqual(['合计', '1,945.097640']);
    expect(runs[1]!.confidence).toBe(71);
    // Pixels at 300 dpi → points.
    expect(runs[0]!.item.x0).toBeCloseTo(24, 5);
    expect(runs[0]!.item.y).toBeCloseTo(33.6, 5);
  });
  it('drops what is left of an erased ruling line', () => {
    const runs = wordsToItems([line(word('|', 90, 95), word('合', 100, 140), word('"', 150, 155))], 300);
    expect(runs.map((r) => r.item.text)).toEqual(['合']);
  });
  it('splits at a vertical rule even when a glyph box reaches over it', () => {
    // A rule at x = 150 px (36 pt at 300 dpi) from y 0 to 2000 px; 数's box (118–152) touches it.
    const rule = { x0: 36, x1: 36, y0: 0, y1: 480 };
    const runs = wordsToItems([line(word('数', 118, 152), word('项', 156, 190))], 300, [rule]);
    expect(runs.map((r) => r.item.text)).toEqual(['数', '项']);
  });
  it('keeps the lowest confidence of the words it joins', () => {
    const runs = wordsToItems([line(word('机', 100, 140, 90), word('关', 145, 185, 42))], 300);
    expect(runs[0]!.confidence).toBe(42);
  });
  it('drops a quote read into the blank between two header words, not a pair of quotes', () => {
    // 人员支出 “公用支出: the quote glued 公用支出 to the gap and the two columns into one.
    const stray = wordsToItems(
      [line(word('出', 260, 300), word('“', 370, 415), word('公', 414, 459), word('用', 460, 500))],
      300,
    );
    expect(stray.map((r) => r.item.text)).toEqual(['出', '公用']);
    expect(stray[1]!.item.x0).toBeCloseTo((414 * 72) / 300, 5);
    const paired = wordsToItems(
      [line(word('“', 100, 120), word('三', 125, 165), word('公', 170, 210), word('”', 215, 235))],
      300,
    );
    expect(paired.map((r) => r.item.text)).toEqual(['“三公”']);
  });
  it('drops a mark standing alone and a mark before an amount, keeps a dash', () => {
    const runs = wordsToItems(
      [line(word('。', 100, 120), word('“', 400, 420), word('2,466.84', 440, 600), word('-', 900, 930))],
      300,
    );
    expect(runs.map((r) => r.item.text)).toEqual(['2,466.84', '-']);
    const glued = wordsToItems([line(word(',743.442909', 100, 300)), line(word('收入,', 100, 200))], 300);
    expect(glued.map((r) => r.item.text)).toEqual(['743.442909', '收入,']);
    // After an amount complete with its decimals, too; a thousands group may end a line, so it stays.
    const after = wordsToItems(
      [line(word('12218245.00,', 100, 300)), line(word('1,234,', 100, 200)), line(word('0,', 100, 120))],
      300,
    );
    expect(after.map((r) => r.item.text)).toEqual(['12218245.00', '1,234,', '0']);
  });
});

describe('withOneForDash', () => {
  it('reads a dash where a word starts or goes on, before a Chinese character, as 一', () => {
    expect(withOneForDash('2010302-—般行政管理事务')).toBe('2010302-一般行政管理事务');
    expect(withOneForDash('—般公共服务支出')).toBe('一般公共服务支出');
    expect(withOneForDash('统—管理')).toBe('统一管理');
    expect(withOneForDash('（—般）')).toBe('（一般）');
  });
  it('leaves dashes that are dashes: doubled, at a word’s end, ASCII hyphens, before digits', () => {
    for (const text of ['经费——用于培训', '项目—', '科目-不含上年结转', '—', '2021—2025年', '合计 —'])
      expect(withOneForDash(text)).toBe(text);
  });
  it('changes nothing but dashes, and only into 一 (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('—', '─', '-', '一', '般', '管', '1', ' ', '、') }),
        (text) => {
          const before = [...text];
          const after = [...withOneForDash(text)];
          expect(after).toHaveLength(before.length);
          const changed = before.flatMap((ch, i) => (after[i] === ch ? [] : [`${ch}→${after[i]}`]));
          expect(changed.every((c) => c === '—→一' || c === '─→一')).toBe(true);
        },
      ),
    );
  });
});

describe('withThousandsPoints', () => {
  it('reads points before groups of three digits, ahead of the decimals, as thousands commas', () => {
    expect(withThousandsPoints('3.324.404311')).toBe('3,324.404311');
    expect(withThousandsPoints('12.345.678.90')).toBe('12,345,678.90');
    expect(withThousandsPoints('合计 1.234.50')).toBe('合计 1,234.50');
  });
  it('leaves one decimal point, outline numbers, dates and an ambiguous last group of three alone', () => {
    for (const text of [
      '3324.404311',
      '1.2.3',
      '3.1.12',
      '2026.01.15',
      '1.234',
      '1,234.50',
      'v1.100.2a',
      '1.234.567',
    ])
      expect(withThousandsPoints(text)).toBe(text);
  });
});

describe('withZeroForLetterO', () => {
  it('reads the letter O standing for a digit as 0', () => {
    expect(withZeroForLetterO('O')).toBe('0');
    expect(withZeroForLetterO('o')).toBe('0');
    expect(withZeroForLetterO('1,2O4.5')).toBe('1,204.5');
    expect(withZeroForLetterO('O.50')).toBe('0.50');
    expect(withZeroForLetterO('其他收入 O')).toBe('其他收入 0');
    expect(withZeroForLetterO('合计O')).toBe('合计0');
  });
  it('leaves words of letters, and numbers without an O, alone', () => {
    for (const text of ['OO', 'Oo', 'CO2', 'No', 'PDF', '1,234.50', '○', '〇', 'Office 365'])
      expect(withZeroForLetterO(text)).toBe(text);
  });
});
