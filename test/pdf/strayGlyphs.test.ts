import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../src/readers/pdf/pageContent.ts';
import { withoutStrayGlyphs } from '../../src/readers/pdf/strayGlyphs.ts';

const item = (text: string, size: number, x0 = 0, y = 100): TextItem => ({
  text,
  x0,
  x1: x0 + size * text.length,
  y,
  size,
  font: 'f1',
});

describe('withoutStrayGlyphs', () => {
  const header = item('一般公共预算拨款安排的“三公”经费预算', 4.344, 216, 107);
  const body = ['公务接待费', '会议费', '培训费', '38000.00', '10000.00'].map((t, i) =>
    item(t, 4.344, 300 + i * 20),
  );

  it('drops a glyph or two set at half the text size over another cell (Xi’an 表13)', () => {
    const strays = [
      item('购', 2.352, 277, 103.3),
      item('置', 2.352, 280, 103.4),
      item('费', 2.352, 277, 106.7),
    ];
    const kept = withoutStrayGlyphs([header, ...body, ...strays]);
    expect(kept.map((i) => i.text)).toEqual([header.text, ...body.map((i) => i.text)]);
  });

  it('keeps small text that stands in runs, and a page set small throughout', () => {
    const footnote = item('注：本表不含上年结转', 2.352);
    expect(withoutStrayGlyphs([header, ...body, footnote])).toContain(footnote);
    const small = [header, ...body].map((i) => ({ ...i, size: 2.352 }));
    expect(withoutStrayGlyphs(small)).toHaveLength(small.length);
  });

  it('keeps short runs near the text size (a unit mark, a page number)', () => {
    const mark = item('元', 3.5);
    expect(withoutStrayGlyphs([header, ...body, mark])).toContain(mark);
  });
});
