import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../../src/pipeline/extractDocument.ts';
import { type OcrEngine, shutdownOcr } from '../../../src/readers/ocr/engine.ts';
import { createPaddleEngine } from '../../../src/readers/ocr/paddle/engine.ts';
import { decodeImage } from '../../../src/readers/ocr/raster.ts';
import { cropRegion } from '../../../src/readers/ocr/reread.ts';

/** Two table rows cut from seed 004 page 3 at 300 dpi (2380 × 160 pixels, rules kept). */
const CROP = 'test/fixtures/scan/images/004_15f2cd45d2b48077-p03-rows-crop.png';

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createPaddleEngine({ workers: 1 });
}, 60_000);
afterAll(async () => {
  await engine?.terminate();
  await shutdownOcr();
});

describe('the PP-OCR engine on a crop of a scanned page', () => {
  it('reads the codes, labels and amounts of two table rows, each cell its own words', async () => {
    const lines = await engine.recognizePage(await decodeImage(readFileSync(CROP)));
    const texts = lines.map((l) => l.words.map((w) => w.text).join(''));
    for (const t of [
      '2010302-一般行政管理事务',
      '50205-委托业务费',
      '30227-委托业务费',
      '50207-因公出国(境)费用',
    ])
      expect(texts).toContain(t);
    const words = lines.flatMap((l) => l.words);
    const amounts = words.filter((w) => /^[\d,.]+$/.test(w.text) && w.text.includes('.'));
    expect(amounts.map((w) => w.text)).toEqual(['1,945.097640', '1,945.097640', '30.000000', '30.000000']);
    // The amounts stand in their columns: the second of each pair far right of the first.
    expect(amounts[1]!.x0 - amounts[0]!.x1).toBeGreaterThan(200);
    expect(words.every((w) => w.confidence >= 0 && w.confidence <= 100 && w.x1 > w.x0)).toBe(true);
  }, 60_000);

  it('reads one cell cut out of it as a line, and as a block (the re-reads)', async () => {
    const rows = await decodeImage(readFileSync(CROP));
    const cell = cropRegion(rows, { x0: 1670, y0: 10, x1: 1900, y1: 66 }, 16);
    for (const lines of [
      await engine.recognizeCrop(cell, 'line'),
      await engine.recognizeCrop(cell, 'block'),
      await engine.recognizeCrop(cell, 'word'),
    ])
      expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['1,945.097640']);
  }, 60_000);
});

describe('the detection session', () => {
  it('is made once for a page and its block crops, and released with the page', async () => {
    const own = await createPaddleEngine({ workers: 1 });
    let released = 0;
    const original = ort.InferenceSession.create.bind(ort.InferenceSession);
    const create = vi.spyOn(ort.InferenceSession, 'create').mockImplementation(async (...args) => {
      const session = await (original as (...a: unknown[]) => Promise<ort.InferenceSession>)(...args);
      const release = session.release.bind(session);
      session.release = async () => {
        released++;
        await release();
      };
      return session;
    });
    try {
      const rows = await decodeImage(readFileSync(CROP));
      const cell = cropRegion(rows, { x0: 1670, y0: 10, x1: 1900, y1: 66 }, 16);
      await own.recognizePage(rows);
      await own.recognizeCrop(cell, 'block');
      await own.recognizeCrop(cell, 'block');
      expect(create).toHaveBeenCalledTimes(1);
      expect(released).toBe(0);
      await own.endPage();
      expect(released).toBe(1);
      // Outside a page a block crop has a session of its own, released at once.
      await own.recognizeCrop(cell, 'block');
      expect(create).toHaveBeenCalledTimes(2);
      expect(released).toBe(2);
    } finally {
      create.mockRestore();
      await own.terminate();
    }
  }, 60_000);
});

describe('a scanned page through the pipeline with --ocr-engine paddle', () => {
  it('reads the 预算03表 amounts of seed 004 page 3 through the same grid and table code', async () => {
    const path = 'test/fixtures/scan/images/004_15f2cd45d2b48077-p03-300dpi.png';
    const doc = await extractDocument(
      readFileSync(path),
      { documentId: 'p03', sourceFile: path },
      { ocrWorkers: 1, ocrEngine: 'paddle' },
    );
    // Read from the seed (lines 84–103): 2010302 委托业务费 1,945.097640 and the table's 合计 row.
    const values = doc.line_items.map((it) => it.value);
    for (const v of ['1945.097640', '108.099600', '10018.162211', '5950.314991', '4067.847220'])
      expect(values).toContain(v);
    expect(doc.line_items.every((it) => it.page === 1 && it.confidence !== undefined)).toBe(true);
  }, 120_000);
});
