import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../scripts/make-corpus.ts';
import type { ExtractTask } from '../../src/batch/extractWorker.ts';
import { runBatch } from '../../src/batch/runBatch.ts';
import { ExtractPool, type RecyclePolicy } from '../../src/batch/workerPool.ts';
import { tempDir } from '../tmp.ts';
import { expectSameDump, publishedFiles } from './dump.ts';

/**
 * Worker threads are replaced after a number of files, or at once when a file left the thread's
 * heap large, so a long run's memory stays bounded; which thread reads a file changes nothing.
 */

const FAKE = new URL('./fakeHeapWorker.mjs', import.meta.url);

function task(i: number, fakeHeapMb: number): ExtractTask {
  return {
    path: `f${i}.pdf`,
    documentId: `f${i}`,
    cachePath: '/nonexistent',
    options: { fakeHeapMb } as ExtractTask['options'],
    limits: {},
  };
}

/** Runs the tasks one after another on a one-thread pool: the thread id that took each. */
async function threadsOf(heaps: number[], recycle: RecyclePolicy) {
  const pool = new ExtractPool({ size: 1, timeoutMs: 10_000, memoryMb: 256, entry: FAKE, recycle });
  const threads: string[] = [];
  try {
    for (const [i, heap] of heaps.entries()) {
      const answer = await pool.run(task(i, heap));
      if (!answer.ok) throw new Error(answer.message);
      expect(answer.summary.documentId).toBe(`f${i}`);
      threads.push(answer.summary.message);
    }
    return { threads, spawned: pool.spawned };
  } finally {
    await pool.close();
  }
}

describe('worker recycling', () => {
  it('replaces a thread after the given number of files', async () => {
    const { threads, spawned } = await threadsOf([10, 10, 10, 10, 10, 10, 10], {
      afterFiles: 3,
      heapMb: 100,
    });
    expect(spawned).toBe(3);
    expect(new Set(threads.slice(0, 3)).size).toBe(1);
    expect(new Set(threads.slice(3, 6)).size).toBe(1);
    expect(threads[3]).not.toBe(threads[2]);
    expect(threads[6]).not.toBe(threads[5]);
  }, 20_000);

  it('replaces a thread at once when a file left its heap above the limit', async () => {
    const { threads, spawned } = await threadsOf([10, 500, 10, 10], { afterFiles: 100, heapMb: 100 });
    expect(spawned).toBe(2);
    expect(threads[1]).toBe(threads[0]);
    expect(threads[2]).not.toBe(threads[1]);
    expect(threads[3]).toBe(threads[2]);
  }, 20_000);

  it('keeps the dump byte-identical whether threads live long or read one file each', async () => {
    const corpus = join(tempDir('recycle-corpus'), 'corpus');
    await makeCorpus(corpus, 8, { seed: 11 });
    const base = { version: 'test', extract: {}, concurrency: 2 };
    const longLived = tempDir('recycle-long');
    const fresh = tempDir('recycle-fresh');
    await runBatch([corpus], { ...base, outDir: longLived, recycle: { afterFiles: 1000, heapMb: 1e6 } });
    await runBatch([corpus], { ...base, outDir: fresh, recycle: { afterFiles: 1, heapMb: 0 } });
    expectSameDump(publishedFiles(fresh), publishedFiles(longLived));
  }, 120_000);
});
