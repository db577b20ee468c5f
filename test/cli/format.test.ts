import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ocrAttention } from '../../src/cli/format.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

describe('ocrAttention', () => {
  it('lists repaired and low-confidence values with their place, nothing for text inputs', async () => {
    const path = 'seeds/002_a3edc1729d60384f.txt';
    const doc = await extractDocument(readFileSync(path), { documentId: '002', sourceFile: path });
    expect(ocrAttention(doc)).toEqual([]);
    const [a, b] = doc.line_items;
    const scanned = {
      ...doc,
      line_items: [
        { ...a!, page: 2, confidence: 41, status: 'repaired' as const, original_text: '3768.30' },
        { ...b!, page: 3, confidence: 55 },
        ...doc.line_items.slice(2).map((it) => ({ ...it, confidence: 95 })),
      ],
    };
    const lines = ocrAttention(scanned);
    expect(lines[0]).toMatch(/1 value\(s\) repaired by the checks, 2 read with confidence < 70/);
    expect(lines[1]).toMatch(/^ {4}~ page 2: .*read "3768\.30", repaired to /);
    expect(lines[2]).toMatch(/\? page 2: .*confidence 41/);
    expect(lines[3]).toMatch(/\? page 3: .*confidence 55/);
  });
});
