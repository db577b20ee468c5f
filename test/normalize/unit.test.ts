import { describe, expect, it } from 'vitest';
import { unitFromHeader, unitFromStatement } from '../../src/normalize/unit.ts';

describe('units', () => {
  it('reads unit statements', () => {
    expect(unitFromStatement('单位：万元')).toBe('万元');
    expect(unitFromStatement('金额单位：万元')).toBe('万元');
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
