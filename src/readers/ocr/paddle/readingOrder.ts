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
