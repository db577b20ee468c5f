import { Worker } from 'node:worker_threads';
import type { ExtractAnswer, ExtractTask } from './extractWorker.ts';

/**
 * A fixed set of worker threads that extract one file each at a time, so CPU-bound parsing runs
 * on every core. A file that runs past its time limit or its memory limit costs only its own
 * thread: the thread is terminated, replaced, and the file reported as failed.
 */

export interface PoolOptions {
  readonly size: number;
  /** Per-file time limit in milliseconds. */
  readonly timeoutMs: number;
  /** Per-file heap limit of the worker thread, in MiB. */
  readonly memoryMb: number;
}

export type PoolAnswer =
  | ExtractAnswer
  | { readonly ok: false; readonly message: string; readonly reason: 'timeout' | 'memory' | 'crash' };

// The built pool (dist/, .js) starts the built worker; run from the TypeScript sources (tests,
// tsx scripts) it starts the shim that registers tsx in the thread first.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./extractWorker.mjs', import.meta.url)
  : new URL('./extractWorker.js', import.meta.url);

export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();

  constructor(private readonly options: PoolOptions) {}

  private spawn(): Worker {
    const worker = new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    // An idle worker must not keep the process alive on its own.
    worker.unref();
    this.all.add(worker);
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

  private retire(worker: Worker): void {
    this.all.delete(worker);
    void worker.terminate();
  }

  /** Runs one task; callers keep at most `size` tasks in flight (the batch runner's queue does). */
  run(task: ExtractTask): Promise<PoolAnswer> {
    const worker = this.idle.pop() ?? this.spawn();
    worker.ref();
    return new Promise<PoolAnswer>((resolve) => {
      let settled = false;
      const finish = (answer: PoolAnswer, healthy: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (healthy) {
          worker.unref();
          this.idle.push(worker);
        } else {
          // Replaced lazily by the next task, so a limit that kills every thread cannot spin.
          this.retire(worker);
        }
        resolve(answer);
      };
      const onMessage = (answer: ExtractAnswer) => finish(answer, true);
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
      const timer = setTimeout(
        () =>
          finish(
            {
              ok: false,
              reason: 'timeout',
              message: `${task.path}: extraction stopped after the ${Math.round(this.options.timeoutMs / 1000)} s time limit per file (--timeout)`,
            },
            false,
          ),
        this.options.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    const workers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
