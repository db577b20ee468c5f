import type { TextItem } from './pageContent.ts';

/**
 * The last line of a wrapped cell that overflows its row. Rows of fixed height clip it: its glyphs
 * start above the rule under their cell and most of them lie in the row below (Xi'an 表12: a
 * 采购项目 cell `西安市全民所有自然资源 / 资产所有权委托代理机制 / 试点工作`, whose third line sits
 * half hidden under the next row's `1 全额`, and made that row a different row). Placed by its
 * centre it would join the row below; it belongs to the cell above when it continues a stack of
 * lines there: the same left edge, one line's leading below the last of them.
 */

/** Where a glyph's top is, from its baseline: CJK faces rise about 0.88 em above it. An overflowing
 * line's top reaches the rule (within a tenth of an em); its centre is below it. */
const ASCENT = 0.88;

export interface Placement {
  readonly item: TextItem;
  /** Grid row and column of the item's centre. */
  row: number;
  readonly col: number;
}

/** Lines of `items` at the item's left edge, nearest first, above (-1) or below (+1) it. */
function sameEdge(item: TextItem, items: readonly TextItem[], side: -1 | 1): TextItem[] {
  return items
    .filter((a) => Math.abs(a.x0 - item.x0) <= item.size * 0.5 && (a.y - item.y) * side > 0)
    .sort((a, b) => (a.y - b.y) * side);
}

const isLeading = (gap: number, leading: number) => Math.abs(gap - leading) <= leading * 0.15;

/**
 * The item is the next line of a wrapped stack in the cell above: at least two lines there with its
 * left edge, and it one leading below the last as they are one leading apart. A table whose rows
 * are one line high has no stack, so its rows, set close to their rules, stay where they are; nor
 * does a line that heads a stack of its own row (`职工基本医疗保险缴 / 费` under a two-line cell,
 * set tight against the rule between them).
 */
function continuesStack(item: TextItem, above: readonly TextItem[], own: readonly TextItem[]): boolean {
  const stack = sameEdge(item, above, -1);
  if (stack.length < 2) return false;
  const leading = stack[0]!.y - stack[1]!.y;
  if (leading < item.size * 0.9 || leading > item.size * 1.6) return false;
  const next = sameEdge(item, own, 1)[0];
  return isLeading(item.y - stack[0]!.y, leading) && !(next && isLeading(next.y - item.y, leading));
}

/**
 * Moves overflowing lines back into the row above (in place). `ys` are the grid's row rules,
 * `cellOf(row, col)` names the merged cell a grid position belongs to.
 */
export function placeOverflowingLines(
  placements: Placement[],
  ys: readonly number[],
  cellOf: (row: number, col: number) => number,
): void {
  const byCell = new Map<number, TextItem[]>();
  for (const p of placements) {
    const cell = cellOf(p.row, p.col);
    const items = byCell.get(cell);
    if (items) items.push(p.item);
    else byCell.set(cell, [p.item]);
  }
  const overflowing = placements.filter((p) => {
    const top = p.item.y - p.item.size * ASCENT;
    if (p.row === 0 || top >= ys[p.row]! + p.item.size * 0.1) return false;
    const above = cellOf(p.row - 1, p.col);
    const own = cellOf(p.row, p.col);
    return above !== own && continuesStack(p.item, byCell.get(above) ?? [], byCell.get(own) ?? []);
  });
  // A printed line moves whole: `类` under a stacked `科 / 目` header cell shares its baseline with
  // `款` and `项`, which continue nothing, so it is the row's own line.
  const moving = new Set(overflowing);
  const whole = overflowing.filter((p) =>
    placements.every(
      (q) => q.row !== p.row || Math.abs(q.item.y - p.item.y) > p.item.size * 0.2 || moving.has(q),
    ),
  );
  for (const p of whole) p.row -= 1;
}
