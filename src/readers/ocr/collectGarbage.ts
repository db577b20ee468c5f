import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread, now. The canvas library and onnxruntime hold page-sized
 * native buffers (a 300 dpi page's pixels are 35 MiB) behind small JavaScript objects, and V8,
 * which sees only the small objects, let hundreds of MiB of dropped pages wait for a collection.
 * Collecting around each OCR page (tens of milliseconds against seconds of OCR) kept a crawl's peak
 * 190 MiB lower. `gc` is exposed the way test runners do it (jest's leak detector): the flag, then
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
