import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { pdfjs } from './loadPdf.ts';
import { withoutStrayGlyphs } from './strayGlyphs.ts';

/**
 * What a page holds, in page coordinates (points, origin top-left, after the page's rotation):
 * its text items and its ruling segments (stroked lines and thin filled rectangles).
 */

export interface TextItem {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline y. */
  readonly y: number;
  readonly size: number;
  readonly font: string;
}

export interface Segment {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface PageContent {
  readonly width: number;
  readonly height: number;
  readonly items: readonly TextItem[];
  readonly horizontal: readonly Segment[];
  readonly vertical: readonly Segment[];
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A ruling line is thinner than this (points); thicker filled shapes are backgrounds, not rules. */
const RULE_THICKNESS = 2.5;
const AXIS_TOLERANCE = 0.5;

function addSegment(h: Segment[], v: Segment[], ax: number, ay: number, bx: number, by: number): void {
  if (Math.abs(ay - by) <= AXIS_TOLERANCE && Math.abs(ax - bx) > AXIS_TOLERANCE) {
    h.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
  } else if (Math.abs(ax - bx) <= AXIS_TOLERANCE && Math.abs(ay - by) > AXIS_TOLERANCE) {
    v.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  }
}

/** Reads the page's paths: stroked lines become segments, thin filled rectangles too. */
async function readRules(
  page: PDFPageProxy,
  viewport: Matrix,
): Promise<{ horizontal: Segment[]; vertical: Segment[] }> {
  const lib = await pdfjs();
  const { OPS } = lib;
  const list = await page.getOperatorList();
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const strokes = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set<number>([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!strokes.has(op) && !fills.has(op))) continue;
      const toPage = (x: number, y: number) => apply(viewport, ...apply(ctm, x, y));
      let start: [number, number] | undefined;
      let current: [number, number] | undefined;
      const points: [number, number][] = [];
      const flush = () => {
        if (points.length >= 4 && fills.has(op) && !strokes.has(op)) {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs);
          const h = Math.max(...ys) - Math.min(...ys);
          // A thin filled rectangle is how many writers draw a ruling line.
          if (h <= RULE_THICKNESS && w > h)
            addSegment(
              horizontal,
              vertical,
              Math.min(...xs),
              (Math.min(...ys) + Math.max(...ys)) / 2,
              Math.max(...xs),
              (Math.min(...ys) + Math.max(...ys)) / 2,
            );
          else if (w <= RULE_THICKNESS && h > w)
            addSegment(
              horizontal,
              vertical,
              (Math.min(...xs) + Math.max(...xs)) / 2,
              Math.min(...ys),
              (Math.min(...xs) + Math.max(...xs)) / 2,
              Math.max(...ys),
            );
          else if (strokes.has(op))
            for (let k = 1; k < points.length; k++)
              addSegment(horizontal, vertical, ...points[k - 1]!, ...points[k]!);
        }
        points.length = 0;
      };
      for (let k = 0; k < data.length; ) {
        const code = data[k++];
        if (code === 0) {
          flush();
          current = toPage(data[k++]!, data[k++]!);
          start = current;
          points.push(current);
        } else if (code === 1) {
          const next = toPage(data[k++]!, data[k++]!);
          if (current && strokes.has(op)) addSegment(horizontal, vertical, ...current, ...next);
          current = next;
          points.push(next);
        } else if (code === 2) {
          current = toPage(data[k + 4]!, data[k + 5]!);
          k += 6;
        } else if (code === 3) {
          current = toPage(data[k + 2]!, data[k + 3]!);
          k += 4;
        } else if (code === 4) {
          if (current && start && strokes.has(op)) addSegment(horizontal, vertical, ...current, ...start);
          current = start;
        } else break;
      }
      flush();
    }
  }
  return { horizontal, vertical };
}

export async function readPageContent(page: PDFPageProxy): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const items: TextItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const text = raw.str;
    if (text.trim() === '') continue;
    const m = multiply(vt, raw.transform as Matrix);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    // Text runs left to right after the viewport transform when m[0] > 0; its width scales with it.
    const scale =
      Math.hypot(m[0], m[1]) / (Math.hypot((raw.transform as Matrix)[0], (raw.transform as Matrix)[1]) || 1);
    const width = raw.width * scale;
    items.push({ text, x0: m[4], x1: m[4] + width, y: m[5], size, font: raw.fontName });
  }
  const rules = await readRules(page, vt);
  return { width: viewport.width, height: viewport.height, items: withoutStrayGlyphs(items), ...rules };
}
