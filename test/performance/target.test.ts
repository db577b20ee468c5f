import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operatorFromDirection, parseTarget } from '../../src/performance/target.ts';

const read = (t: string) => parseTarget(t).map((r) => `${r.operator} ${r.value} ${r.unit}`.trim());

describe('parseTarget', () => {
  it.each([
    ['≥98%', ['>= 98 %']],
    ['>98%', ['> 98 %']],
    ['>=10 期', ['>= 10 期']],
    ['≤350元', ['<= 350 元']],
    ['=1 个', ['= 1 个']],
    ['<10%', ['< 10 %']],
    ['≤3 万', ['<= 3 万']],
    ['不少于105个', ['>= 105 个']],
    ['不低于100人次', ['>= 100 人次']],
    ['20个及以上', ['>= 20 个']],
    ['95%以上', ['>= 95 %']],
    ['4000人次以上', ['>= 4000 人次']],
    ['全年≥10000家次', ['>= 10000 家次']],
    ['项目立项数量≥400个；项目终验数量≥400个。', ['>= 400 个', '>= 400 个']],
    ['≥2019.3&&≤2019.9', ['>= 2019.3', '<= 2019.9']],
    ['2019年 12月', ['qualitative']],
    ['2019-12-31', ['qualitative']],
    ['及时', ['qualitative']],
    ['得到提升', ['qualitative']],
    ['定性', ['qualitative']],
    ['≤申报的预算金额', ['qualitative']],
    ['不少于72家（人）次', ['>= 72 家（人）次']],
    ['不高于办证总数的5%', ['<= 5 %']],
    ['<10%等', ['< 10 %']],
    ['0起', ['= 0 起']],
    ['98%', ['= 98 %']],
    ['=0', ['= 0']],
    ['１，０００人', ['= 1000 人']],
    ['2.7万人以上', ['>= 2.7 万人']],
    ['60万次以上', ['>= 60 万次']],
    ['小于等于15个工作日', ['<= 15 个工作日']],
    ['大于等于1000人', ['>= 1000 人']],
    ['3天以内', ['<= 3 天']],
    ['不超过5次', ['<= 5 次']],
    ['21', ['= 21']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('keeps numeric targets exact', () => {
    expect(parseTarget('993.62平方米')[0]).toEqual({ operator: '=', value: '993.62', unit: '平方米' });
  });

  it('never throws, always gives an operator, and never invents digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const readings = parseTarget(text);
        expect(readings.length).toBeGreaterThan(0);
        for (const r of readings) {
          expect(['>=', '<=', '>', '<', '=', 'qualitative']).toContain(r.operator);
          if (r.operator === 'qualitative') expect(r.value).toBe('');
          else expect(text.normalize('NFKC').replace(/\D/g, '')).toContain(r.value.replace(/\D/g, ''));
        }
      }),
    );
  });

  it('reads every generated operator + number + unit target back', () => {
    const ops: [string, string][] = [
      ['≥', '>='],
      ['≤', '<='],
      ['>', '>'],
      ['<', '<'],
      ['=', '='],
      ['不少于', '>='],
      ['不超过', '<='],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.integer({ min: 0, max: 100000 }),
        fc.constantFrom('%', '个', '人次', '场', '天', ''),
        ([symbol, op], n, unit) => {
          expect(parseTarget(`${symbol}${n}${unit}`)).toEqual([{ operator: op, value: String(n), unit }]);
        },
      ),
    );
  });
});

describe('operatorFromDirection', () => {
  it.each([
    ['大于等于', '>='],
    ['小于等于', '<='],
    ['等于', '='],
    ['≥', '>='],
    ['≤', '<='],
    ['<', '<'],
    ['=', '='],
    ['定性', 'qualitative'],
    // OCR's readings of an operator alone in its cell (scans of Beijing 预算12/13表).
    ['之', '>='],
    ['IV', '>='],
    ['三', '<='],
  ])('%s → %s', (d, op) => {
    expect(operatorFromDirection(d)).toBe(op);
  });
  it('is undefined for other words', () => {
    expect(operatorFromDirection('接待外宾团组人数')).toBeUndefined();
    expect(operatorFromDirection('')).toBeUndefined();
    // Only alone: 三级指标 and 之后 are words.
    expect(operatorFromDirection('三级指标')).toBeUndefined();
    expect(operatorFromDirection('之后')).toBeUndefined();
  });
});
