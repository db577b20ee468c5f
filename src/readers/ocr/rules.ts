import type { Segment } from '../pdf/pageContent.ts';
import { INK_LEVEL } from './inkLevel.ts';
import type { GreyImage } from './raster.ts';

/**
 * Ruling lines of a scanned table, found in the pixels: long runs of dark pixels along a row
 * (horizontal rules) or a column (vertical rules). Character strokes are far shorter than the
 * minimum run, and short gaps (toner drop-outs, noise) are bridged, as is any length under a red
 * stamp, which hides the rule in the grey channel (OCR reads the red channel). Returned in PDF
 * points, as the PDF reader's ruling segments are, so the same grid reader takes them.
 */

const DARK = 140;
const STEP_GAP = 12;

export interface RuleOptions {
  /** Shortest rule, in inches (a table cell is rarely narrower). */
  readonly minLength?: number;
  /** Longest gap inside one rule, in pixels. */
  readonly maxGap?: number;
}

interface Run {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

const PAPER = 0;
const INK = 1;
/** Under a red stamp: paper in the grey channel, but a rule may run on underneath. */
const STAMPED = 2;

/** How pixels are walked: `count` lines of `length` pixels, `lineStep` and `step` apart in `kinds`. */
interface Walk {
  readonly count: number;
  readonly length: number;
  readonly lineStep: number;
  readonly step: number;
}

function runsAlong(kinds: Uint8Array, walk: Walk, minRun: number, maxGap: number): Run[] {
  const { count, length, lineStep, step } = walk;
  const runs: Run[] = [];
  for (let line = 0; line < count; line++) {
    const base = line * lineStep;
    let start = -1;
    let lastDark = -1;
    let gap = 0;
    let stamped = 0;
    let stampedToLastDark = 0;
    for (let pos = 0; pos <= length; pos++) {
      const kind = pos < length ? kinds[base + pos * step]! : PAPER;
      if (kind === INK) {
        if (start < 0) {
          start = pos;
          stamped = 0;
        }
        lastDark = pos;
        stampedToLastDark = stamped;
        gap = 0;
      } else if (start >= 0 && kind === STAMPED) {
        stamped++;
      } else if (start >= 0 && kind === PAPER && ++gap > maxGap) {
        // The part outside the stamp must make a rule on its own: a digit's stroke between two
        // strokes of a seal is not one.
        if (lastDark - start + 1 - stampedToLastDark >= minRun)
          runs.push({ at: line, from: start, to: lastDark });
        start = -1;
      }
    }
  }
  return runs;
}

/** Runs on neighbouring lines that overlap are one thick rule. */
function mergeRuns(runs: readonly Run[]): { from: number; to: number; at0: number; at1: number }[] {
  const merged: { from: number; to: number; at0: number; at1: number }[] = [];
  for (const run of runs) {
    // A rule left slightly skewed steps from one pixel row to the next: pieces that continue each
    // other end to end on neighbouring rows are one rule too.
    const open = merged.find(
      (m) => run.at - m.at1 <= 3 && run.from <= m.to + STEP_GAP && run.to >= m.from - STEP_GAP,
    );
    if (open) {
      open.at1 = run.at;
      open.from = Math.min(open.from, run.from);
      open.to = Math.max(open.to, run.to);
    } else {
      merged.push({ from: run.from, to: run.to, at0: run.at, at1: run.at });
    }
  }
  return merged;
}

export function findRules(
  image: GreyImage,
  options: RuleOptions = {},
): { horizontal: Segment[]; vertical: Segment[] } {
  const { width, height, pixels, dpi, stamp } = image;
  const minRun = Math.round((options.minLength ?? 0.3) * dpi);
  const maxGap = options.maxGap ?? Math.max(2, Math.round(dpi / 100));
  const points = 72 / dpi;
  const kinds = new Uint8Array(pixels.length);
  for (let p = 0; p < pixels.length; p++)
    kinds[p] = pixels[p]! < DARK ? INK : stamp?.[p] === 1 ? STAMPED : PAPER;
  const horizontalRuns = runsAlong(
    kinds,
    { count: height, length: width, lineStep: width, step: 1 },
    minRun,
    maxGap,
  );
  const verticalRuns = runsAlong(
    kinds,
    { count: width, length: height, lineStep: 1, step: width },
    minRun,
    maxGap,
  );
  // A rule is thin: a dark band thicker than this is a filled area or a block of text, not a rule.
  const maxThickness = Math.max(4, Math.round(dpi / 25));
  const horizontal = mergeRuns(horizontalRuns)
    .filter((m) => m.at1 - m.at0 + 1 <= maxThickness)
    .map((m) => {
      const y = ((m.at0 + m.at1) / 2) * points;
      return { x0: m.from * points, y0: y, x1: m.to * points, y1: y };
    });
  const vertical = mergeRuns(verticalRuns)
    .filter((m) => m.at1 - m.at0 + 1 <= maxThickness)
    .map((m) => {
      const x = ((m.at0 + m.at1) / 2) * points;
      return { x0: x, y0: m.from * points, x1: x, y1: m.to * points };
    });
  return {
    horizontal: dropCovered(horizontal, 'y0', 'x0', 'x1'),
    vertical: dropCovered(vertical, 'x0', 'y0', 'y1'),
  };
}

/**
 * A blurred rule is several pixel rows thick, and its faint edge rows break into pieces beside the
 * solid middle: pieces lying within a longer rule at the same place are that rule.
 */
function dropCovered(
  segments: readonly Segment[],
  across: 'x0' | 'y0',
  from: 'x0' | 'y0',
  to: 'x1' | 'y1',
): Segment[] {
  const near = 2;
  return segments.filter(
    (s) =>
      !segments.some(
        (o) =>
          o !== s &&
          Math.abs(o[across] - s[across]) <= near &&
          o[from] <= s[from] + near &&
          o[to] >= s[to] - near &&
          o[to] - o[from] > s[to] - s[from],
      ),
  );
}

/**
 * The page with its rules painted white: OCR reads a vertical rule next to a number as `|` or `1`
 * and a horizontal one under a word as noise. The grid reader already has the rules as segments.
 */
export function eraseRules(
  image: GreyImage,
  rules: { readonly horizontal: readonly Segment[]; readonly vertical: readonly Segment[] },
): GreyImage {
  const pixels = new Uint8Array(image.pixels);
  const perPoint = image.dpi / 72;
  const pad = Math.max(2, Math.round(image.dpi / 100));
  const clear = (x0: number, y0: number, x1: number, y1: number) => {
    const xa = Math.max(0, Math.floor(x0));
    const xb = Math.min(image.width - 1, Math.ceil(x1));
    const ya = Math.max(0, Math.floor(y0));
    const yb = Math.min(image.height - 1, Math.ceil(y1));
    for (let y = ya; y <= yb; y++) {
      // Only dark pixels of the rule itself; a character touching it keeps its other strokes.
      for (let x = xa; x <= xb; x++)
        if (pixels[y * image.width + x]! < INK_LEVEL) pixels[y * image.width + x] = 255;
    }
  };
  for (const s of rules.horizontal) {
    const y = s.y0 * perPoint;
    clear(s.x0 * perPoint, y - pad, s.x1 * perPoint, y + pad);
  }
  for (const s of rules.vertical) {
    const x = s.x0 * perPoint;
    clear(x - pad, s.y0 * perPoint, x + pad, s.y1 * perPoint);
  }
  return { ...image, pixels };
}
