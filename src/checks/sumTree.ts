import { type Decimal, rescale } from '../normalize/decimal.ts';
import { summandsTolerance } from './tolerance.ts';

/**
 * The levels of rows that print neither codes nor indentation the reader keeps (`通用项目` above
 * `大型活动` above `督查、值班、参事培训`; `教育支出` above `职业教育` above `技校教育`), read from the
 * figures: a forest, in printed order, where each parent row is followed by the rows that add up to
 * it. Such a reading exists for a table whose figures are consistent and, for figures of any
 * variety, almost never by chance — so a table that admits none is reported as not adding up.
 *
 * The search tries each row as a parent first, then as a leaf, and remembers for every (row,
 * remainder) the rows where a forest starting there can end — all of them, one reading each, so a
 * choice made early never hides a reading that ends elsewhere. A step budget bounds pathological
 * inputs (the reading is then unknown, never guessed).
 */

export interface SumNode {
  /** Index of the row in the list read. */
  readonly at: number;
  readonly children: readonly SumNode[];
}

const MAX_ROWS = 3000;
const MAX_STEPS = 400_000;
/** Units of the last printed place a parent may miss its children's sum by (rounded figures). */
const ROUNDING_UNITS = 2n;

interface Search {
  readonly values: readonly bigint[];
  /** How far a parent may be from its children's sum: printed figures are rounded. */
  readonly slack: bigint;
  /** (row, remainder) → where a forest from that row adding up to it can end → one such forest. */
  readonly memo: Map<string, Ends>;
  steps: number;
}

/** A forest as a shared linked list: extending a reading never copies it. */
type Forest = { readonly at: number; readonly children: Forest; readonly next: Forest } | null;
type Ends = ReadonlyMap<number, Forest>;

function toNodes(forest: Forest): SumNode[] {
  const out: SumNode[] = [];
  for (let f = forest; f !== null; f = f.next) out.push({ at: f.at, children: toNodes(f.children) });
  return out;
}

/**
 * The forest of `values` (in printed order) whose top-level rows add up to `total`, every parent
 * to its children; rows after the forest may only be zero. Undefined when none exists, a figure is
 * negative, or the search is too long.
 */
export function readSumTree(values: readonly Decimal[], total: Decimal): SumNode[] | undefined {
  try {
    return searchSumTree(values, total);
  } catch (error) {
    if (error instanceof SearchTooLong) return undefined;
    throw error;
  }
}

function searchSumTree(values: readonly Decimal[], total: Decimal): SumNode[] | undefined {
  if (values.length === 0 || values.length > MAX_ROWS) return undefined;
  const scale = Math.max(total.scale, ...values.map((v) => v.scale));
  const coarsest = Math.min(total.scale, ...values.map((v) => v.scale));
  const units = values.map((v) => rescale(v, scale));
  if (units.some((u) => u < 0n)) return undefined;
  // Exactly first; within the rounding only when no exact reading exists.
  const target = rescale(total, scale);
  const rounding = ROUNDING_UNITS * 10n ** BigInt(scale - coarsest);
  for (const slack of [0n, rounding]) {
    const ends = forestsFrom({ values: units, slack, memo: new Map(), steps: 0 }, 0, target);
    // The forest must leave only zero rows after it; the longest such reading is kept.
    const end = [...ends.keys()]
      .filter((e) => units.slice(e).every((u) => u === 0n))
      .sort((a, b) => b - a)[0];
    if (end === undefined) continue;
    const trailing = units.slice(end).map((_, k) => ({ at: end + k, children: [] }));
    const forest = [...toNodes(ends.get(end)!), ...trailing];
    // A rounded reading must hold where the sum checks will look: a single row exactly, n rows
    // within (n + 1) / 2 units.
    const unit = rounding / ROUNDING_UNITS;
    if (slack === 0n) return forest;
    const top = { at: units.length, children: forest };
    if (withinRounding([top], [...units, target], unit)) return forest;
  }
  return undefined;
}

function withinRounding(forest: readonly SumNode[], units: readonly bigint[], unit: bigint): boolean {
  return forest.every((node) => {
    if (node.children.length === 0) return true;
    const sum = node.children.reduce((total, child) => total + units[child.at]!, 0n);
    const gap = sum > units[node.at]! ? sum - units[node.at]! : units[node.at]! - sum;
    const tolerance = summandsTolerance(node.children.length, 0).units * unit;
    return gap <= tolerance && withinRounding(node.children, units, unit);
  });
}

/** Forests of the rows from `at` on adding up to `remaining` (within the slack), by where they end. */
function forestsFrom(search: Search, at: number, remaining: bigint): Ends {
  if (remaining === 0n) return new Map([[at, null]]);
  const closeEnough = remaining <= search.slack && remaining >= -search.slack;
  if (at >= search.values.length) return closeEnough ? new Map([[at, null]]) : new Map();
  const key = `${at}|${remaining}`;
  const known = search.memo.get(key);
  if (known) return known;
  // Every (row, remainder) tried counts, found or not: the memo, not only the readings, is bounded.
  step(search);
  const ends = new Map<number, Forest>();
  const add = (end: number, forest: Forest) => {
    step(search);
    if (!ends.has(end)) ends.set(end, forest);
  };
  const value = search.values[at]!;
  if (value <= remaining + search.slack) {
    if (value > 0n) {
      for (const [childEnd, children] of forestsFrom(search, at + 1, value)) {
        if (children === null) continue;
        for (const [end, rest] of forestsFrom(search, childEnd, remaining - value))
          add(end, { at, children, next: rest });
      }
    }
    for (const [end, rest] of forestsFrom(search, at + 1, remaining - value))
      add(end, { at, children: null, next: rest });
  }
  if (closeEnough) add(at, null);
  search.memo.set(key, ends);
  return ends;
}

function step(search: Search): void {
  search.steps++;
  if (search.steps > MAX_STEPS) throw new SearchTooLong();
}

class SearchTooLong extends Error {}
