/**
 * One OCR measurement in a process of its own, so that its peak memory is OCR's and nothing
 * else's (run by npm run bench; prints one JSON line):
 *
 *   tsx scripts/bench-ocr.ts WORKERS [SCAN.pdf] [ENGINE]
 */
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../src/pipeline/findInputs.ts';
import { DEFAULT_OCR_ENGINE, isOcrEngineName, shutdownOcr } from '../src/readers/ocr/engine.ts';
import { localOcrGate, useOcrGate } from '../src/readers/ocr/ocrGate.ts';

const workers = Number(process.argv[2] ?? '1');
const scan = process.argv[3] ?? 'test/fixtures/scan/clean/002_a3edc1729d60384f-scan300.pdf';
const engine = process.argv[4] ?? DEFAULT_OCR_ENGINE;
if (!isOcrEngineName(engine)) throw new Error(`no OCR engine "${engine}"`);
// As many pages at once as workers (`--ocr-concurrency`): the row measures what N workers buy.
useOcrGate(localOcrGate(workers));
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
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
