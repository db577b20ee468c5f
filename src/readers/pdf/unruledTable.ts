import { parseAmount } from '../../normalize/amount.ts';
import { chunksOf, joinItems, type Line } from './lines.ts';

/**
 * Tables without rules: a run of lines that split into several chunks at wide gaps. Columns are the
 * gaps that every such line leaves empty; a chunk goes to the column it starts in. A line that
 * continues cells of the row above (a wrapped label with no amount of its own) is joined to it.
 */

export interface UnruledRow {
  readonly cells: readonly { readonly text: string; readonly bbox: [number, number, number, number] }[];
  readonly bbox: [number, number, number, number];
}

function isTabular(line: Line): boolean {
  const chunks = chunksOf(line);
  if (chunks.length < 2) return false;
  return chunks.some((c) => parseAmount(joinItems(c)).kind === 'amount') || chunks.length >= 3;
}

/** Lines closer than this share a row: a tall cell's lines interleave with its neighbours' baselines. */
function sameBand(upper: Line, lower: Line): boolean {
  return lower.y - upper.y < Math.min(upper.size, lower.size) * 0.95;
}

interface ColumnModel {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly left: number;
  readonly right: number;
}

/** Column starts and ends seen in the tabular lines of a run. */
function columnModel(lines: readonly Line[]): ColumnModel {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const line of lines) {
    if (!isTabular(line)) continue;
    for (const chunk of chunksOf(line)) {
      const x0 = chunk[0]!.x0;
      const x1 = chunk[chunk.length - 1]!.x1;
      if (!starts.some((s) => Math.abs(s - x0) < line.size * 0.6)) starts.push(x0);
      if (!ends.some((e) => Math.abs(e - x1) < line.size * 0.6)) ends.push(x1);
    }
  }
  starts.sort((a, b) => a - b);
  return {
    starts,
    ends,
    left: Math.min(...lines.map((l) => l.x0)),
    right: Math.max(...lines.map((l) => l.x1)),
  };
}

/** A line whose chunks all start at a column start (or end at a column end) and stay inside the table. */
function aligned(line: Line, model: ColumnModel): boolean {
  const tolerance = line.size * 0.6;
  return chunksOf(line).every((chunk) => {
    const x0 = chunk[0]!.x0;
    const x1 = chunk[chunk.length - 1]!.x1;
    const k = model.starts.findIndex((s) => Math.abs(s - x0) < tolerance);
    const atStart = k >= 0 && x1 <= (model.starts[k + 1] ?? model.right) + tolerance;
    const atEnd = model.ends.some((e) => Math.abs(e - x1) < tolerance) && x0 >= model.left - tolerance;
    return atStart || atEnd;
  });
}

const TITLE_OR_UNIT = /表$|单位[:：]|^注[:：]/;

/**
 * Maximal runs of table lines: tabular lines (several chunks, or an amount), short pieces of
 * wrapped cells between them, and above and below them the lines that keep to their columns (a
 * continuation page's rows with one filled cell, header lines).
 */
export function tabularRuns(lines: readonly Line[]): [number, number][] {
  const core: [number, number][] = [];
  let start = -1;
  let last = -1;
  const close = () => {
    if (start >= 0) core.push([start, last]);
    start = -1;
  };
  lines.forEach((line, i) => {
    if (isTabular(line)) {
      if (start < 0) start = i;
      last = i;
      return;
    }
    if (start < 0) return;
    const wrapped =
      i - last <= 2 &&
      line.y - lines[i - 1]!.y < line.size * 2.2 &&
      line.x1 - line.x0 < (lines[last]!.x1 - lines[last]!.x0) * 0.6;
    if (!wrapped) close();
  });
  close();
  const runs: [number, number][] = [];
  for (const [from, to] of core) {
    const model = columnModel(lines.slice(from, to + 1));
    if (model.starts.length < 2) continue;
    const near = (a: Line, b: Line) => Math.abs(b.y - a.y) < Math.max(a.size, b.size) * 2.6;
    const fits = (l: Line) =>
      aligned(l, model) && !TITLE_OR_UNIT.test(joinItems(l.items).replace(/\s+/g, ''));
    let a = from;
    while (a > 0 && near(lines[a - 1]!, lines[a]!) && fits(lines[a - 1]!)) a--;
    let b = to;
    while (b + 1 < lines.length && near(lines[b]!, lines[b + 1]!) && fits(lines[b + 1]!)) b++;
    const previous = runs[runs.length - 1];
    if (previous && a <= previous[1] + 1) previous[1] = Math.max(previous[1], b);
    else if (b > a) runs.push([a, b]);
  }
  return runs;
}

/** Lines grouped into row bands: the lines of one printed row, whatever their baselines. */
function bands(lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  for (const line of lines) {
    const band = out[out.length - 1];
    const last = band?.[band.length - 1];
    if (band && last && sameBand(last, line)) band.push(line);
    else out.push([line]);
  }
  return out;
}

/** Column boundaries: the x positions left empty by every multi-chunk line of the run. */
function boundaries(lines: readonly Line[]): number[] {
  const spans: [number, number][] = [];
  for (const line of lines) {
    const chunks = chunksOf(line);
    if (chunks.length < 2) continue;
    for (const c of chunks) spans.push([c[0]!.x0, c[c.length - 1]!.x1]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let reach = spans[0]?.[1] ?? 0;
  for (const [s, e] of spans.slice(1)) {
    if (s > reach + 2) cuts.push((reach + s) / 2);
    reach = Math.max(reach, e);
  }
  return cuts;
}

export function readUnruledTable(lines: readonly Line[]): UnruledRow[] {
  const cuts = boundaries(lines);
  const width = cuts.length + 1;
  const x0 = Math.min(...lines.map((l) => l.x0));
  const x1 = Math.max(...lines.map((l) => l.x1));
  const edges = [x0, ...cuts, x1];
  const rows: { texts: string[]; top: number; bottom: number; y: number; size: number }[] = [];
  for (const band of bands(lines)) {
    const texts = Array.from({ length: width }, () => '');
    for (const member of band) {
      for (const chunk of chunksOf(member)) {
        const start = chunk[0]!.x0;
        const col = cuts.filter((c) => c < start).length;
        texts[col] = texts[col] ? `${texts[col]} ${joinItems(chunk)}` : joinItems(chunk);
      }
    }
    const line = {
      top: band[0]!.top,
      bottom: band[band.length - 1]!.bottom,
      size: Math.max(...band.map((l) => l.size)),
      y: band[0]!.y,
    };
    const previous = rows[rows.length - 1];
    const continues =
      previous &&
      line.top - previous.bottom < line.size * 0.8 &&
      texts.every((t, c) => t === '' || (parseAmount(t).kind !== 'amount' && previous.texts[c] !== '')) &&
      texts.some((t) => t !== '');
    if (previous && continues) {
      texts.forEach((t, c) => {
        if (t !== '') previous.texts[c] = `${previous.texts[c]} ${t}`;
      });
      previous.bottom = line.bottom;
      continue;
    }
    rows.push({ texts, top: line.top, bottom: line.bottom, y: line.y, size: line.size });
  }
  return rows.map((r) => ({
    cells: r.texts.map((text, c) => ({
      text,
      bbox: [edges[c]!, r.top, edges[c + 1]!, r.bottom] as [number, number, number, number],
    })),
    bbox: [x0, r.top, x1, r.bottom],
  }));
}
