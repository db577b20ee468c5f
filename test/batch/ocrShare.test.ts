import { describe, expect, it } from 'vitest';
import { ocrWorkersPerFile } from '../../src/batch/ocrShare.ts';

describe('OCR workers per file', () => {
  it('are, for PP-OCR, the cores left to each file: threads of one page, whatever pages may be read at once', () => {
    expect(ocrWorkersPerFile(2, 1, 1, 'paddle')).toBe(2);
    expect(ocrWorkersPerFile(2, 2, 1, 'paddle')).toBe(1);
    expect(ocrWorkersPerFile(8, 2, 1, 'paddle')).toBe(4);
    expect(ocrWorkersPerFile(2, 4, 4, 'paddle')).toBe(1);
    expect(ocrWorkersPerFile(2, 1, 1)).toBe(2);
  });

  it('are, for tesseract.js, the cores left to each file, at most the pages OCR may read at once, at least one', () => {
    // One file on two cores: both, when two pages may be read at once.
    expect(ocrWorkersPerFile(2, 1, 2, 'tesseract')).toBe(2);
    expect(ocrWorkersPerFile(2, 1, 1, 'tesseract')).toBe(1);
    // Two files on two cores: one each.
    expect(ocrWorkersPerFile(2, 2, 2, 'tesseract')).toBe(1);
    expect(ocrWorkersPerFile(8, 2, 8, 'tesseract')).toBe(4);
    expect(ocrWorkersPerFile(8, 2, 3, 'tesseract')).toBe(3);
    // More files than cores: still one.
    expect(ocrWorkersPerFile(2, 4, 4, 'tesseract')).toBe(1);
  });
});
