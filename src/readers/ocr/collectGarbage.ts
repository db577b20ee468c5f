import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread, now. The canvas library and onnxruntime hold page-sized
 * native buffers (a 300 dpi page's pixels are 35 MiB) behind small JavaScript objects, and V8,
 * which sees only the small objects, let hundreds of MiB of dropped pages wait for a collection.
 * Collecting around each OCR page (tens of milliseconds against seconds of OCR) lowered the peak of
 * four real scans read at concurrency 2 by 100–190 MiB (1,335 → 1,147–1,239 MiB over runs). `gc` is exposed the way test runners do it (jest's leak detector): the flag, then
 * a fresh context that has it.
 */
let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
