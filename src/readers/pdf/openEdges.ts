import { median } from '../../normalize/median.ts';

/**
 * A table continued on the next page often has no rule above its first row there (Xi'an 表5 p. 28:
 * the column rules start where the page's first row starts): the first row stands outside every
 * pair of horizontal rules and would be read as a line of prose. Where most column rules run on
 * past the outermost horizontal rule, their ends close the grid — an open top or bottom edge.
 */

/** Column rules must run on at least this far (points) past the outermost horizontal rule. */
const MIN_OVERHANG = 4;
/** …and most of them, so a lone stray stroke opens no row. */
const MIN_SHARE = 0.75;

/**
 * The horizontal grid lines `ys` (sorted) with an edge added at the top and at the bottom where
 * the column rules at `xs` (their segments in `vAt`) close an open row.
 */
export function withOpenEdges(
  ys: readonly number[],
  vAt: readonly (readonly [number, number][])[],
): { ys: number[]; opened: Set<number> } {
  const out = [...ys];
  const opened = new Set<number>();
  const first = ys[0];
  const last = ys[ys.length - 1];
  if (first === undefined || last === undefined || vAt.length < 2) return { ys: out, opened };
  const tops = vAt.map((spans) => Math.min(...spans.map(([y0]) => y0)));
  const bottoms = vAt.map((spans) => Math.max(...spans.map(([, y1]) => y1)));
  const above = tops.filter((top) => top <= first - MIN_OVERHANG);
  const below = bottoms.filter((bottom) => bottom >= last + MIN_OVERHANG);
  if (above.length >= vAt.length * MIN_SHARE) {
    const top = median(above);
    out.unshift(top);
    opened.add(top);
  }
  if (below.length >= vAt.length * MIN_SHARE) {
    const bottom = median(below);
    out.push(bottom);
    opened.add(bottom);
  }
  return { ys: out, opened };
}

/** An opened edge is a rule across the whole table. */
export function edgeSpans(y: number, opened: ReadonlySet<number>, xs: readonly number[]): [number, number][] {
  return opened.has(y) ? [[xs[0]!, xs[xs.length - 1]!]] : [];
}
