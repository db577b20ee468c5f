import {
  absDecimal,
  compareDecimals,
  type Decimal,
  formatDecimal,
  subtractDecimals,
} from '../normalize/decimal.ts';

/**
 * How far a printed total may be from the sum of its printed parts. Every printed figure is
 * rounded to its last printed digit (half a unit either way), so a total of n parts may differ
 * from their sum by up to (n + 1) / 2 units of the coarsest printed place. Documents say so
 * themselves: "本套报表金额单位转换时可能存在尾数误差".
 *
 * One figure printed twice (n = 1) must agree exactly at the same precision; at different
 * precisions (`3,088.70` in a table, `3,089` in the text) within half a unit of the coarser one.
 */
export function roundingTolerance(values: readonly Decimal[], summands: number): Decimal {
  const coarsest = values.reduce((min, v) => Math.min(min, v.scale), Number.POSITIVE_INFINITY);
  const finest = values.reduce((max, v) => Math.max(max, v.scale), 0);
  const scale = Number.isFinite(coarsest) ? coarsest : 0;
  return summandsTolerance(summands, scale, finest > scale);
}

/**
 * The same rule for figures whose coarsest printed place is known (`scale`): (n + 1) / 2 units of
 * it for n summands; for one, exact at one precision and half a unit across two (`mixed`).
 */
export function summandsTolerance(summands: number, scale: number, mixed = false): Decimal {
  if (summands <= 1) return mixed ? { units: 5n, scale: scale + 1 } : { units: 0n, scale };
  return { units: BigInt(Math.floor((summands + 1) / 2)), scale };
}

export interface Comparison {
  readonly difference: Decimal;
  readonly tolerance: Decimal;
  readonly withinTolerance: boolean;
}

export function compareWithTolerance(expected: Decimal, actual: Decimal, tolerance: Decimal): Comparison {
  const difference = subtractDecimals(expected, actual);
  return { difference, tolerance, withinTolerance: compareDecimals(absDecimal(difference), tolerance) <= 0 };
}

export function show(d: Decimal): string {
  return formatDecimal(d);
}
