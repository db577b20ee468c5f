import type { LineBox } from './words.ts';

/**
 * Detected lines top to bottom, and left to right within a row: two boxes are on one row when
 * their vertical centres are closer than half the lower box's height.
 */
export function inReadingOrder(boxes: readonly LineBox[]): LineBox[] {
  const sorted = [...boxes].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || a.x0 - b.x0);
  const rows: LineBox[][] = [];
  for (const box of sorted) {
    const row = rows.at(-1);
    const centre = (box.y0 + box.y1) / 2;
    const anchor = row?.[0];
    if (row && anchor && Math.abs(centre - (anchor.y0 + anchor.y1) / 2) < (box.y1 - box.y0) / 2)
      row.push(box);
    else rows.push([box]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x0 - b.x0));
}

const sameRow = (a: LineBox, b: LineBox) =>
  Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);

/**
 * Boxes of one row that overlap end where their overlap's middle is. The detector widens every
 * box by a margin, so two cells close together get boxes reaching into each other, and the right
 * one reads the left one's last glyph again (`5,239.627782 | 2710.687209` for `… | 710.687209`).
 * A box inside another is left as it is.
 */
export function clippedAtNeighbours(boxes: readonly LineBox[]): LineBox[] {
  const out = boxes.map((b) => ({ ...b }));
  for (const a of out) {
    for (const b of out) {
      if (a === b || b.x0 <= a.x0 || b.x0 >= a.x1 || b.x1 <= a.x1 || !sameRow(a, b)) continue;
      const middle = Math.round((a.x1 + b.x0) / 2);
      a.x1 = middle;
      b.x0 = middle;
    }
  }
  return out.filter((b) => b.x1 > b.x0);
}
