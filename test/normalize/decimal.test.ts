import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  formatDecimal,
  subtractDecimals,
  toDecimal,
} from '../../src/normalize/decimal.ts';

describe('exact decimals', () => {
  it('adds amounts of different scales exactly', () => {
    const sum = addDecimals(['2466.84', '518.67', '89.18', '14.00'].map(toDecimal));
    expect(formatDecimal(sum)).toBe('3088.69');
    expect(formatDecimal(addDecimals(['0.1', '0.2'].map(toDecimal)))).toBe('0.3');
    expect(formatDecimal(addDecimals(['9032.213338', '245'].map(toDecimal)))).toBe('9277.213338');
  });

  it('subtracts and compares', () => {
    expect(formatDecimal(subtractDecimals(toDecimal('3088.70'), toDecimal('3088.69')))).toBe('0.01');
    expect(formatDecimal(subtractDecimals(toDecimal('-8'), toDecimal('0.5')))).toBe('-8.5');
    expect(compareDecimals(toDecimal('1.10'), toDecimal('1.1'))).toBe(0);
    expect(compareDecimals(toDecimal('-2'), toDecimal('1'))).toBe(-1);
  });

  it('rejects text that is not a canonical decimal', () => {
    expect(() => toDecimal('1,000')).toThrow();
    expect(() => toDecimal('')).toThrow();
  });

  it('formats what it parses', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.integer({ min: 0, max: 8 }),
        (units, scale) => {
          const text = formatDecimal({ units, scale });
          const back = toDecimal(text);
          expect(compareDecimals(back, { units, scale })).toBe(0);
          expect(back.scale).toBe(scale);
        },
      ),
    );
  });

  it('sums like big integers, never like floats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), { maxLength: 50 }),
        (units) => {
          const sum = addDecimals(units.map((u) => ({ units: u, scale: 6 })));
          expect(sum.units).toBe(units.reduce((a, b) => a + b, 0n));
        },
      ),
    );
  });
});
