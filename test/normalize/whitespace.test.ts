import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCellText, cleanLabel, labelKey } from '../../src/normalize/cellText.ts';
import { collapseWhitespace, joinWrappedPieces } from '../../src/normalize/whitespace.ts';

describe('collapseWhitespace', () => {
  it.each([
    ['合 计', '合计'],
    ['收 入', '收入'],
    ['一般公共预算 资金', '一般公共预算资金'],
    ['其中：面向小型、 微型企业政府采购项目', '其中：面向小型、微型企业政府采购项目'],
    ['2022 年预算数', '2022 年预算数'],
    ['APEC 卡受理及时性', 'APEC 卡受理及时性'],
    ['  a   b  ', 'a b'],
    ['机场路沿线制 挂旗服务', '机场路沿线制挂旗服务'],
    ['\u3000合\u3000计\u3000', '合计'],
  ])('%j → %j', (raw, expected) => {
    expect(collapseWhitespace(raw)).toBe(expected);
  });

  it('drops exactly the spaces between two Chinese characters (as the character-by-character reading did)', () => {
    const cjk = (ch: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uff60“”‘’]/u.test(ch);
    const reference = (text: string) => {
      const spaced = text.replace(/[\s\u00a0\u3000\u200b]+/g, ' ').trim();
      let out = '';
      for (let i = 0; i < spaced.length; i++)
        if (spaced[i] !== ' ' || !cjk(spaced[i - 1] ?? '') || !cjk(spaced[i + 1] ?? '')) out += spaced[i];
      return out;
    };
    const text = fc.array(fc.constantFrom('合', '计', ' ', '\u3000', 'a', '1', '（', '“', '。', '😀', '\t'), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (chars) => {
        expect(collapseWhitespace(chars.join(''))).toBe(reference(chars.join('')));
      }),
    );
  });

  it('is idempotent and never leaves double spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const once = collapseWhitespace(s);
        expect(collapseWhitespace(once)).toBe(once);
        expect(once).not.toMatch(/\s{2}|^\s|\s$/);
      }),
    );
  });

  it('joins wrapped pieces of a Chinese cell without a space', () => {
    expect(joinWrappedPieces(['接待任务完', '成率'])).toBe('接待任务完成率');
    expect(joinWrappedPieces(['受理 APEC', '卡申请数'])).toBe('受理 APEC 卡申请数');
  });
});

describe('cell text and labels', () => {
  it('removes markup and wrap whitespace', () => {
    expect(cleanCellText('<b>合 计</b>')).toBe('合计');
    expect(cleanCellText('<p>外事事务</p>')).toBe('外事事务');
  });
  it('drops a trailing colon from labels only', () => {
    expect(cleanLabel('合计:')).toBe('合计');
    expect(cleanLabel('其中：')).toBe('其中');
    expect(cleanLabel('其中:财政资金')).toBe('其中:财政资金');
  });
  it('compares labels across width forms', () => {
    expect(labelKey('因公出国（境）费')).toBe(labelKey('因公出国(境)费'));
  });
});

describe('CJK radicals in PDF text', () => {
  it('reads radical code points as the ideographs they stand for', () => {
    expect(cleanCellText('全球市⻓论坛')).toBe('全球市长论坛');
    expect(cleanCellText('廉政⻛险事件')).toBe('廉政风险事件');
    expect(cleanCellText('⼈员经费')).toBe('人员经费');
  });
});
