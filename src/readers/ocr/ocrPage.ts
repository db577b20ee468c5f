import type { Block, Provenance } from '../../model.ts';
import { pageBlocks } from '../pdf/pageBlocks.ts';
import type { PageContent, Segment, TextItem } from '../pdf/pageContent.ts';
import { estimateSkew } from './deskew.ts';
import { despeckle } from './despeckle.ts';
import type { OcrEngine, OcrLine } from './engine.ts';
import { type GreyImage, rotate, scaleTo, toPng } from './raster.ts';
import { betterReading, cellsWithUnreadInk, cellTextOf, cropCell, withCellText } from './rereadCells.ts';
import { eraseRules, findRules } from './rules.ts';

/**
 * One scanned page → the same blocks the PDF reader makes: the image is brought to 300 dpi and
 * straightened, its ruling lines found in the pixels, its words recognised; words become text
 * items in PDF points, so the PDF reader's line, grid and table logic reads them unchanged. Every
 * cell keeps the lowest OCR confidence of the words inside it; a ruled cell whose ink was not all
 * read, or read with doubt, is read again on its own (rereadCells.ts).
 */

export const OCR_DPI = 300;

interface PlacedRun {
  readonly item: TextItem;
  readonly confidence: number;
}

const RULE_REMNANT = /^["'`|｜丨]+$/u;
const PUNCTUATION = /^[“”‘’"'.,，。:：;；、!！|_\-—~]+$/u;

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
    const words = line.words
      .filter(
        (w) =>
          w.text.trim() !== '' &&
          !RULE_REMNANT.test(w.text.trim()) &&
          // Quotes and dots sitting on an erased rule are what is left of it.
          !(PUNCTUATION.test(w.text.trim()) && onRule(w.x0, w.x1, (w.y0 + w.y1) / 2)),
      )
      .sort((a, b) => a.x0 - b.x0);
    if (words.length === 0) continue;
    const heights = words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
    const height = Math.max(1, heights[Math.floor(heights.length / 2)]!);
    const { baseline } = line;
    const baselineAt = (x: number) =>
      baseline.x1 === baseline.x0
        ? baseline.y0
        : baseline.y0 + ((baseline.y1 - baseline.y0) * (x - baseline.x0)) / (baseline.x1 - baseline.x0);
    let run: { text: string; x0: number; x1: number; confidence: number; lastCentre: number } | undefined;
    const flush = () => {
      if (!run) return;
      out.push({
        item: {
          text: run.text,
          x0: run.x0 * scale,
          x1: run.x1 * scale,
          y: baselineAt((run.x0 + run.x1) / 2) * scale,
          size: height * scale,
          font: 'ocr',
        },
        confidence: run.confidence,
      });
      run = undefined;
    };
    for (const word of words) {
      const text = word.text.trim();
      const gap = run ? word.x0 - run.x1 : Number.POSITIVE_INFINITY;
      const centre = (word.x0 + word.x1) / 2;
      // Between the glyph centres: a glyph touching the rule has a box reaching over it.
      if (run && gap <= 0.6 * height && !ruleBetween(run.lastCentre, centre, (word.y0 + word.y1) / 2)) {
        run.text +=
          gap > 0.3 * height && /[A-Za-z0-9]$/.test(run.text) && /^[A-Za-z0-9]/.test(text)
            ? ` ${text}`
            : text;
        run.x1 = Math.max(run.x1, word.x1);
        run.confidence = Math.min(run.confidence, word.confidence);
        run.lastCentre = centre;
      } else {
        flush();
        run = { text, x0: word.x0, x1: word.x1, confidence: word.confidence, lastCentre: centre };
      }
    }
    flush();
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

function withConfidence(blocks: readonly Block[], runs: readonly PlacedRun[]): Block[] {
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

export interface OcrPageReading {
  readonly blocks: Block[];
  readonly skew: number;
  readonly words: number;
}

/** Straightens and measures a page image: what OCR and the grid reader will see. */
export function preparePage(image: GreyImage): { image: GreyImage; skew: number } {
  const scaled = scaleTo(image, OCR_DPI);
  const skew = estimateSkew(scaled);
  return { image: Math.abs(skew) >= 0.2 ? rotate(scaled, -skew) : scaled, skew };
}

export async function ocrPage(image: GreyImage, page: number, engine: OcrEngine): Promise<OcrPageReading> {
  const prepared = preparePage(image);
  const rules = findRules(prepared.image);
  const erased = despeckle(eraseRules(prepared.image, rules));
  const lines = await engine.recognize(toPng(erased));
  const runs = wordsToItems(lines, prepared.image.dpi, rules.vertical);
  const scale = 72 / prepared.image.dpi;
  const content: PageContent = {
    width: prepared.image.width * scale,
    height: prepared.image.height * scale,
    items: runs.map((r) => r.item),
    horizontal: rules.horizontal,
    vertical: rules.vertical,
  };
  let blocks = withConfidence(pageBlocks(content, page), runs);
  for (const unread of cellsWithUnreadInk(blocks, erased, lines)) {
    const reading = cellTextOf(
      await engine.recognizeCell(toPng(cropCell(erased, unread.rect)), unread.layout),
    );
    const block = blocks[unread.block];
    const cell = block?.kind === 'row' ? block.cells[unread.cell] : undefined;
    if (
      reading &&
      betterReading(cell?.raw ?? '', reading.text, {
        ...(cell?.at.confidence !== undefined ? { before: cell.at.confidence } : {}),
        after: reading.confidence,
      })
    )
      blocks = withCellText(blocks, unread, reading.text, reading.confidence);
  }
  return { blocks, skew: prepared.skew, words: runs.length };
}
