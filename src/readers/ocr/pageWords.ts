import type { Block, Provenance } from '../../model.ts';
import type { PageContent, Segment, TextItem } from '../pdf/pageContent.ts';
import type { CleanPage } from './cleanPage.ts';
import type { OcrLine } from './engine.ts';
import { correctedRunText } from './runText.ts';

/**
 * The words OCR read, made into what the PDF reader reads: text runs in PDF points (CJK comes one
 * character per word and is joined; specks read as marks are dropped), on a page with the rules
 * found in its pixels. Every cell then keeps the lowest confidence of the runs inside it.
 */

export interface PlacedRun {
  readonly item: TextItem;
  readonly confidence: number;
}

const RULE_REMNANT = /^["'`|｜丨]+$/u;
const MARK_BEFORE_AMOUNT = /^[“”‘’"'`,，]+$/u;
const MARKS_THEN_DIGIT = /^[“”‘’"'`,，]+(?=\d)/u;
/** An amount complete with its decimals, or a lone 0 (no thousands group follows a 0). */
const AMOUNT_THEN_MARKS = /^(?:-?\d[\d,]*\.\d+|0)[“”‘’"'`,，]+$/u;
const TRAILING_MARKS = /[“”‘’"'`,，]+$/u;
const PUNCTUATION = /^[“”‘’"'.,，。:：;；、!！|_\-—~]+$/u;

const QUOTE = /^[“”"]$/u;
/**
 * Marks that say nothing on their own. A dash does (an empty amount), and so does a colon set off
 * by spaces (`金额单位 : 万元`), so neither is one of them.
 */
const LONE_MARK = /^[“”‘’"'`.,，。、!！_]+$/u;

/**
 * A quote mark at the edge of a run with no partner in it (`“公用支出`): tesseract reads one into
 * the blank between two header words now and then, and it glues them into one column.
 */
function withoutStrayQuote<W extends { readonly text: string }>(run: readonly W[]): readonly W[] {
  const quotes = run.filter((w) => QUOTE.test(w.text.trim())).length;
  if (quotes % 2 === 0 || run.length < 2) return run;
  if (QUOTE.test(run[0]!.text.trim())) return run.slice(1);
  if (QUOTE.test(run.at(-1)!.text.trim())) return run.slice(0, -1);
  return run;
}

/**
 * No amount is printed after a quote or a comma, nor such a mark after an amount complete with its
 * decimals or after a 0: a mark there (`“ 2,466.84`, `, 89.18`, `,743.442909`, `12218245.00,`,
 * `0,`) is a speck that OCR read as punctuation. `words` are one line's, left to right.
 */
function withoutMarksAroundAmounts<W extends { readonly text: string }>(words: readonly W[]): W[] {
  return words
    .filter(
      (w, i) => !(MARK_BEFORE_AMOUNT.test(w.text.trim()) && /^\d/.test(words[i + 1]?.text.trim() ?? '')),
    )
    .map((w) => {
      const leading = w.text.trim().replace(MARKS_THEN_DIGIT, '');
      const text = AMOUNT_THEN_MARKS.test(leading) ? leading.replace(TRAILING_MARKS, '') : leading;
      return text === w.text.trim() ? w : { ...w, text };
    });
}

/** Words of one OCR line joined into runs: CJK comes one character per word. */
export function wordsToItems(
  lines: readonly OcrLine[],
  dpi: number,
  verticalRules: readonly Segment[] = [],
): PlacedRun[] {
  const scale = 72 / dpi;
  const perPoint = dpi / 72;
  const rules = verticalRules.map((s) => ({ x: s.x0 * perPoint, y0: s.y0 * perPoint, y1: s.y1 * perPoint }));
  /** A vertical rule crossing this line between x0 and x1 (pixels): a cell boundary. */
  const ruleBetween = (x0: number, x1: number, y: number) =>
    rules.some((r) => r.x > x0 && r.x < x1 && y >= r.y0 && y <= r.y1);
  const onRule = (x0: number, x1: number, y: number) =>
    rules.some((r) => r.x >= x0 - 12 && r.x <= x1 + 12 && y >= r.y0 && y <= r.y1);
  const out: PlacedRun[] = [];
  for (const line of lines) {
    // A lone quote or bar is what is left of a ruling line after erasing it, not text.
    const sorted = line.words
      .filter(
        (w) =>
          w.text.trim() !== '' &&
          !RULE_REMNANT.test(w.text.trim()) &&
          // Quotes and dots sitting on an erased rule are what is left of it.
          !(PUNCTUATION.test(w.text.trim()) && onRule(w.x0, w.x1, (w.y0 + w.y1) / 2)),
      )
      .sort((a, b) => a.x0 - b.x0);
    const words = withoutMarksAroundAmounts(sorted);
    if (words.length === 0) continue;
    const heights = words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
    const height = Math.max(1, heights[Math.floor(heights.length / 2)]!);
    const { baseline } = line;
    const baselineAt = (x: number) =>
      baseline.x1 === baseline.x0
        ? baseline.y0
        : baseline.y0 + ((baseline.y1 - baseline.y0) * (x - baseline.x0)) / (baseline.x1 - baseline.x0);
    type Word = (typeof words)[number];
    const runs: Word[][] = [];
    let lastCentre = 0;
    for (const word of words) {
      const run = runs.at(-1);
      const centre = (word.x0 + word.x1) / 2;
      // Between the glyph centres: a glyph touching the rule has a box reaching over it.
      if (
        run &&
        word.x0 - Math.max(...run.map((w) => w.x1)) <= 0.6 * height &&
        !ruleBetween(lastCentre, centre, (word.y0 + word.y1) / 2)
      )
        run.push(word);
      else runs.push([word]);
      lastCentre = centre;
    }
    for (const run of runs.map(withoutStrayQuote)) {
      // A mark standing alone (`。` in an empty cell) is a speck; it would make a column of its own.
      if (run.every((w) => LONE_MARK.test(w.text.trim()))) continue;
      let text = '';
      let x1 = Number.NEGATIVE_INFINITY;
      for (const word of run) {
        const piece = word.text.trim();
        const gap = word.x0 - x1;
        text +=
          gap > 0.3 * height && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(piece) ? ` ${piece}` : piece;
        x1 = Math.max(x1, word.x1);
      }
      const x0 = run[0]!.x0;
      out.push({
        item: {
          text: correctedRunText(text),
          x0: x0 * scale,
          x1: x1 * scale,
          y: baselineAt((x0 + x1) / 2) * scale,
          size: height * scale,
          font: 'ocr',
        },
        confidence: Math.min(...run.map((w) => w.confidence)),
      });
    }
  }
  return out;
}

function confidenceIn(runs: readonly PlacedRun[], at: Provenance): number | undefined {
  const box = at.bbox;
  if (!box) return undefined;
  let lowest: number | undefined;
  for (const run of runs) {
    const cx = (run.item.x0 + run.item.x1) / 2;
    const cy = run.item.y - run.item.size / 3;
    if (cx < box[0] - 1 || cx > box[2] + 1 || cy < box[1] - 2 || cy > box[3] + 2) continue;
    lowest = lowest === undefined ? run.confidence : Math.min(lowest, run.confidence);
  }
  return lowest === undefined ? undefined : Math.round(lowest);
}

export function withConfidence(blocks: readonly Block[], runs: readonly PlacedRun[]): Block[] {
  const mark = (at: Provenance): Provenance => {
    const confidence = confidenceIn(runs, at);
    return confidence === undefined ? at : { ...at, confidence };
  };
  return blocks.map((block) => {
    if (block.kind === 'row')
      return { ...block, cells: block.cells.map((cell) => ({ ...cell, at: mark(cell.at) })) };
    if (block.kind === 'text') return { ...block, at: mark(block.at) };
    return block;
  });
}

/** The page as the PDF reader's line, grid and table logic reads it. */
export function pageContentOf(page: CleanPage, runs: readonly PlacedRun[]): PageContent {
  const scale = 72 / page.image.dpi;
  return {
    width: page.image.width * scale,
    height: page.image.height * scale,
    items: runs.map((r) => r.item),
    horizontal: page.rules.horizontal,
    vertical: page.rules.vertical,
  };
}
