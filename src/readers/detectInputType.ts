import { sniffUtf16 } from './decodeText.ts';

/** Input type from content (magic bytes), never from the file name. */
export type DetectedType =
  | { readonly type: 'pdf' }
  | { readonly type: 'image'; readonly format: 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'webp' }
  | { readonly type: 'text' }
  | { readonly type: 'empty' }
  | { readonly type: 'unsupported'; readonly reason: string };

function has(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

/** Share of bytes that cannot occur in text (control bytes other than tab/newline/CR/FF, NUL). */
function binaryShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let odd = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) odd++;
  return sample.length === 0 ? 0 : odd / sample.length;
}

export function detectInputType(bytes: Uint8Array): DetectedType {
  if (bytes.length === 0) return { type: 'empty' };
  // PDF writers may put junk before the header; readers accept it within the first 1 KiB.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { type: 'pdf' };
  if (has(bytes, 0, [0x89, 0x50, 0x4e, 0x47])) return { type: 'image', format: 'png' };
  if (has(bytes, 0, [0xff, 0xd8, 0xff])) return { type: 'image', format: 'jpeg' };
  // 42: TIFF; 43: BigTIFF (the TIFF reader says it does not read it).
  const intel = has(bytes, 0, [0x49, 0x49]) && (bytes[2] === 0x2a || bytes[2] === 0x2b) && bytes[3] === 0x00;
  const motorola =
    has(bytes, 0, [0x4d, 0x4d]) && bytes[2] === 0x00 && (bytes[3] === 0x2a || bytes[3] === 0x2b);
  if (intel || motorola) return { type: 'image', format: 'tiff' };
  if (ascii(bytes, 0, 4) === 'GIF8') return { type: 'image', format: 'gif' };
  if (ascii(bytes, 0, 2) === 'BM') return { type: 'image', format: 'bmp' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return { type: 'image', format: 'webp' };
  if (has(bytes, 0, [0x50, 0x4b, 0x03, 0x04])) {
    return { type: 'unsupported', reason: 'a ZIP container (DOCX/XLSX?); convert it to PDF or text first' };
  }
  if (has(bytes, 0, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { type: 'unsupported', reason: 'an OLE2 file (DOC/XLS?); convert it to PDF or text first' };
  }
  const utf16Bom = has(bytes, 0, [0xff, 0xfe]) || has(bytes, 0, [0xfe, 0xff]);
  // UTF-16 without a BOM: NUL bytes in every other position (its CJK bytes may look like control bytes).
  if (utf16Bom || sniffUtf16(bytes)) return { type: 'text' };
  if (binaryShare(bytes) > 0.02) {
    return { type: 'unsupported', reason: 'binary content that is neither PDF, image nor text' };
  }
  return { type: 'text' };
}
