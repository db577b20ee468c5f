import { DisjointSet } from './disjointSet.ts';
import { groupLines, joinItems } from './lines.ts';
import { edgeSpans, withOpenEdges } from './openEdges.ts';
import { type Placement, placeOverflowingLines } from './overflowLines.ts';
import type { Segment, TextItem } from './pageContent.ts';

/**
 * Ruled tables: the page's ruling segments, clustered into tables, give grid lines; a cell whose
 * separating rule is missing is merged with its neighbour (a spanned header, a tall label cell).
 * Text goes to the merged cell's top-left grid position, which is where text dumps put it too.
 */

export interface GridCell {
  readonly text: string;
  readonly bbox: [number, number, number, number];
}

export interface RuledTable {
  readonly bbox: [number, number, number, number];
  readonly rows: readonly {
    readonly cells: readonly GridCell[];
    readonly bbox: [number, number, number, number];
  }[];
}

const SNAP = 1.5;
/** Narrower than this, an empty grid column is the gap between a frame and the table. */
const FRAME_GAP = 15;
const TOUCH = 2.5;

function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && v - last <= SNAP) continue;
    out.push(v);
  }
  return out;
}

function touches(a: Segment, b: Segment): boolean {
  return a.x0 - TOUCH <= b.x1 && b.x0 - TOUCH <= a.x1 && a.y0 - TOUCH <= b.y1 && b.y0 - TOUCH <= a.y1;
}

/** Connected groups of segments: each group is one table. */
function components(segments: readonly Segment[]): Segment[][] {
  const sets = new DisjointSet(segments.length);
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      if (touches(segments[i]!, segments[j]!)) sets.union(i, j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()];
}

/** Share of [a, b] covered by the segments (on their long axis). */
function coverage(spans: readonly [number, number][], a: number, b: number): number {
  let covered = 0;
  const sorted = [...spans].filter(([s, e]) => e > a && s < b).sort((p, q) => p[0] - q[0]);
  let cursor = a;
  for (const [s, e] of sorted) {
    const from = Math.max(cursor, s);
    const to = Math.min(b, e);
    if (to > from) {
      covered += to - from;
      cursor = to;
    }
  }
  return b > a ? covered / (b - a) : 0;
}

/** Estimated advance of a character in ems: CJK full width, Latin letters and digits about half. */
function ems(ch: string): number {
  return /[\x20-\x7e]/.test(ch) ? 0.55 : 1;
}

/**
 * pdf.js joins text runs of one text object with a space, even across a cell border
 * (`96,722.180672 一、一般公共服务支出`), and some converters emit the glyphs of two cells as one run
 * without one (`11` of `…441.81 | 154,304…`). An item that crosses a vertical rule is split at its
 * spaces, each word placed by its estimated width, the first anchored left and the last right; a
 * run without spaces glued between the glyphs of two cells is cut between the characters nearest
 * the rule.
 */
export function splitAcrossRules(
  item: TextItem,
  rules: readonly number[],
  line: readonly TextItem[] = [],
): TextItem[] {
  if (!crossesRule(item, rules)) return [item];
  const words = placeWords(item);
  if (words.length > 1) return words;
  // A figure wider than its cell overflows the rule and stays whole; a run glued between the glyphs
  // of two cells (text touching it on both sides) is cut.
  return gluedBetweenCells(item, line) ? cutAtRules(item, rules) : [item];
}

/** Other text on the same baseline touching the run's left end and its right end. */
function gluedBetweenCells(item: TextItem, line: readonly TextItem[]): boolean {
  const same = line.filter((o) => o !== item && Math.abs(o.y - item.y) < 1);
  const touchesLeft = same.some((o) => o.x0 < item.x0 && o.x1 >= item.x0 - 1.5);
  const touchesRight = same.some((o) => o.x1 > item.x1 && o.x0 <= item.x1 + 1.5);
  return touchesLeft && touchesRight;
}

function crossesRule(item: TextItem, rules: readonly number[]): boolean {
  return rules.some((x) => x > item.x0 + 2 && x < item.x1 - 2);
}

function placeWords(item: TextItem): TextItem[] {
  const words = item.text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return [item];
  const widths = words.map((w) => [...w].reduce((n, ch) => n + ems(ch), 0) * item.size);
  const total = widths.reduce((a, b) => a + b, 0);
  const span = item.x1 - item.x0;
  const gap = Math.max(0, (span - total) / (words.length - 1));
  const scale = total > span ? span / total : 1;
  let x = item.x0;
  return words.map((text, i) => {
    const w = widths[i]! * scale;
    const piece = { ...item, text, x0: x, x1: x + w };
    x += w + gap;
    return piece;
  });
}

/** A word crossing rules cut between characters, each character given its share of the word's span. */
function cutAtRules(word: TextItem, rules: readonly number[]): TextItem[] {
  const chars = [...word.text];
  if (chars.length < 2 || !crossesRule(word, rules)) return [word];
  const units = chars.map(ems);
  const perUnit = (word.x1 - word.x0) / units.reduce((a, b) => a + b, 0);
  const edges = [word.x0];
  for (const u of units) edges.push(edges[edges.length - 1]! + u * perUnit);
  const cuts = new Set<number>();
  for (const rule of rules) {
    if (rule <= word.x0 + 2 || rule >= word.x1 - 2) continue;
    let best = 1;
    for (let k = 2; k < chars.length; k++)
      if (Math.abs(edges[k]! - rule) < Math.abs(edges[best]! - rule)) best = k;
    cuts.add(best);
  }
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), chars.length];
  return bounds.slice(1).map((end, i) => {
    const start = bounds[i]!;
    return { ...word, text: chars.slice(start, end).join(''), x0: edges[start]!, x1: edges[end]! };
  });
}

export function findRuledTables(
  horizontal: readonly Segment[],
  vertical: readonly Segment[],
  items: readonly TextItem[],
): {
  tables: RuledTable[];
  rest: TextItem[];
} {
  const tables: RuledTable[] = [];
  const used = new Set<TextItem>();
  for (const group of components([...horizontal, ...vertical])) {
    const hs = group.filter((s) => s.y0 === s.y1);
    const vs = group.filter((s) => s.x0 === s.x1);
    const xs = cluster(vs.map((s) => s.x0));
    const vAt = xs.map((x) =>
      vs.filter((s) => Math.abs(s.x0 - x) <= SNAP).map((s) => [s.y0, s.y1] as [number, number]),
    );
    const { ys, opened } = withOpenEdges(cluster(hs.map((s) => s.y0)), vAt);
    if (ys.length < 2 || xs.length < 2) continue;
    const hAt = ys.map((y) => [
      ...hs.filter((s) => Math.abs(s.y0 - y) <= SNAP).map((s) => [s.x0, s.x1] as [number, number]),
      ...edgeSpans(y, opened, xs),
    ]);
    const cols = xs.length - 1;
    const rows = ys.length - 1;
    // A merged cell's root is its top-left grid cell: text is written there.
    const cells = new DisjointSet(rows * cols);
    const find = (i: number) => cells.find(i);
    const join = (a: number, b: number) => cells.union(a, b);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [top, bottom] = [ys[r]!, ys[r + 1]!];
        const [left, right] = [xs[c]!, xs[c + 1]!];
        if (c + 1 < cols && coverage(vAt[c + 1]!, top, bottom) < 0.5) join(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows && coverage(hAt[r + 1]!, left, right) < 0.5) join(r * cols + c, (r + 1) * cols + c);
      }
    }
    const bbox: [number, number, number, number] = [xs[0]!, ys[0]!, xs[cols]!, ys[rows]!];
    const inCell = new Map<number, TextItem[]>();
    const pieces = items.flatMap((item) => {
      const inside = item.y > bbox[1] && item.y < bbox[3] + item.size;
      return inside ? splitAcrossRules(item, xs, items) : [item];
    });
    const placements: Placement[] = [];
    for (const item of pieces) {
      const cx = (item.x0 + item.x1) / 2;
      const cy = item.y - item.size * 0.35;
      if (cx < bbox[0] || cx > bbox[2] || cy < bbox[1] || cy > bbox[3]) continue;
      const col = xs.findIndex((x, k) => k < cols && cx >= x && cx <= xs[k + 1]!);
      const row = ys.findIndex((y, k) => k < rows && cy >= y && cy <= ys[k + 1]!);
      if (col >= 0 && row >= 0) placements.push({ item, row, col });
    }
    placeOverflowingLines(placements, ys, (r, c) => find(r * cols + c));
    for (const { item, row, col } of placements) {
      const root = find(row * cols + col);
      const items = inCell.get(root);
      if (items) items.push(item);
      else inCell.set(root, [item]);
      used.add(item);
    }
    for (const item of items)
      if (
        pieces.some((p) => used.has(p) && p.y === item.y && p.x0 >= item.x0 - 0.01 && p.x1 <= item.x1 + 0.01)
      )
        used.add(item);
    const outRows: RuledTable['rows'][number][] = [];
    for (let r = 0; r < rows; r++) {
      const rowBox: [number, number, number, number] = [bbox[0], ys[r]!, bbox[2], ys[r + 1]!];
      if (ys[r + 1]! - ys[r]! < 3) continue; // a double rule, not a row
      const cells: GridCell[] = [];
      let filled = false;
      for (let c = 0; c < cols; c++) {
        const own = r * cols + c;
        const text =
          find(own) === own
            ? groupLines(inCell.get(own) ?? [])
                .map((l) => joinItems(l.items))
                .join(' ')
            : '';
        if (text !== '') filled = true;
        cells.push({ text, bbox: [xs[c]!, ys[r]!, xs[c + 1]!, ys[r + 1]!] });
      }
      if (filled) outRows.push({ cells, bbox: rowBox });
    }
    // A narrow column empty in every row is a frame artefact (a margin between two rules); without
    // it the same table has the same columns on every page. Wide empty columns are real columns
    // that this page happens to leave blank.
    const keep = Array.from(
      { length: cols },
      (_, c) => xs[c + 1]! - xs[c]! >= FRAME_GAP || outRows.some((row) => row.cells[c]?.text !== ''),
    );
    const compact = outRows.map((row) => ({ ...row, cells: row.cells.filter((_, c) => keep[c]) }));
    if (compact.length > 0) tables.push({ bbox, rows: compact });
  }
  return { tables, rest: items.filter((i) => !used.has(i)) };
}
