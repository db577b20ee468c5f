import { describe, expect, it } from 'vitest';
import { detectInputType } from '../../src/readers/detectInputType.ts';

describe('detectInputType (by content, not name)', () => {
  it('knows PDFs, images, text and empty files', () => {
    expect(detectInputType(Buffer.from('%PDF-1.7\n...'))).toEqual({ type: 'pdf' });
    expect(detectInputType(Buffer.from('junk\n%PDF-1.4'))).toEqual({ type: 'pdf' });
    expect(detectInputType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatchObject({
      type: 'image',
      format: 'png',
    });
    expect(detectInputType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      type: 'image',
      format: 'jpeg',
    });
    expect(detectInputType(Buffer.from([0x49, 0x49, 0x2a, 0x00]))).toMatchObject({
      type: 'image',
      format: 'tiff',
    });
    expect(detectInputType(Buffer.from('预算01表 收支总表\n', 'utf8'))).toEqual({ type: 'text' });
    expect(detectInputType(new Uint8Array())).toEqual({ type: 'empty' });
  });
  it('refuses binary noise and office containers', () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 256;
    expect(detectInputType(noise).type).toBe('unsupported');
    expect(detectInputType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatchObject({
      type: 'unsupported',
    });
  });
  it('takes UTF-16 text without BOM as text', () => {
    expect(detectInputType(Buffer.from('合计\t8,785\n', 'utf16le')).type).toBe('text');
  });
});
