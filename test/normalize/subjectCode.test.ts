import { describe, expect, it } from 'vitest';
import { readSubjectCode, splitCodedLabel } from '../../src/normalize/subjectCode.ts';

describe('subject codes', () => {
  it('derives scheme, level and parent from the code', () => {
    expect(readSubjectCode('201')).toEqual({ code: '201', scheme: 'function', level: 1, parent: undefined });
    expect(readSubjectCode('20103')).toMatchObject({ scheme: 'function', level: 2, parent: '201' });
    expect(readSubjectCode('2010301')).toMatchObject({ scheme: 'function', level: 3, parent: '20103' });
    expect(readSubjectCode('30101')).toMatchObject({ scheme: 'economic', level: 2, parent: '301' });
    expect(readSubjectCode('3021101')).toMatchObject({ scheme: 'economic', level: 3, parent: '30211' });
    expect(readSubjectCode('50101')).toMatchObject({ scheme: 'government_economic', level: 2 });
  });
  it.each([
    '2022',
    '329',
    '13300101',
    '01',
    '0118',
    '1234567890',
    '100',
    '',
  ])('%j is not a subject code', (t) => {
    expect(readSubjectCode(t)).toBeUndefined();
  });
  it('splits code and name', () => {
    expect(splitCodedLabel('2010301-行政运行')).toMatchObject({
      code: { code: '2010301' },
      name: '行政运行',
    });
    expect(splitCodedLabel('3021101-差旅费')).toMatchObject({
      code: { code: '3021101', scheme: 'economic' },
      name: '差旅费',
    });
    expect(splitCodedLabel('30101')).toMatchObject({ code: { code: '30101' }, name: '' });
    expect(splitCodedLabel('201 一般公共服务支出')).toMatchObject({
      code: { code: '201' },
      name: '一般公共服务支出',
    });
    expect(splitCodedLabel('2080505机关事业单位基本养老保险缴费支出')).toMatchObject({
      code: { code: '2080505' },
    });
  });
  it('leaves other code-like prefixes in the name', () => {
    for (const t of [
      '13300101专项经费',
      'A-货物',
      '01-公共服务',
      '0118-其他公共服务',
      '329-厦门市人民政府外事办公室',
      '2021 年',
    ]) {
      expect(splitCodedLabel(t)).toEqual({ code: undefined, name: t });
    }
  });
});

describe('bracketed codes (Guangzhou)', () => {
  it('splits [201] and 【2010501】 prefixes', () => {
    expect(splitCodedLabel('[201]一般公共服务支出')).toMatchObject({
      code: { code: '201' },
      name: '一般公共服务支出',
    });
    expect(splitCodedLabel('【2010501】行政运行')).toMatchObject({
      code: { code: '2010501', level: 3 },
      name: '行政运行',
    });
  });
});
