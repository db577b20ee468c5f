import { type Decimal, rescale } from '../normalize/decimal.ts';

/**
 * The levels of rows that print neither codes nor indentation the reader keeps (`通用项目` above
 * `大型活动` above `督查、值班、参事培训`; `教育支出` above `职业教育` above `技校教育`), read from the
 * figures: a forest, in printed order, where each parent row is followed by the rows that add up to
 * it. Such a reading exists for a table whose figures are consistent and, for figures of any
 * variety, almost never by chance — so a table that admits none is reported as not adding up.
 *
 * The search tries each row as a parent first, then as a leaf, and remembers every (row, remainder)
 * it has settled, so a table of n rows costs O(n × distinct remainders) at worst; a step budget
 * bounds pathological inputs (the reading is then unknown, never guessed).
 */

export interface SumNode {
  /** Index of the row in the list read. */
  readonly at: number;
  readonly children: readonly SumNode[];
}

const MAX_ROWS = 3000;
const MAX_STEPS = 200_000;
/** Units of the last printed place a parent may miss its children's sum by (rounded figures). */
const ROUNDING_UNITS = 2n;

interface Search {
  readonly values: readonly bigint[];
  /** How far a parent may be from its children's sum: printed figures are rounded. */
  readonly slack: bigint;
  readonly memo: Map<string, Parse | null>;
  steps: number;
}

interface Parse {
  readonly end: number;
  readonly nodes: readonly SumNode[];
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
  // Exactly first: one reading per (row, remainder) is kept, which is complete only for exact sums.
  const target = rescale(total, scale);
  const rounding = ROUNDING_UNITS * 10n ** BigInt(scale - coarsest);
  const parse =
    forestFrom({ values: units, slack: 0n, memo: new Map(), steps: 0 }, 0, target) ??
    forestFrom({ values: units, slack: rounding, memo: new Map(), steps: 0 }, 0, target);
  if (!parse) return undefined;
  if (units.slice(parse.end).some((u) => u !== 0n)) return undefined;
  const trailing = units.slice(parse.end).map((_, k) => ({ at: parse.end + k, children: [] }));
  return [...parse.nodes, ...trailing];
}

/**
 * Rows from `at` on that add up to `remaining`, as a forest: exactly when they can, else within the
 * rounding slack.
 */
function forestFrom(search: Search, at: number, remaining: bigint): Parse | undefined {
  if (remaining === 0n) return { end: at, nodes: [] };
  const closeEnough = remaining <= search.slack && remaining >= -search.slack;
  if (at >= search.values.length) return closeEnough ? { end: at, nodes: [] } : undefined;
  const key = `${at}|${remaining}`;
  const known = search.memo.get(key);
  if (known !== undefined) return known ?? undefined;
  search.steps++;
  if (search.steps > MAX_STEPS) throw new SearchTooLong();
  const result =
    parentFirst(search, at, remaining) ??
    asLeaf(search, at, remaining) ??
    (closeEnough ? { end: at, nodes: [] } : undefined);
  search.memo.set(key, result ?? null);
  return result;
}

function parentFirst(search: Search, at: number, remaining: bigint): Parse | undefined {
  const value = search.values[at]!;
  if (value === 0n || value > remaining + search.slack) return undefined;
  const children = forestFrom(search, at + 1, value);
  if (!children || children.nodes.length === 0) return undefined;
  const rest = forestFrom(search, children.end, remaining - value);
  if (!rest) return undefined;
  return { end: rest.end, nodes: [{ at, children: children.nodes }, ...rest.nodes] };
}

function asLeaf(search: Search, at: number, remaining: bigint): Parse | undefined {
  const value = search.values[at]!;
  if (value > remaining + search.slack) return undefined;
  const rest = forestFrom(search, at + 1, remaining - value);
  if (!rest) return undefined;
  return { end: rest.end, nodes: [{ at, children: [] }, ...rest.nodes] };
}

class SearchTooLong extends Error {}
