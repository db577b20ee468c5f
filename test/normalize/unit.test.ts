import { describe, expect, it } from 'vitest';
import { amountInWan, unitFromHeader, unitFromStatement } from '../../src/normalize/unit.ts';

describe('units', () => {
  it('reads unit statements', () => {
    expect(unitFromStatement('单位：万元')).toBe('万元');
    expect(unitFromStatement('金额单位：万元')).toBe('万元');
    expect(unitFromStatement('金位：元')).toBe('元');
    expect(unitFromStatement('单位:万元')).toBe('万元');
    expect(unitFromStatement('单位：元')).toBe('元');
    expect(unitFromStatement('单位：元/人')).toBe('元');
    expect(unitFromStatement('单位名称：厦门市')).toBeUndefined();
    // OCR without the colon; still not a unit inside a longer word.
    expect(unitFromStatement('金颜单位 万元')).toBe('万元');
    expect(unitFromStatement('本单位元旦慰问')).toBeUndefined();
  });
  it('reads units in headers', () => {
    expect(unitFromHeader('预算数（万元）')).toBe('万元');
    expect(unitFromHeader('总体资金情况(万元)')).toBe('万元');
    expect(unitFromHeader('预算数')).toBeUndefined();
  });
});

describe('amountInWan', () => {
  it('moves the point four places for 元, keeps 万元, and knows no other unit', () => {
    expect(amountInWan('518161240.01', '元')).toBe('51816.124001');
    expect(amountInWan('-8', '元')).toBe('-0.0008');
    expect(amountInWan('4005.30', '万元')).toBe('4005.30');
    expect(amountInWan('12', '千元')).toBeUndefined();
  });
});
