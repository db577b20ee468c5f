import { describe, expect, it } from 'vitest';
import type { ExtractTask } from '../../src/batch/extractWorker.ts';
import { ExtractPool, type PoolAnswer } from '../../src/batch/workerPool.ts';

/**
 * The pool holds the process's OCR slots for all its threads: two files read at once never have
 * two pages in OCR at once with one slot (a page's detection alone takes 300–450 MiB), a thread
 * that dies holding a slot gives it back, and a file's clock stops while it waits for a slot.
 */

const FAKE = new URL('./fakeOcrSlotWorker.mjs', import.meta.url);

interface FakeOptions {
  readonly fakeOcrPageMs: number[];
  readonly fakeDelayMs?: number;
  readonly fakeDieHoldingSlot?: boolean;
  readonly fakeAskAhead?: boolean;
}

function task(id: string, options: FakeOptions): ExtractTask {
  return {
    path: `${id}.pdf`,
    documentId: id,
    cachePath: '/nonexistent',
    options: options as unknown as ExtractTask['options'],
    limits: {},
  };
}

async function runTwo(
  first: FakeOptions,
  second: FakeOptions,
  pool: { timeoutMs: number; ocrPageMs: number; ocrConcurrency?: number },
): Promise<PoolAnswer[]> {
  const extractPool = new ExtractPool({ size: 2, memoryMb: 256, entry: FAKE, ...pool });
  try {
    return await Promise.all([extractPool.run(task('a', first)), extractPool.run(task('b', second))]);
  } finally {
    await extractPool.close();
  }
}

const heldSpans = (answers: PoolAnswer[]): [number, number][] =>
  answers.flatMap((a) => (a.ok ? (JSON.parse(a.summary.message) as [number, number][]) : []));

function overlaps(spans: [number, number][]): boolean {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  return sorted.some((span, i) => i > 0 && span[0] < sorted[i - 1]![1]);
}

describe('OCR slots across the threads of a pool', () => {
  it('lets one page at a time into OCR by default, whichever file it belongs to', async () => {
    const pages = { fakeOcrPageMs: [150, 150, 150] };
    const answers = await runTwo(pages, pages, { timeoutMs: 20_000, ocrPageMs: 20_000 });
    expect(answers.every((a) => a.ok)).toBe(true);
    const spans = heldSpans(answers);
    expect(spans).toHaveLength(6);
    expect(overlaps(spans)).toBe(false);
  }, 30_000);

  it('lets two pages in at once with two slots', async () => {
    const pages = { fakeOcrPageMs: [400, 400] };
    const answers = await runTwo(pages, pages, { timeoutMs: 20_000, ocrPageMs: 20_000, ocrConcurrency: 2 });
    expect(overlaps(heldSpans(answers))).toBe(true);
  }, 30_000);

  it('takes back the slot of a thread that died holding it', async () => {
    const answers = await runTwo(
      { fakeOcrPageMs: [100], fakeDieHoldingSlot: true },
      { fakeOcrPageMs: [100], fakeDelayMs: 200 },
      { timeoutMs: 20_000, ocrPageMs: 20_000 },
    );
    expect(answers[0]!.ok).toBe(false);
    expect(answers[1]!.ok).toBe(true);
  }, 30_000);

  it('does not count the wait for another file’s page against a file’s time limit', async () => {
    // a holds the slot and has asked for its second page's before b asks: b waits about 3.7 s,
    // longer than its own limit of 0.6 s + 2.6 s for its page; a's limit, 5.8 s, covers a's 4 s.
    const answers = await runTwo(
      { fakeOcrPageMs: [2000, 2000], fakeAskAhead: true },
      { fakeOcrPageMs: [50], fakeDelayMs: 300 },
      { timeoutMs: 600, ocrPageMs: 2600 },
    );
    expect(answers[0]!.ok).toBe(true);
    expect(answers[1]!.ok ? 'ok' : answers[1]!.message).toBe('ok');
  }, 30_000);
});
