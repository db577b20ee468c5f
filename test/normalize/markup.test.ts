import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  hasBoldMarkup,
  replaceInlineLatex,
  stripMarkup,
} from '../../src/normalize/markup.ts';

describe('markup', () => {
  it('strips tags and decodes entities', () => {
    expect(stripMarkup('<p>海外领事宣传 &gt;=1 场</p>').trim()).toBe('海外领事宣传 >=1 场');
    expect(stripMarkup('<b>10,018.162211</b>').trim()).toBe('10,018.162211');
    expect(decodeEntities('&lt;10% &amp; &#8805;5 &#x2264;3')).toBe('<10% & ≥5 ≤3');
    expect(decodeEntities('&unknown;')).toBe('&unknown;');
  });
  it('rewrites short inline LaTeX only', () => {
    expect(replaceInlineLatex('培训次数 $\\geq 4$ ;')).toBe('培训次数 ≥ 4 ;');
    expect(replaceInlineLatex('costs $5 and $6')).toBe('costs $5 and $6');
  });
  it('notices bold markup', () => {
    expect(hasBoldMarkup('<b>合 计</b>')).toBe(true);
    expect(hasBoldMarkup('**合计**')).toBe(true);
    expect(hasBoldMarkup('合计')).toBe(false);
  });
  it('never throws and keeps plain text as it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const out = stripMarkup(s);
        if (!/[<&$*]/.test(s)) expect(out).toBe(s);
      }),
    );
  });
});
