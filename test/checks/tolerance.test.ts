import { describe, expect, it } from 'vitest';
import { compareWithTolerance, roundingTolerance, show } from '../../src/checks/tolerance.ts';
import { toDecimal } from '../../src/normalize/decimal.ts';

const d = toDecimal;

describe('roundingTolerance', () => {
  it('grows with the number of parts, at the coarsest printed place', () => {
    expect(show(roundingTolerance([d('3088.70'), d('2466.84')], 4))).toBe('0.02');
    expect(show(roundingTolerance([d('448'), d('139')], 3))).toBe('2');
    expect(show(roundingTolerance([d('10018.162211'), d('9277.213338')], 2))).toBe('0.000001');
  });
  it('allows no difference between two printings of one figure at the same precision', () => {
    expect(show(roundingTolerance([d('597'), d('598')], 1))).toBe('0');
    expect(
      compareWithTolerance(d('597'), d('598'), roundingTolerance([d('597'), d('598')], 1)).withinTolerance,
    ).toBe(false);
  });
  it('allows half a unit of the coarser precision between printings at different precisions', () => {
    const t = roundingTolerance([d('3088.70'), d('3089')], 1);
    expect(show(t)).toBe('0.5');
    expect(compareWithTolerance(d('3089'), d('3088.70'), t).withinTolerance).toBe(true);
    expect(compareWithTolerance(d('3090'), d('3088.70'), t).withinTolerance).toBe(false);
  });
});
