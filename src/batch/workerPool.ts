import { Worker } from 'node:worker_threads';
import { DEFAULT_OCR_CONCURRENCY, SlotQueue } from '../readers/ocr/ocrGate.ts';
import type {
  ExtractAnswer,
  ExtractProgress,
  ExtractTask,
  OcrSlotGranted,
  OcrSlotMessage,
} from './extractWorker.ts';

/**
 * A fixed set of worker threads that extract one file each at a time, so CPU-bound parsing runs
 * on every core. A file that runs past its time limit or its memory limit costs only its own
 * thread: the thread is terminated, replaced, and the file reported as failed.
 */

export interface PoolOptions {
  readonly size: number;
  /** Per-file time limit in milliseconds, before OCR. */
  readonly timeoutMs: number;
  /** Added to a file's time limit for each page it sends to OCR (default DEFAULT_OCR_PAGE_TIMEOUT_S). */
  readonly ocrPageMs?: number;
  /** The worker script (tests give a fake one). */
  readonly entry?: URL;
  /** Per-file heap limit of the worker thread, in MiB. */
  readonly memoryMb: number;
  /** When a thread is replaced by a fresh one after a file (default DEFAULT_RECYCLE). */
  readonly recycle?: RecyclePolicy;
  /** Pages read by OCR at the same time over all threads (default DEFAULT_OCR_CONCURRENCY). */
  readonly ocrConcurrency?: number;
}

/**
 * A thread's memory only grows over a run: V8 keeps the heap a large file needed, and the native
 * memory behind pdf.js (fonts, images, WebAssembly decoders) and the allocator's per-thread arenas
 * are not given back. A fresh thread costs about a tenth of a second; holding on to a grown one
 * cost gigabytes over a crawl of 238 files. Outputs do not depend on which thread read a file.
 */
export interface RecyclePolicy {
  /** Files a thread extracts before it is replaced. */
  readonly afterFiles: number;
  /** Heap (with off-heap buffers) after a file, MiB, above which the thread is replaced at once. */
  readonly heapMb: number;
}

export const DEFAULT_RECYCLE: RecyclePolicy = { afterFiles: 8, heapMb: 160 };

export type PoolAnswer =
  | ExtractAnswer
  | { readonly ok: false; readonly message: string; readonly reason: 'timeout' | 'memory' | 'crash' };

// The built pool (dist/, .js) starts the built worker; run from the TypeScript sources (tests,
// tsx scripts) it starts the shim that registers tsx in the thread first.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./extractWorker.mjs', import.meta.url)
  : new URL('./extractWorker.js', import.meta.url);

/**
 * Seconds a page of OCR may take before its file is stopped: tesseract.js reads a page in about
 * 8 s on one idle core and took over 20 s on a busy 2-core machine, so 60 s leaves a wide margin
 * while a page that hangs is still caught.
 */
export const DEFAULT_OCR_PAGE_TIMEOUT_S = 60;

/** A file's time limit: a base, plus a budget for each page it sends to OCR. */
export function fileTimeLimitMs(baseMs: number, ocrPageMs: number, ocrPages: number): number {
  return baseMs + ocrPageMs * ocrPages;
}

function timeoutMessage(
  path: string,
  baseMs: number,
  ocrPageMs: number,
  ocrPages: number,
  waitedMs: number,
): string {
  const s = (ms: number) => Math.round(ms / 100) / 10;
  const total = s(fileTimeLimitMs(baseMs, ocrPageMs, ocrPages));
  const why =
    ocrPages === 0
      ? '(--timeout)'
      : `(--timeout ${s(baseMs)} s + ${ocrPages} page(s) to OCR × --ocr-page-timeout ${s(ocrPageMs)} s)`;
  const waited = waitedMs > 0 ? `, not counting ${s(waitedMs)} s waiting for another file's OCR` : '';
  return `${path}: extraction stopped after the ${total} s time limit per file ${why}${waited}`;
}

export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly filesDone = new WeakMap<Worker, number>();
  /** Threads started so far (tests and the bench read it). */
  spawned = 0;
  private readonly ocrSlots: SlotQueue<Worker>;

  constructor(private readonly options: PoolOptions) {
    this.ocrSlots = new SlotQueue(options.ocrConcurrency ?? DEFAULT_OCR_CONCURRENCY);
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.entry ?? ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    // An idle worker must not keep the process alive on its own.
    worker.unref();
    this.all.add(worker);
    this.spawned++;
    // A worker can die while idle (out of memory while loading): drop it; tasks get a new one.
    const forget = () => {
      this.all.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    return worker;
  }

  /** Whether a thread that finished a file may take the next one (RecyclePolicy). */
  private keeps(worker: Worker, answer: PoolAnswer): boolean {
    const policy = this.options.recycle ?? DEFAULT_RECYCLE;
    const files = (this.filesDone.get(worker) ?? 0) + 1;
    this.filesDone.set(worker, files);
    const heapMb = answer.ok ? (answer.heapMb ?? 0) : 0;
    return files < policy.afterFiles && heapMb <= policy.heapMb;
  }

  private retire(worker: Worker): void {
    this.all.delete(worker);
    void worker.terminate();
  }

  /** An OCR slot message of the worker's file; `changed` runs once the worker's slots change. */
  private ocrSlotMessage(worker: Worker, message: OcrSlotMessage, changed: () => void): void {
    if (message.ocrSlot === 'release') this.ocrSlots.release(worker);
    else
      this.ocrSlots.request(worker, () => {
        worker.postMessage({ ocrSlotGranted: true } satisfies OcrSlotGranted);
        changed();
      });
    changed();
  }

  /** Waiting for an OCR slot with none held: another file's OCR, not this file's work. */
  private waitsForOcr(worker: Worker): boolean {
    return this.ocrSlots.heldBy(worker) === 0 && this.ocrSlots.queuedFor(worker) > 0;
  }

  /**
   * Runs one task; callers keep at most `size` tasks in flight (the batch runner's queue does).
   * Each page the worker sends to OCR extends the task's limit and is passed to `onProgress`.
   */
  run(task: ExtractTask, onProgress?: (progress: ExtractProgress) => void): Promise<PoolAnswer> {
    const worker = this.idle.pop() ?? this.spawn();
    worker.ref();
    const baseMs = this.options.timeoutMs;
    const ocrPageMs = this.options.ocrPageMs ?? DEFAULT_OCR_PAGE_TIMEOUT_S * 1000;
    const started = performance.now();
    let ocrPages = 0;
    // The file's clock stops while it waits for an OCR slot (waitsForOcr).
    let waitedMs = 0;
    let waitingSince: number | undefined;
    return new Promise<PoolAnswer>((resolve) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (answer: PoolAnswer, healthy: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.ocrSlots.drop(worker);
        if (healthy && this.keeps(worker, answer)) {
          worker.unref();
          this.idle.push(worker);
        } else {
          // Replaced lazily by the next task, so a limit that kills every thread cannot spin.
          this.retire(worker);
        }
        resolve(answer);
      };
      const onTimeout = () =>
        finish(
          {
            ok: false,
            reason: 'timeout',
            message: timeoutMessage(task.path, baseMs, ocrPageMs, ocrPages, waitedMs),
          },
          false,
        );
      const arm = () => {
        clearTimeout(timer);
        if (waitingSince !== undefined || settled) return;
        const left = started + waitedMs + fileTimeLimitMs(baseMs, ocrPageMs, ocrPages) - performance.now();
        timer = setTimeout(onTimeout, Math.max(0, left));
      };
      const slotsChanged = () => {
        const waiting = this.waitsForOcr(worker);
        if (waiting && waitingSince === undefined) {
          waitingSince = performance.now();
          clearTimeout(timer);
        } else if (!waiting && waitingSince !== undefined) {
          waitedMs += performance.now() - waitingSince;
          waitingSince = undefined;
          arm();
        }
      };
      const onMessage = (message: ExtractAnswer | ExtractProgress | OcrSlotMessage) => {
        if ('ocrSlot' in message) return this.ocrSlotMessage(worker, message, slotsChanged);
        if (!('ocrPage' in message)) return finish(message, true);
        ocrPages++;
        arm();
        onProgress?.(message);
      };
      const onError = (error: Error & { code?: string }) => {
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(
          {
            ok: false,
            reason: memory ? 'memory' : 'crash',
            message: memory
              ? `${task.path}: extraction stopped: it needed more than the ${this.options.memoryMb} MiB memory limit per file (--memory)`
              : `${task.path}: extraction crashed: ${error.message}`,
          },
          false,
        );
      };
      const onExit = (code: number) =>
        finish(
          { ok: false, reason: 'crash', message: `${task.path}: extraction thread exited (code ${code})` },
          false,
        );
      arm();
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    const workers = [...this.all];
    for (const worker of workers) this.ocrSlots.drop(worker);
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
