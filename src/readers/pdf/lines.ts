import type { TextItem } from './pageContent.ts';

/**
 * Text items → lines. Fake-bold text (the same string drawn twice a fraction of a point apart) is
 * read once; items of one baseline are ordered left to right whatever order the PDF drew them in.
 */

export interface Line {
  readonly items: readonly TextItem[];
  readonly y: number;
  readonly top: number;
  readonly bottom: number;
  readonly x0: number;
  readonly x1: number;
  readonly size: number;
}

/** Drops the second drawing of fake-bold text. */
export function dropFakeBold(items: readonly TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const item of items) {
    const twin = out.find(
      (o) =>
        o.text === item.text &&
        Math.abs(o.x0 - item.x0) < Math.max(1.2, item.size * 0.15) &&
        Math.abs(o.y - item.y) < Math.max(1, item.size * 0.15),
    );
    if (!twin) out.push(item);
  }
  return out;
}

/** Groups items whose baselines are within a fraction of their size; each line sorted by x. */
export function groupLines(items: readonly TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const groups: TextItem[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    const ref = last?.[0];
    if (last && ref && Math.abs(item.y - ref.y) <= Math.max(1.5, Math.min(item.size, ref.size) * 0.35))
      last.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => {
    const items = [...g].sort((a, b) => a.x0 - b.x0);
    // Folded, not spread: a line of 100,000 items (a hostile page) would overflow the call stack.
    const size = items.reduce((m, i) => Math.max(m, i.size), Number.NEGATIVE_INFINITY);
    const y = items.reduce((s, i) => s + i.y, 0) / items.length;
    return {
      items,
      y,
      top: y - size * 0.85,
      bottom: y + size * 0.2,
      x0: items.reduce((m, i) => Math.min(m, i.x0), Number.POSITIVE_INFINITY),
      x1: items.reduce((m, i) => Math.max(m, i.x1), Number.NEGATIVE_INFINITY),
      size,
    };
  });
}

/** Items of one line joined: no space inside a word-run, one space across a visible gap. */
export function joinItems(items: readonly TextItem[]): string {
  let out = '';
  let previous: TextItem | undefined;
  for (const item of items) {
    if (previous && item.x0 - previous.x1 > Math.min(item.size, previous.size) * 0.25) out += ' ';
    out += item.text;
    previous = item;
  }
  return out;
}

/** Splits a line into chunks at gaps wider than `gap` × font size (cells of an unruled table). */
export function chunksOf(line: Line, gap = 1.2): TextItem[][] {
  const chunks: TextItem[][] = [];
  for (const item of line.items) {
    const last = chunks[chunks.length - 1];
    const end = last?.[last.length - 1];
    if (last && end && item.x0 - end.x1 < Math.min(item.size, end.size) * gap) last.push(item);
    else chunks.push([item]);
  }
  return chunks;
}
