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

/** Maximal runs of tabular lines (a single non-tabular line may sit inside: a wrapped cell). */
export function tabularRuns(lines: readonly Line[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let last = -1;
  lines.forEach((line, i) => {
    if (isTabular(line)) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0 && i - last > 1) {
      if (last > start) runs.push([start, last]);
      start = -1;
    }
  });
  if (start >= 0 && last > start) runs.push([start, last]);
  return runs;
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
  for (const line of lines) {
    const texts = Array.from({ length: width }, () => '');
    for (const chunk of chunksOf(line)) {
      const start = chunk[0]!.x0;
      const col = cuts.filter((c) => c < start).length;
      texts[col] = texts[col] ? `${texts[col]} ${joinItems(chunk)}` : joinItems(chunk);
    }
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
