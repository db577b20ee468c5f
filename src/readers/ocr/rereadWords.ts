import { DOUBTFUL_CONFIDENCE } from '../../model.ts';
import type { Segment } from '../pdf/pageContent.ts';
import type { CleanPage } from './cleanPage.ts';
import type { OcrEngine, OcrLine, OcrWord } from './engine.ts';
import type { GreyImage } from './raster.ts';
import { clearlySurer, cropRegion, type PixelRect } from './reread.ts';

/**
 * In a paragraph of a cell (a 采购品目 list: `4.台式计算机 13台 78000元 …`) page layout analysis
 * now and then reads an amount as noise with little confidence (`780007`, `sm`). Cells that tall
 * are not read again whole (rereadCells.ts), so such a word is: its box, widened a little and kept
 * inside its cell's rules, read as one line. The new words replace it only when OCR is clearly
 * surer of them.
 */

/** Latin letters, digits and marks only: where a Chinese document prints those, it prints a number. */
const LATIN_WORD = /^[\x21-\x7e]+$/u;
/** A word of the re-read below this is a guess, and the re-read is not taken. */
const GUESS = 40;

export interface DoubtfulWord {
  readonly line: number;
  readonly word: number;
  readonly rect: PixelRect;
}

/** Latin words read with doubt, each with the region to read again (pixels of `image`). */
export function doubtfulWords(
  lines: readonly OcrLine[],
  image: GreyImage,
  verticalRules: readonly Segment[],
): DoubtfulWord[] {
  const perPoint = image.dpi / 72;
  const rules = verticalRules.map((s) => ({ x: s.x0 * perPoint, y0: s.y0 * perPoint, y1: s.y1 * perPoint }));
  const out: DoubtfulWord[] = [];
  lines.forEach((line, l) => {
    line.words.forEach((word, w) => {
      const text = word.text.trim();
      if (word.confidence >= DOUBTFUL_CONFIDENCE || !LATIN_WORD.test(text) || text.length < 2) return;
      const height = word.y1 - word.y0;
      const y = (word.y0 + word.y1) / 2;
      const crossing = rules.filter((r) => y >= r.y0 && y <= r.y1);
      // A glyph cut off at the box's edge (the 元 after 78000) is read whole with some paper around.
      const left = Math.max(
        word.x0 - height,
        ...crossing.filter((r) => r.x <= word.x0 + 2).map((r) => r.x + perPoint),
      );
      const right = Math.min(
        word.x1 + height,
        ...crossing.filter((r) => r.x >= word.x1 - 2).map((r) => r.x - perPoint),
      );
      const pad = Math.round(height * 0.25);
      const rect = {
        x0: Math.max(0, Math.round(left)),
        y0: Math.max(0, Math.round(word.y0 - pad)),
        x1: Math.min(image.width, Math.round(right)),
        y1: Math.min(image.height, Math.round(word.y1 + pad)),
      };
      if (rect.x1 - rect.x0 >= 8 && rect.y1 - rect.y0 >= 8) out.push({ line: l, word: w, rect });
    });
  });
  return out;
}

/** The words of a re-read crop, placed back on the page; `undefined` when not clearly surer. */
export function placedRereading(
  before: OcrWord,
  reading: readonly OcrLine[],
  rect: PixelRect,
  margin: number,
): OcrWord[] | undefined {
  const words = reading.flatMap((l) => l.words).filter((w) => w.text.trim() !== '');
  if (words.length === 0) return undefined;
  // The number is what the word was re-read for: its confidence counts (`78000` 89, `元` 47).
  const numbers = words.filter((w) => /\d/.test(w.text));
  const confidence = Math.min(...(numbers.length > 0 ? numbers : words).map((w) => w.confidence));
  if (!clearlySurer(before.confidence, confidence)) return undefined;
  // … but not a guess beside it (`5` 96 with `怀` 6 for `5.`).
  if (words.some((w) => w.confidence < GUESS)) return undefined;
  const dx = rect.x0 - margin;
  const dy = rect.y0 - margin;
  return words.map((w) => ({ ...w, x0: w.x0 + dx, x1: w.x1 + dx, y0: w.y0 + dy, y1: w.y1 + dy }));
}

/** Reads every doubtful Latin word again and puts the surer readings in its place. */
export async function rereadDoubtfulWords(
  page: CleanPage,
  lines: readonly OcrLine[],
  engine: Pick<OcrEngine, 'recognizeCrop'>,
): Promise<OcrLine[]> {
  const margin = 16;
  const replaced = new Map<string, OcrWord[]>();
  for (const doubt of doubtfulWords(lines, page.image, page.rules.vertical)) {
    const before = lines[doubt.line]!.words[doubt.word]!;
    const reading = await engine.recognizeCrop(cropRegion(page.image, doubt.rect, margin), 'word');
    const words = placedRereading(before, reading, doubt.rect, margin);
    if (words) replaced.set(`${doubt.line}:${doubt.word}`, words);
  }
  if (replaced.size === 0) return [...lines];
  // Where the re-read words stand, a piece another line made of the same ink (`.00` above `80.0`,
  // both from `180.00`) is read by them.
  const readAgain = [...replaced].map(([key, words]) => ({
    line: Number(key.split(':')[0]),
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y0: Math.min(...words.map((w) => w.y0)),
    y1: Math.max(...words.map((w) => w.y1)),
  }));
  const superseded = (word: OcrWord, l: number) => {
    const cx = (word.x0 + word.x1) / 2;
    const cy = (word.y0 + word.y1) / 2;
    return readAgain.some((b) => b.line !== l && cx > b.x0 && cx < b.x1 && cy > b.y0 && cy < b.y1);
  };
  return lines.map((line, l) => ({
    ...line,
    words: line.words.flatMap((word, w) => {
      const words = replaced.get(`${l}:${w}`);
      if (!words) return superseded(word, l) ? [] : [word];
      // The widened crop may have read a neighbour again: keep the line's own reading of it.
      return words.filter(
        (n) => !line.words.some((o, k) => k !== w && o.x0 < (n.x0 + n.x1) / 2 && o.x1 > (n.x0 + n.x1) / 2),
      );
    }),
  }));
}
