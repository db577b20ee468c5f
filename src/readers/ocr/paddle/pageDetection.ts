import type { InferenceSession } from 'onnxruntime-node';
import type { GreyImage } from '../raster.ts';
import { detectLines } from './detect.ts';
import type { LineBox } from './words.ts';

/**
 * Text detection whose session lives while pages and their crops are read (a block crop is
 * detected too) and goes with the last of them; a crop read outside a page releases it at once.
 * Its activations take 200–250 MiB even run in strips, which onnxruntime's arena serves twice as
 * fast as malloc (a scan read in 19 s instead of 30); releasing the session gives the arena back,
 * so no page's peak stays allocated beside the next file's work. Making it costs 55 ms, once a
 * page rather than once for the page and once for each block crop.
 */
export interface PageDetection {
  /** A page is being read: the session stays until `endPage`. */
  beginPage(): void;
  findLines(image: GreyImage): Promise<LineBox[]>;
  endPage(): Promise<void>;
  release(): Promise<void>;
}

export function pageDetection(
  ort: typeof import('onnxruntime-node'),
  model: string,
  options: InferenceSession.SessionOptions,
): PageDetection {
  let session: Promise<InferenceSession> | undefined;
  let pagesOpen = 0;
  const release = async () => {
    const made = session;
    session = undefined;
    // A session that could not be made has nothing to release: its error was the page's.
    if (made)
      await made.then(
        (s) => s.release(),
        () => undefined,
      );
  };
  return {
    beginPage() {
      pagesOpen++;
    },
    async findLines(image) {
      session ??= ort.InferenceSession.create(model, { ...options, enableCpuMemArena: true });
      try {
        return await detectLines(ort, await session, image);
      } finally {
        if (pagesOpen === 0) await release();
      }
    },
    async endPage() {
      pagesOpen = Math.max(0, pagesOpen - 1);
      if (pagesOpen === 0) await release();
    },
    release,
  };
}
