import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model.ts';
import { folioOf, pageInfos } from '../../src/pipeline/pages.ts';
import { textOnPage } from '../helpers.ts';

const text = textOnPage;

describe('printed folio', () => {
  it('reads the page numbers publishers print', () => {
    expect(folioOf('- 9 -')).toBe('9');
    expect(folioOf('－12－')).toBe('12');
    expect(folioOf('— 3 —')).toBe('3');
    expect(folioOf('第 9 页')).toBe('9');
    expect(folioOf('第9页 共20页')).toBe('9');
    expect(folioOf('7/20')).toBe('7');
  });

  it('does not take a year, a table number or an amount for a folio', () => {
    expect(folioOf('2026')).toBeUndefined();
    expect(folioOf('表9')).toBeUndefined();
    expect(folioOf('预算09表')).toBeUndefined();
    expect(folioOf('-8')).toBeUndefined();
    expect(folioOf('第9页说明了支出情况')).toBeUndefined();
  });

  it('takes the folio from the bottom or top lines of each page, with the page size', () => {
    const body = Array.from({ length: 8 }, (_, i) => text(`正文第${i}行`, 1));
    const blocks: Block[] = [
      { kind: 'page', page: 1, width: 595, height: 842 },
      ...body,
      text('- 3 -', 1),
      { kind: 'page', page: 2, width: 842, height: 595 },
      text('第 4 页', 2),
      ...body.map((b) => ({ ...b, at: { page: 2 } })),
      { kind: 'page', page: 3 },
      text('正文', 3),
    ];
    expect(pageInfos(blocks)).toEqual([
      { page: 1, width: 595, height: 842, folio: '3' },
      { page: 2, width: 842, height: 595, folio: '4' },
      { page: 3 },
    ]);
  });

  it('leaves a page-number-like line in the middle of a page alone', () => {
    const lines = Array.from({ length: 10 }, (_, i) => text(i === 5 ? '- 5 -' : `正文第${i}行`, 1));
    expect(pageInfos([{ kind: 'page', page: 1 }, ...lines])).toEqual([{ page: 1 }]);
  });

  it('takes bare numbers at the foot of pages for folios only when they count up with the pages', () => {
    const page = (n: number, foot: string): Block[] => [
      { kind: 'page', page: n },
      text('正文', n),
      text(foot, n),
    ];
    const counting = [...page(1, '封面'), ...page(2, '1'), ...page(3, '2'), ...page(4, '3')];
    expect(pageInfos(counting).map((p) => p.folio)).toEqual([undefined, '1', '2', '3']);
    const lone = [...page(1, '正文'), ...page(2, '25'), ...page(3, '7')];
    expect(pageInfos(lone).map((p) => p.folio)).toEqual([undefined, undefined, undefined]);
  });
});
