import { describe, expect, it } from 'vitest';
import {
  commonFolder,
  displayWidth,
  goldMismatchText,
  goldText,
  padDisplay,
} from '../../../src/eval/real/format.ts';
import { scoreGold, summarizeGold } from '../../../src/eval/real/goldScore.ts';
import { item } from './docs.ts';

describe('the eval:real text report', () => {
  it('lines columns up after Chinese names (two columns a character)', () => {
    expect(displayWidth('001_上海/a')).toBe(10);
    expect(padDisplay('上海', 6)).toBe('上海  ');
    expect(padDisplay('ab', 6)).toBe('ab    ');
  });

  it('shows paths below the folder every source shares', () => {
    expect(commonFolder(['../r/renwu/001_上海/a.pdf', '../r/renwu/002_北京/b.pdf'])).toBe('../r/renwu/');
    expect(commonFolder(['a.pdf', 'x/b.pdf'])).toBe('');
  });

  it('says so when there is no gold, and lists the held-out set apart when there is', () => {
    expect(goldText('test/gold/crawl', [], undefined, undefined)).toMatch(/none under test\/gold\/crawl/);
    const gold = [
      {
        table_kind: 'three_public_expense',
        table_title: '三公',
        row_label: '合计',
        subject_code: '',
        economic_code: '',
        column_label: '合计',
        value: '5',
        unit: '万元',
        page: '2',
      },
    ];
    const extracted = [
      item({
        table_index: 0,
        table_kind: 'three_public_expense',
        row_label: '总计',
        column_label: '合计',
        value: '5',
        page: 2,
      }),
    ];
    const score = scoreGold('001_甲/a', true, gold, extracted);
    const text = goldText('g', [score], summarizeGold([score]), summarizeGold([score]));
    expect(text).toMatch(/001_甲\/a \(held out\)/);
    expect(text).toMatch(/held out \(1 documents\)/);
    expect(goldMismatchText([score])).toMatch(/001_甲\/a missing: +three_public_expense \| 合计/);
  });
});
