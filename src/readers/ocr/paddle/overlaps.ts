import type { OcrLine, OcrWord } from '../engine.ts';

/**
 * Two detected boxes of one row can overlap (an amount's box reaching into the next cell's), and
 * then the ink they share is read twice: the `2` ending `9,274.719302` read again at the start of
 * the next cell's line makes `9,274.7193022`. Of two words of different lines on one row that
 * cover mostly the same pixels, the narrower is dropped: the wider read the ink with its context.
 */

const sameRow = (a: OcrWord, b: OcrWord) =>
  Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);

/** Whether `word` is mostly covered by `other`, the wider (or, as wide, the earlier) of the two. */
function readBy(word: OcrWord, other: OcrWord, otherFirst: boolean): boolean {
  const width = word.x1 - word.x0;
  const otherWidth = other.x1 - other.x0;
  const shared = Math.min(word.x1, other.x1) - Math.max(word.x0, other.x0);
  if (shared <= 0.5 * width || !sameRow(word, other)) return false;
  return otherWidth > width || (otherWidth === width && otherFirst);
}

export function withoutDoubleReadings(lines: readonly OcrLine[]): OcrLine[] {
  return lines.map((line, l) => {
    const words = line.words.filter(
      (word) => !lines.some((other, o) => o !== l && other.words.some((v) => readBy(word, v, o < l))),
    );
    return words.length === line.words.length ? line : { ...line, words };
  });
}
