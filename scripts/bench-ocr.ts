/**
 * An OCR engine's own time on a scan, in a process of its own (run by npm run bench, whose other
 * OCR rows time the built CLI; prints one JSON line). The pipeline asks the shared engine, so
 * timing its two methods is the time of every page and re-read crop recognised — what native
 * tesseract's recognition-only row is set against:
 *
 *   tsx scripts/bench-ocr.ts WORKERS [SCAN.pdf] [ENGINE]
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
const shared = (await sharedOcrEngine(workers, engine)) as {
  -readonly [K in keyof OcrEngine]: OcrEngine[K];
};
shared.recognizePage = timed(shared.recognizePage.bind(shared));
shared.recognizeCrop = timed(shared.recognizeCrop.bind(shared));
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
