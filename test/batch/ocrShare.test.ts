import { describe, expect, it } from 'vitest';
import { ocrWorkersPerFile } from '../../src/batch/ocrShare.ts';

describe('OCR workers per file', () => {
  it('are the cores left to each file, at most the pages OCR may read at once, at least one', () => {
    // One file on two cores: both, when two pages may be read at once.
    expect(ocrWorkersPerFile(2, 1, 2)).toBe(2);
    expect(ocrWorkersPerFile(2, 1, 1)).toBe(1);
    // Two files on two cores: one each.
    expect(ocrWorkersPerFile(2, 2, 2)).toBe(1);
    expect(ocrWorkersPerFile(8, 2, 8)).toBe(4);
    expect(ocrWorkersPerFile(8, 2, 3)).toBe(3);
    // More files than cores: still one.
    expect(ocrWorkersPerFile(2, 4, 4)).toBe(1);
  });
});
