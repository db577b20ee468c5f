/**
 * One OCR measurement in a process of its own, so that its peak memory is OCR's and nothing
 * else's (run by npm run bench; prints one JSON line):
 *
 *   tsx scripts/bench-ocr.ts WORKERS [SCAN.pdf] [ENGINE] [timed]
 */
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../src/pipeline/findInputs.ts';
import {
  DEFAULT_OCR_ENGINE,
  isOcrEngineName,
  type OcrEngine,
  sharedOcrEngine,
  shutdownOcr,
} from '../src/readers/ocr/engine.ts';
import { localOcrGate, useOcrGate } from '../src/readers/ocr/ocrGate.ts';

const workers = Number(process.argv[2] ?? '1');
const scan = process.argv[3] ?? 'test/fixtures/scan/clean/002_a3edc1729d60384f-scan300.pdf';
const engine = process.argv[4] ?? DEFAULT_OCR_ENGINE;
if (!isOcrEngineName(engine)) throw new Error(`no OCR engine "${engine}"`);
// As many pages at once as workers (`--ocr-concurrency`): the row measures what N workers buy.
useOcrGate(localOcrGate(workers));
// With `timed`, the engine's own time too (pages and crops recognised), as native tesseract's row
// measures only its recognition: the pipeline asks the shared engine, so timing its two methods
// is enough. A run of its own: starting the engine ahead of the pages moves the peak RSS.
let engineSeconds = 0;
const timed =
  <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const start = process.hrtime.bigint();
    try {
      return await read(...args);
    } finally {
      engineSeconds += Number(process.hrtime.bigint() - start) / 1e9;
    }
  };
if (process.argv[5] === 'timed') {
  const shared = (await sharedOcrEngine(workers, engine)) as {
    -readonly [K in keyof OcrEngine]: OcrEngine[K];
  };
  shared.recognizePage = timed(shared.recognizePage.bind(shared));
  shared.recognizeCrop = timed(shared.recognizeCrop.bind(shared));
}
const t0 = process.hrtime.bigint();
const doc = await extractDocument(
  readFileSync(scan),
  { documentId: documentIdOf(scan), sourceFile: scan },
  { ocr: 'always', ocrWorkers: workers, ocrEngine: engine },
);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
await shutdownOcr();
console.log(
  JSON.stringify({
    scan,
    engine,
    workers,
    pages: doc.metadata.pages ?? 0,
    amounts: doc.line_items.length,
    seconds,
    engine_seconds: engineSeconds,
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
