import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/readers/decodeText.ts';

const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => {
  const le = utf16le(s);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
};

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from('收支总表', 'utf8'))).toEqual({ text: '收支总表', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('合计', 'utf8')]))).toEqual(
      {
        text: '合计',
        encoding: 'utf-8',
      },
    );
  });
  it('reads UTF-16 with BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('预算01表')]))).toEqual({
      text: '预算01表',
      encoding: 'utf-16le',
    });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('预算01表')]))).toEqual({
      text: '预算01表',
      encoding: 'utf-16be',
    });
  });
  it('reads UTF-16LE without BOM when the text is mostly ASCII', () => {
    expect(decodeText(utf16le('unit: 10,018.16\n2010301-行政运行\n')).encoding).toBe('utf-16le');
  });
  it('reads GB18030/GBK when the bytes are not UTF-8', () => {
    // 中文预算 in GBK.
    const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xd4, 0xa4, 0xcb, 0xe3]);
    expect(decodeText(gbk)).toEqual({ text: '中文预算', encoding: 'gb18030' });
  });
});
