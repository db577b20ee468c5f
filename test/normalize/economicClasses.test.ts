import { describe, expect, it } from 'vitest';
import { economicClassOf } from '../../src/normalize/economicClasses.ts';

describe('economicClassOf', () => {
  it('knows the 类 of both economic classifications by name, numbered or not', () => {
    expect(economicClassOf('1、机关工资福利支出')).toBe('501');
    expect(economicClassOf('3、机关资本性支出')).toBe('503');
    expect(economicClassOf('4、机关资本性支出（基本建设）')).toBe('504');
    expect(economicClassOf('一、工资福利支出')).toBe('301');
  });

  it('gives nothing for a 款 or any other row', () => {
    expect(economicClassOf('基本工资')).toBeUndefined();
    expect(economicClassOf('办公费')).toBeUndefined();
    expect(economicClassOf('一、部门预算')).toBeUndefined();
  });
});
