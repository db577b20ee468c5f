import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { shutdownOcr } from '../../src/readers/ocr/engine.ts';

afterAll(shutdownOcr);

describe('a scanned page image (PNG, 300 dpi) through OCR', () => {
  it('reads the 预算03表 amounts of seed 004 page 3, each with its page and confidence', async () => {
    const path = 'test/fixtures/scan/images/004_15f2cd45d2b48077-p03-300dpi.png';
    const doc = await extractDocument(
      readFileSync(path),
      { documentId: 'p03', sourceFile: path },
      { ocrWorkers: 1 },
    );
    expect(doc.input_type).toBe('image');
    const values = doc.line_items.map((it) => it.value);
    // Read from the seed (lines 84–103): 2010302 委托业务费 1,945.097640 and the table's 合计 row.
    for (const v of ['1945.097640', '108.099600', '10018.162211', '5950.314991', '4067.847220'])
      expect(values).toContain(v);
    expect(doc.line_items.every((it) => it.page === 1 && it.confidence !== undefined)).toBe(true);
  }, 120_000);

  it('fails a TIFF without an image with a clear message instead of crashing the process', async () => {
    const tiff = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]);
    const doc = await extractDocument(tiff, { documentId: 't', sourceFile: 'scan.tif' });
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(/scan\.tif: TIFF image: page 1 has no image size/);
  });
});
