import {
  absDecimal,
  addDecimals,
  compareDecimals,
  type Decimal,
  subtractDecimals,
} from '../normalize/decimal.ts';
import { type AmountRow, amountOf } from './model.ts';
import { summandsTolerance } from './tolerance.ts';

/**
 * Which organisation-named rows of a project table head a block of their own. A name alone does
 * not tell: `广州市印刷发行行业信息监管平台` or `合作共建广东省灵山论坛科学中心` are projects of the unit
 * above them, `广州市国防教育中心` is a unit. The figures do: a unit's block runs until its rows add
 * up to the unit's figure, and the next unit starts right after. A named row met while the block
 * is still short of its unit's figure is one of its rows.
 *
 * A block closes within the rounding of its figures ((n + 1) / 2 units of the last place for n
 * rows, as every sum check allows). The reading is decided on the unit's first column only; the
 * other columns, the total against the units, and every block that never closes on a figure stay
 * checks that can fail. A block that
 * never adds up to its unit falls back to the names (every named row heads a block).
 */
export function unitBlockHeads(rows: readonly AmountRow[], named: (row: AmountRow) => boolean): AmountRow[] {
  const heads: AmountRow[] = [];
  let i = rows.findIndex(named);
  while (i >= 0 && i < rows.length) {
    const head = rows[i]!;
    heads.push(head);
    const close = closingRow(rows, i, named);
    i = close !== undefined ? close + 1 : nextNamed(rows, i + 1, named);
  }
  return heads;
}

function nextNamed(rows: readonly AmountRow[], from: number, named: (row: AmountRow) => boolean): number {
  for (let k = from; k < rows.length; k++) if (named(rows[k]!)) return k;
  return -1;
}

/**
 * Past the rows right below a head that repeat its figure while the block goes on (`234001 西安市气象局`
 * → `专用项目` → `其他履职尽责专项业务费` → the projects): each is the only part of the row above it,
 * and the rows after the last add up to the head. A row that repeats the figure right before the
 * next named row is the head's one part, and closes its block.
 */
function chainEnd(
  rows: readonly AmountRow[],
  headAt: number,
  column: string,
  named: (row: AmountRow) => boolean,
): number {
  const target = amountOf(rows[headAt]!.cells.get(column)!);
  let k = headAt;
  while (k + 2 < rows.length && !named(rows[k + 2]!) && !named(rows[k + 1]!)) {
    const cell = rows[k + 1]!.cells.get(column);
    if (!cell || compareDecimals(amountOf(cell), target) !== 0) break;
    k++;
  }
  return k;
}

/**
 * The last row of the head's block: where its rows reach its figure and a named row, the end, or a
 * row whose own block closes the same way follows.
 */
function closingRow(
  rows: readonly AmountRow[],
  headAt: number,
  named: (row: AmountRow) => boolean,
  lookahead = true,
): number | undefined {
  const head = rows[headAt]!;
  const first = [...head.cells][0];
  if (!first) return undefined;
  const [column, item] = first;
  const target = amountOf(item);
  let sum: Decimal = { units: 0n, scale: 0 };
  let parts = 0;
  let coarsest = target.scale;
  for (let k = chainEnd(rows, headAt, column, named) + 1; k < rows.length; k++) {
    const cell = rows[k]!.cells.get(column);
    if (cell) {
      const value = amountOf(cell);
      sum = addDecimals([sum, value]);
      parts++;
      coarsest = Math.min(coarsest, value.scale);
    }
    // Each printed figure is rounded: a block of n rows may miss its unit by (n + 1) / 2 units.
    const tolerance = summandsTolerance(parts, coarsest);
    const difference = subtractDecimals(sum, target);
    if (compareDecimals(difference, tolerance) > 0) return undefined;
    const following = rows[k + 1];
    const closed = compareDecimals(absDecimal(difference), tolerance) <= 0;
    if (closed && (following === undefined || named(following))) return k;
    // A unit whose name does not say so (`无锡市少年宫`): the row after the block heads a block of its own.
    if (closed && lookahead && closingRow(rows, k + 1, named, false) !== undefined) return k;
  }
  return undefined;
}
