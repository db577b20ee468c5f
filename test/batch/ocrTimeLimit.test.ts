import { describe, expect, it } from 'vitest';
import type { ExtractProgress, ExtractTask } from '../../src/batch/extractWorker.ts';
import { ExtractPool, fileTimeLimitMs } from '../../src/batch/workerPool.ts';

/**
 * The per-file time limit grows with the pages a file sends to OCR (issue 18: a 12-page scan hit
 * the flat 300 s limit). The fake worker takes the milliseconds listed per page, so a "scan" far
 * longer than the base limit runs in a second.
 */

const FAKE = new URL('./fakeOcrWorker.mjs', import.meta.url);

function task(fakeOcrPageMs: number[]): ExtractTask {
  return {
    path: 'scan.pdf',
    documentId: 'scan',
    cachePath: '/nonexistent',
    options: { fakeOcrPageMs } as ExtractTask['options'],
    limits: {},
  };
}

async function runOne(pageMs: number[], timeoutMs: number, ocrPageMs: number) {
  const pool = new ExtractPool({ size: 1, timeoutMs, ocrPageMs, memoryMb: 256, entry: FAKE });
  const progress: ExtractProgress[] = [];
  try {
    return { answer: await pool.run(task(pageMs), (p) => progress.push(p)), progress };
  } finally {
    await pool.close();
  }
}

describe('the time limit of a file sent to OCR', () => {
  it('is the base plus a budget per page', () => {
    expect(fileTimeLimitMs(300_000, 60_000, 0)).toBe(300_000);
    expect(fileTimeLimitMs(300_000, 60_000, 100)).toBe(6_300_000);
  });

  it('lets a scan far longer than the base limit finish, and tells each page', async () => {
    // 12 pages of 200 ms: 2.4 s against a 1 s base (the thread's start counts too); 12 × 500 ms
    // more cover it.
    const { answer, progress } = await runOne(Array(12).fill(200), 1000, 500);
    expect(answer.ok).toBe(true);
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => ({ ocrPage: i + 1, pages: 12 })));
  }, 20_000);

  it('still stops a page that hangs, naming the limit and how it was reached', async () => {
    const { answer, progress } = await runOne([100, 100, 60_000], 1000, 500);
    expect(answer.ok).toBe(false);
    expect(progress).toHaveLength(3);
    expect(answer.ok ? '' : answer.message).toBe(
      'scan.pdf: extraction stopped after the 2.5 s time limit per file (--timeout 1 s + 3 page(s) to OCR × --ocr-page-timeout 0.5 s)',
    );
  }, 20_000);

  it('stays the base for a file without OCR', async () => {
    const { answer } = await runOne([], 1000, 500);
    expect(answer.ok).toBe(true);
  }, 20_000);
});
