/**
 * npm run bench — extraction speed, measured here and never in a timed test.
 *
 *   startup: `yusuan --version`, median wall time of 7 processes (the built CLI; dist/ is built first).
 *   laid-out: seeds 000, 001, 002, 004 as PDFs (41 pages) through one `yusuan extract` process, start-up
 *         included, beside `pdftotext -layout` on the same files in the same run (pages/s and ratio);
 *         the same for the real 85-page Beijing report when ../shared/realdocs is present.
 *   crawl: `yusuan run` over the real crawl (../shared/realdocs/renwu) at concurrency 2: seconds,
 *         pages/s and the run's peak RSS (the whole process: extraction and OCR threads); skipped
 *         when the crawl is absent; --crawl N takes its first N files, --no-crawl skips it.
 *   scaling: one long line, a long run of spaces in a line, a table of many rows, each at n and 10 n;
 *         the time ratio should stay ≤ 12× (--no-scaling skips it).
 *   text: the five seed dumps extracted repeatedly in one process (documents/s, ms per document)
 *   pdf:  test/fixtures/bench/bench-pdf.pdf (≈110 pages) end to end, one process, one core
 *         (pages/s), next to `pdftotext -layout` on the same file when poppler is installed;
 *         the same for the real 85-page Beijing report when ../shared/realdocs is present.
 *   ocr:  the 5-page scan of seed 002 (test/fixtures/scan/clean) through `yusuan extract --ocr
 *         always` with each OCR engine (tesseract.js, PP-OCR) at 1 and 2 OCR workers (seconds per
 *         page, process start included, and the process's peak RSS), each engine's own
 *         recognition time, beside native tesseract on the same pages when it is installed, its
 *         runs alternating with the 1-worker runs (benchOcr.ts; --no-ocr skips it).
 *   batch: `yusuan run` (the CLI, in a child process) over a generated corpus of --docs text
 *         documents (default 2000) at concurrency 1 and 2, a no-change re-run, and the run's
 *         peak RSS at 500 and at --docs documents (--no-batch skips it).
 *
 * Prints one line per measurement and the peak resident memory of the process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { documentIdOf, findInputs } from '../src/pipeline/findInputs.ts';
import { extractBesidePoppler, laidOutSet, startupSeconds } from './benchCli.ts';
import { CRAWL, crawlRun } from './benchCrawl.ts';
import { benchOcr } from './benchOcr.ts';
import { measureScaling, SHAPES } from './benchScaling.ts';
import { buildDist } from './buildDist.ts';
import { makeCorpus } from './make-corpus.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    'no-ocr': { type: 'boolean', default: false },
    'no-batch': { type: 'boolean', default: false },
    'no-scaling': { type: 'boolean', default: false },
    'no-crawl': { type: 'boolean', default: false },
    crawl: { type: 'string' },
    docs: { type: 'string', default: '2000' },
  },
});
const rounds = Number(values.rounds);

buildDist();
console.log(
  `start  yusuan --version: ${startupSeconds().toFixed(3)} s (median of 7 processes; target < 0.4 s)`,
);
const BEIJING =
  '../shared/realdocs/renwu/002_北京/政务服务和数据管理局_附件2：北京市政务服务和数据管理局2026年度部门预算报表.pdf';
function printBesidePoppler(label: string, r: ReturnType<typeof laidOutSet>): void {
  if (!r) {
    console.log(`pdf    ${label}: not present, skipped`);
    return;
  }
  const rate = r.pages / r.yusuanSeconds;
  const poppler =
    r.popplerSeconds === undefined
      ? 'pdftotext not installed'
      : `pdftotext -layout ${(r.pages / r.popplerSeconds).toFixed(1)} pages/s, ratio ${(r.pages / r.popplerSeconds / rate).toFixed(1)}×`;
  console.log(
    `pdf    ${label} (${r.pages} pages), one yusuan extract, start-up included: ${r.yusuanSeconds.toFixed(2)} s, ${rate.toFixed(1)} pages/s; ${poppler}`,
  );
}
printBesidePoppler('laid-out set, 4 PDFs', laidOutSet());
printBesidePoppler('Beijing report (real)', extractBesidePoppler([BEIJING], 85));
if (!values['no-crawl']) {
  const limit = values.crawl === undefined ? undefined : Number(values.crawl);
  const r = await crawlRun(limit);
  console.log(
    r
      ? `crawl  yusuan run ${CRAWL}${limit === undefined ? '' : ` (first ${limit} files)`}, concurrency 2: ${r.files} files, ${r.pages} pages in ${r.seconds.toFixed(1)} s = ${(r.pages / r.seconds).toFixed(1)} pages/s (process start and publishing included), ${r.failed} failed; peak RSS ${r.peakRssMib} MiB (whole process: extraction and OCR threads; target < 1024)`
      : `crawl  ${CRAWL} not present, skipped`,
  );
}
if (!values['no-scaling'])
  for (const shape of SHAPES) {
    const r = await measureScaling(shape);
    console.log(
      `scale  ${r.label}: ${r.small} ${r.seconds[0].toFixed(3)} s → ${r.large} ${r.seconds[1].toFixed(3)} s CPU = ${r.ratio.toFixed(1)}× (target ≤ 12×)`,
    );
  }

const { inputs } = await findInputs(['seeds']);
const files = inputs.map((i) => ({ path: i.path, bytes: readFileSync(i.path) }));
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

// Warm up the JIT and module graph once; the first document of a process pays for both.
for (const f of files)
  await extractDocument(f.bytes, { documentId: documentIdOf(f.path), sourceFile: f.path });

const started = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const f of files)
    await extractDocument(f.bytes, { documentId: documentIdOf(f.path), sourceFile: f.path });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const documents = rounds * files.length;
console.log(
  `text   ${documents} documents (${files.length} seeds × ${rounds}), ${(bytes / 1024).toFixed(0)} KiB each round: ` +
    `${(documents / seconds).toFixed(1)} documents/s, ${((seconds / documents) * 1000).toFixed(1)} ms/document, ` +
    `${((bytes * rounds) / 1024 / 1024 / seconds).toFixed(2)} MiB/s (one core)`,
);
async function benchPdf(label: string, path: string): Promise<void> {
  if (!existsSync(path)) {
    console.log(`pdf    ${label}: not present, skipped`);
    return;
  }
  const bytes = readFileSync(path);
  await extractDocument(bytes, { documentId: 'warm', sourceFile: path }); // warm-up: pdf.js start-up
  const t0 = process.hrtime.bigint();
  const doc = await extractDocument(bytes, { documentId: 'bench', sourceFile: path });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const pages = doc.metadata.pages ?? 0;
  let poppler = 'pdftotext not installed';
  try {
    const p0 = process.hrtime.bigint();
    execFileSync('pdftotext', ['-layout', path, '/dev/null']);
    const ps = Number(process.hrtime.bigint() - p0) / 1e9;
    poppler = `pdftotext -layout ${(pages / ps).toFixed(1)} pages/s`;
  } catch {
    // poppler is a developer tool, not a dependency
  }
  console.log(
    `pdf    ${label}: ${pages} pages, ${doc.line_items.length} amounts in ${s.toFixed(2)} s: ${(pages / s).toFixed(1)} pages/s end to end (one core); ${poppler}`,
  );
}

await benchPdf('fixture', 'test/fixtures/bench/bench-pdf.pdf');
await benchPdf(
  'Beijing 85-page report',
  '../shared/realdocs/renwu/002_北京/政务服务和数据管理局_附件2：北京市政务服务和数据管理局2026年度部门预算报表.pdf',
);

if (!values['no-ocr']) benchOcr(rounds);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

interface RunJson {
  seconds: number;
  peak_rss_mib: number;
  added: number;
  unchanged: number;
}

function yusuanRun(corpus: string, out: string, concurrency: number): RunJson {
  const stdout = execFileSync(
    process.execPath,
    ['bin/yusuan.js', 'run', corpus, '--out', out, '--concurrency', String(concurrency), '--json'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as RunJson;
}

if (!values['no-batch']) {
  const docs = Number(values.docs);
  const corpus = 'output/bench-corpus';
  const small = 'output/bench-corpus-500';
  await makeCorpus(corpus, docs, { seed: 7 });
  await makeCorpus(small, 500, { seed: 7 });
  const out = 'output/bench-run';
  const rate: Record<number, number> = {};
  for (const concurrency of [1, 2]) {
    rmSync(out, { recursive: true, force: true });
    const t0 = process.hrtime.bigint();
    const r = yusuanRun(corpus, out, concurrency);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rate[concurrency] = docs / s;
    console.log(
      `batch  ${docs} text documents, concurrency ${concurrency}: ${s.toFixed(1)} s (${rate[concurrency]!.toFixed(1)} docs/s, process start included), peak RSS ${r.peak_rss_mib} MiB`,
    );
  }
  console.log(`batch  parallel speed-up at 2 threads: ${(rate[2]! / rate[1]!).toFixed(2)}×`);
  const first = docs / rate[2]!;
  const t0 = process.hrtime.bigint();
  const again = yusuanRun(corpus, out, 2);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `batch  no-change re-run: ${s.toFixed(2)} s (${again.unchanged} unchanged) = ${((100 * s) / first).toFixed(1)}% of the first run (target < 5%)`,
  );
  rmSync(out, { recursive: true, force: true });
  const r500 = yusuanRun(small, out, 2);
  console.log(`batch  peak RSS: ${r500.peak_rss_mib} MiB at 500 documents; see above for ${docs}`);
  rmSync(out, { recursive: true, force: true });
}
