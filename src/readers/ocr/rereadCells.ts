import { type Block, type Cell, DOUBTFUL_CONFIDENCE } from '../../model.ts';
import { parseAmount } from '../../normalize/amount.ts';
import type { CleanPage } from './cleanPage.ts';
import type { OcrEngine, OcrLine } from './engine.ts';
import type { GreyImage } from './raster.ts';
import { clearlySurer, cropRegion, type PixelRect } from './reread.ts';

/**
 * Tesseract's page layout analysis drops what it takes for noise: a lone `19` in the last column
 * of a ruled table, the minus of `-8`. A ruled cell still holding ink that no recognised word
 * covers is cut out and read again on its own (a single text block), the way table extractors
 * OCR cell by cell. Only cells of ruled grids are re-read: their borders are known from the rules.
 */

const DARK = 140;
/** Pixels kept clear of the cell's borders: remnants of an erased rule are not ink. */
const INSET = 6;
/**
 * Uncovered ink counts when it is more than a speck: at 300 dpi a minus sign is about 8 × 3
 * pixels, so a dozen pixels spanning 6 across (or 10 down) — noise dots are smaller and rounder.
 */
const MIN_UNREAD_INK = 12;
const MIN_UNREAD_WIDTH = 6;
const MIN_UNREAD_HEIGHT = 10;
/** Cells of more lines than this (about three lines with their leading) are not read again. */
const MAX_REREAD_LINES = 4.5;
/** Word boxes grow by this much before they count as covering ink (antialiased edges). */
const WORD_PAD = 3;

export interface UnreadCell {
  readonly block: number;
  readonly cell: number;
  readonly rect: PixelRect;
  /** One text line's height of ink or less: read as a single line, else as a block. */
  readonly layout: 'line' | 'block';
}

/**
 * What the words of one OCR line cover inside a cell: from its first word to its last. CJK word
 * boxes are often narrower than their strokes; ink between two read words was read.
 */
function spansIn(lines: readonly OcrLine[], rect: PixelRect): PixelRect[] {
  const out: PixelRect[] = [];
  for (const line of lines) {
    const inside = line.words.filter(
      (w) => w.text.trim() !== '' && w.x1 > rect.x0 && w.x0 < rect.x1 && w.y1 > rect.y0 && w.y0 < rect.y1,
    );
    if (inside.length === 0) continue;
    out.push({
      x0: Math.min(...inside.map((w) => w.x0)) - WORD_PAD,
      x1: Math.max(...inside.map((w) => w.x1)) + WORD_PAD,
      y0: Math.min(...inside.map((w) => w.y0)) - WORD_PAD,
      y1: Math.max(...inside.map((w) => w.y1)) + WORD_PAD,
    });
  }
  return out;
}

/** Cells of ruled-grid rows whose ink is not all covered by the words OCR returned. */
export function cellsWithUnreadInk(
  blocks: readonly Block[],
  image: GreyImage,
  lines: readonly OcrLine[],
): UnreadCell[] {
  const perPoint = image.dpi / 72;
  const heights = lines
    .flatMap((l) => l.words)
    .filter((w) => w.text.trim() !== '')
    .map((w) => w.y1 - w.y0)
    .sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)] ?? image.dpi / 8;
  const out: UnreadCell[] = [];
  blocks.forEach((block, b) => {
    if (block.kind !== 'row' || block.format !== 'layout') return;
    block.cells.forEach((cell, c) => {
      const box = cell.at.bbox;
      if (!box) return;
      const rect = {
        x0: Math.max(0, Math.round(box[0] * perPoint) + INSET),
        y0: Math.max(0, Math.round(box[1] * perPoint) + INSET),
        x1: Math.min(image.width, Math.round(box[2] * perPoint) - INSET),
        y1: Math.min(image.height, Math.round(box[3] * perPoint) - INSET),
      };
      if (rect.x1 - rect.x0 < 8 || rect.y1 - rect.y0 < 8) return;
      const ink = unreadInk(image, rect, spansIn(lines, rect));
      const inkHeight = ink.inkY1 - ink.inkY0;
      // A paragraph (a project's goal text) is costly to read again and holds no amount.
      if (inkHeight > MAX_REREAD_LINES * lineHeight) return;
      const layout = inkHeight <= 1.6 * lineHeight ? 'line' : 'block';
      // The minimum confidence of a wrapped cell's many words is low by chance: only a short
      // cell's is doubtful.
      const doubtful =
        layout === 'line' && cell.raw.trim() !== '' && (cell.at.confidence ?? 100) < DOUBTFUL_CONFIDENCE;
      if (
        doubtful ||
        (ink.unread >= MIN_UNREAD_INK &&
          (ink.x1 - ink.x0 + 1 >= MIN_UNREAD_WIDTH || ink.y1 - ink.y0 + 1 >= MIN_UNREAD_HEIGHT))
      )
        out.push({ block: b, cell: c, rect, layout });
    });
  });
  return out;
}

/** The cell's ink outside the read spans (count and extent), and the vertical extent of all its ink. */
function unreadInk(image: GreyImage, rect: PixelRect, spans: readonly PixelRect[]) {
  const ink = {
    unread: 0,
    x0: Number.POSITIVE_INFINITY,
    y0: Number.POSITIVE_INFINITY,
    x1: -1,
    y1: -1,
    inkY0: Number.POSITIVE_INFINITY,
    inkY1: -1,
  };
  for (let y = rect.y0; y < rect.y1; y++) {
    const across = spans.filter((s) => y >= s.y0 && y <= s.y1);
    for (let x = rect.x0; x < rect.x1; x++) {
      if (image.pixels[y * image.width + x]! >= DARK) continue;
      ink.inkY0 = Math.min(ink.inkY0, y);
      ink.inkY1 = Math.max(ink.inkY1, y);
      if (across.some((s) => x >= s.x0 && x <= s.x1)) continue;
      ink.unread++;
      ink.x0 = Math.min(ink.x0, x);
      ink.x1 = Math.max(ink.x1, x);
      ink.y0 = Math.min(ink.y0, y);
      ink.y1 = Math.max(ink.y1, y);
    }
  }
  return ink;
}

/** A bar at a word's edge is what is left of the cell's erased rule (`||332.02`, `大于等于|`). */
const EDGE_BARS = /^[|｜丨]+|[|｜丨]+$/gu;
const wordText = (w: { readonly text: string }) => w.text.trim().replace(EDGE_BARS, '');

/** The words of a re-read cell as one cell text: lines joined as a wrapped cell is. */
export function cellTextOf(lines: readonly OcrLine[]): { text: string; confidence: number } | undefined {
  const words = lines.flatMap((l) => l.words).filter((w) => wordText(w) !== '');
  if (words.length === 0) return undefined;
  const text = lines
    .map((l) =>
      l.words
        .map(wordText)
        .filter((t) => t !== '')
        .reduce(
          (acc, t) => (/[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(t) ? `${acc} ${t}` : acc + t),
          '',
        ),
    )
    .join('');
  return { text, confidence: Math.round(Math.min(...words.map((w) => w.confidence))) };
}

/**
 * Whether the re-read text replaces the cell's: it must say more (the cell was empty, or a sign
 * or digit was missing) and keep what was read — a re-read never drops characters OCR already had.
 * An amount read whole may only gain what stands before it (the `-` of `-8`): a mark read into the
 * middle (`322` → `3.22`) would change its value by a speck.
 */
export function betterReading(
  before: string,
  after: string,
  confidence: { readonly before?: number; readonly after: number } = { after: 0 },
): boolean {
  // A doubtful reading gives way to a clearly surer one, whatever it says.
  if (
    before.trim() !== '' &&
    after.trim() !== '' &&
    (confidence.before ?? 100) < DOUBTFUL_CONFIDENCE &&
    clearlySurer(confidence.before ?? 100, confidence.after)
  )
    return true;
  const a = before.replace(/\s+/gu, '');
  const b = after.replace(/\s+/gu, '');
  if (b.length <= a.length) return false;
  if (parseAmount(a).kind === 'amount') return parseAmount(b).kind === 'amount' && b.endsWith(a);
  let i = 0;
  for (const ch of b) if (i < a.length && ch === a[i]) i++;
  return i === a.length;
}

export function withCellText(
  blocks: readonly Block[],
  at: UnreadCell,
  text: string,
  confidence: number,
): Block[] {
  return blocks.map((block, b) => {
    if (b !== at.block || block.kind !== 'row') return block;
    const cells: Cell[] = block.cells.map((cell, c) =>
      c === at.cell ? { ...cell, raw: text, at: { ...cell.at, confidence } } : cell,
    );
    return { ...block, cells };
  });
}

/**
 * The last stage of reading a page: every ruled cell with ink OCR did not read, or read with
 * doubt, is cut out of the clean page and read on its own; a better reading replaces the cell's.
 */
export async function rereadUnreadCells(
  page: CleanPage,
  lines: readonly OcrLine[],
  blocks: readonly Block[],
  engine: Pick<OcrEngine, 'recognizeCrop'>,
): Promise<Block[]> {
  let out = [...blocks];
  for (const unread of cellsWithUnreadInk(blocks, page.image, lines)) {
    const reading = cellTextOf(
      await engine.recognizeCrop(cropRegion(page.image, unread.rect), unread.layout),
    );
    const block = out[unread.block];
    const cell = block?.kind === 'row' ? block.cells[unread.cell] : undefined;
    if (
      reading &&
      betterReading(cell?.raw ?? '', reading.text, {
        ...(cell?.at.confidence !== undefined ? { before: cell.at.confidence } : {}),
        after: reading.confidence,
      })
    )
      out = withCellText(out, unread, reading.text, reading.confidence);
  }
  return out;
}
