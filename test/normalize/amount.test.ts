import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseAmountWithUnit } from '../../src/normalize/amount.ts';

const value = (raw: string) => {
  const r = parseAmount(raw);
  return r.kind === 'amount' ? r.value : r.kind;
};

describe('parseAmount', () => {
  it.each([
    ['8,785', '8785'],
    ['9,032.213338', '9032.213338'],
    ['<b>10,018.162211</b>', '10018.162211'],
    ['<p>3,191</p>', '3191'],
    ['12218245.00', '12218245.00'],
    ['-8', '-8'],
    ['0', '0'],
    ['0.00', '0.00'],
    ['4,005.30', '4005.30'],
    ['１，２３４．５６', '1234.56'],
    ['－８', '-8'],
    ['−8', '-8'],
    ['  42 ', '42'],
  ])('reads %s as %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each(['', '   ', '-', '—', '－', '<b></b>'])('reads %j as blank (no value)', (raw) => {
    expect(parseAmount(raw).kind).toBe('blank');
  });

  it.each([
    '2022 年',
    '≥98%',
    '1,2345',
    '12,34',
    '1 074',
    '合计',
    'A-货物',
    '3.2.1',
    '1e5',
    '98%',
  ])('does not read %j as an amount', (raw) => {
    expect(parseAmount(raw).kind).toBe('text');
  });

  it.each([
    ['143,999.0 0', '143999.00'],
    ['18,536.8\n8', '18536.88'],
    ['370,219.2 5', '370219.25'],
    ['1,234, 567.00', '1234567.00'],
  ])('joins the number %j wrapped inside its cell as %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each(['12 345', '1.5 2.5', '143,999.0 合计'])('does not join %j into one amount', (raw) => {
    expect(parseAmount(raw).kind).toBe('text');
  });

  it('keeps the printed scale', () => {
    const r = parseAmount('4,005.30');
    expect(r.kind === 'amount' && r.scale).toBe(2);
  });

  it('round-trips any integer printed with thousands separators', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        (n, scale) => {
          const abs = n < 0n ? -n : n;
          const digits = abs.toString().padStart(scale + 1, '0');
          const whole = digits.slice(0, digits.length - scale);
          const fraction = digits.slice(digits.length - scale);
          const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          const printed = `${n < 0n ? '-' : ''}${grouped}${scale > 0 ? `.${fraction}` : ''}`;
          const canonical = `${n < 0n ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
          expect(value(printed)).toBe(canonical);
        },
      ),
    );
  });

  it('never throws and never invents digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const r = parseAmount(raw);
        if (r.kind !== 'amount') return;
        const inputDigits = raw.normalize('NFKC').replace(/\D/g, '');
        expect(inputDigits).toContain(r.value.replace(/\D/g, ''));
      }),
    );
  });
});

describe('parseAmountWithUnit', () => {
  it('reads form cells with a unit', () => {
    expect(parseAmountWithUnit('621.70万元')).toEqual({ value: '621.70', scale: 2, unit: '万元' });
    expect(parseAmountWithUnit('127400元')).toEqual({ value: '127400', scale: 0, unit: '元' });
    expect(parseAmountWithUnit('地方外事工作专项业务经费130.00万元。')).toBeUndefined();
  });
});
