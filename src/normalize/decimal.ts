/**
 * Exact decimal arithmetic for printed amounts. A `Decimal` is an integer count of 10^-scale units,
 * so `9,032.213338` 万元 is 9032213338 units of 0.000001 万元. Floats never enter a sum.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses a canonical decimal string (as produced by `parseAmount`): no separators, optional sign. */
export function toDecimal(value: string): Decimal {
  const match = DECIMAL_PATTERN.exec(value);
  if (!match) throw new Error(`not a canonical decimal: "${value}"`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const magnitude = BigInt(whole + fraction);
  return { units: sign === '-' ? -magnitude : magnitude, scale: fraction.length };
}

export function rescale(d: Decimal, scale: number): bigint {
  if (scale < d.scale) throw new Error(`cannot rescale ${d.scale} digits down to ${scale}`);
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function addDecimals(values: readonly Decimal[]): Decimal {
  const scale = values.reduce((max, v) => Math.max(max, v.scale), 0);
  let units = 0n;
  for (const v of values) units += rescale(v, scale);
  return { units, scale };
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

export function absDecimal(d: Decimal): Decimal {
  return { units: d.units < 0n ? -d.units : d.units, scale: d.scale };
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale);
  return `${negative ? '-' : ''}${whole}${d.scale > 0 ? `.${fraction}` : ''}`;
}

/** One unit of the last printed digit: the rounding step of a value printed with `scale` decimals. */
export function unitOfLastPlace(scale: number): Decimal {
  return { units: 1n, scale };
}
