import type { OcrLine, OcrWord } from '../engine.ts';
import type { DecodedChar } from './ctc.ts';

/**
 * One recognised PP-OCR text line → words with boxes, the way tesseract gives them: a CJK character
 * is a word of its own, a run of other characters is one word, and a space or a wide blank ends a
 * word. The table code joins words into cells by the gaps between them and splits them at ruling
 * lines, so a detected line holding several cells (`合计   1,234.56`) must not stay one word.
 */

export interface LineBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff01-\uff60\u3000-\u303f]/u;
const NARROW = /^[.,:;'`!|·，。、：；'"]$/u;
/** A blank wider than this part of the line's height between two characters ends a word. */
const WORD_GAP = 0.5;

/** Half a glyph's width, as a part of the line's height: CJK glyphs are square, digits half that. */
function halfWidth(text: string): number {
  if (WIDE.test(text)) return 0.45;
  if (NARROW.test(text)) return 0.12;
  return 0.25;
}

interface PlacedChar {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly probability: number;
}

/**
 * Characters placed in the line: a character stands at the centre of its time steps (`stepWidth`
 * pixels of the page each), as wide as its kind of glyph, kept inside the line's box.
 */
export function placeChars(chars: readonly DecodedChar[], box: LineBox, stepWidth: number): PlacedChar[] {
  const height = box.y1 - box.y0;
  return chars.map((c) => {
    const centre = box.x0 + ((c.first + c.last + 1) / 2) * stepWidth;
    const half = halfWidth(c.text) * height;
    return {
      text: c.text,
      x0: Math.max(box.x0, Math.round(centre - half)),
      x1: Math.min(box.x1, Math.round(centre + half)),
      probability: c.probability,
    };
  });
}

/**
 * PP-OCR reads the thousands comma of an amount inside Chinese text as the full-width `，`
 * (`收入预算101，673.03万元`), which would split the amount at a CJK mark: a `，` between a digit
 * and exactly three digits is the amount's comma.
 */
export function withThousandsCommas<C extends { readonly text: string }>(chars: readonly C[]): C[] {
  const digit = (i: number) => /^\d$/.test(chars[i]?.text ?? '');
  return chars.map((c, i) =>
    c.text === '，' && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
      ? { ...c, text: ',' }
      : c,
  );
}

/**
 * PP-OCR closes a Chinese quote with a straight `"` now and then (`“三公"经费`); the page reader takes
 * a lone straight quote for what is left of an erased rule and drops it, so a `"` closing an open
 * `“` is the `”` it stands for.
 */
export function withClosingQuotes<C extends { readonly text: string }>(chars: readonly C[]): C[] {
  let open = false;
  return chars.map((c) => {
    if (c.text === '“') open = true;
    else if (c.text === '”') open = false;
    else if (c.text === '"' && open) {
      open = false;
      return { ...c, text: '”' };
    }
    return c;
  });
}

/**
 * Quotes and brackets come full- or half-width, straight or curly, and the model is often unsure
 * which (`"` or `”` at 0.5 each): the text means the same either way, so their doubt is not the
 * word's. A word's confidence (0–100) is its least sure other character's.
 */
const SHAPE_ONLY = /^[“”"‘’'（）()]$/u;
const OPENING = /^[“‘（(]$/u;
const CLOSING = /^[”’）)"']$/u;
const inNumber = (before: string, after: string) =>
  (/^[.,]$/.test(before) && /^\d$/.test(after)) || (/^\d$/.test(before) && /^[.,]$/.test(after));

function confidenceOf(chars: readonly PlacedChar[]): number {
  const telling = chars.filter((c) => !SHAPE_ONLY.test(c.text));
  return Math.round(100 * Math.min(...(telling.length > 0 ? telling : chars).map((c) => c.probability)));
}

/** Placed characters → words (see the module's comment). */
export function wordsOfLine(chars: readonly PlacedChar[], box: LineBox): OcrWord[] {
  const height = box.y1 - box.y0;
  const words: PlacedChar[][] = [];
  let previous: PlacedChar | undefined;
  for (const c of chars) {
    if (c.text.trim() === '') {
      previous = undefined;
      continue;
    }
    const word = words.at(-1);
    // A quote or bracket belongs to the word it opens or closes: alone, its doubt about its own
    // shape would be a word's confidence.
    const joins =
      previous !== undefined &&
      word !== undefined &&
      ((c.x0 - previous.x1 <= WORD_GAP * height &&
        ((!WIDE.test(c.text) && !WIDE.test(previous.text)) ||
          CLOSING.test(c.text) ||
          OPENING.test(previous.text))) ||
        // A decimal point or a thousands comma binds the digits around it, in letter-spaced print too.
        (c.x0 - previous.x1 <= height && inNumber(previous.text, c.text)));
    if (joins) word.push(c);
    else words.push([c]);
    previous = c;
  }
  return words.map((w) => ({
    text: w.map((c) => c.text).join(''),
    x0: w[0]!.x0,
    x1: w.at(-1)!.x1,
    y0: box.y0,
    y1: box.y1,
    confidence: confidenceOf(w),
  }));
}

/** A line of words; its baseline runs along the box's foot (PP-OCR boxes hug the glyphs). */
export function lineOf(words: readonly OcrWord[], box: LineBox): OcrLine {
  return { words, baseline: { x0: box.x0, y0: box.y1, x1: box.x1, y1: box.y1 } };
}
