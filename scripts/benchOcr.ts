import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OCR_ENGINES } from '../src/readers/ocr/engine.ts';
import { wallSeconds } from './benchCli.ts';
import { type NativeOcrTiming, nativeTesseract } from './benchNativeOcr.ts';

/**
 * The bench's OCR rows: seed 002's 5-page scan read by each engine through the built CLI, as a
 * user runs it (`yusuan extract SCAN --ocr always`: process start, rendering, cleaning, OCR, the
 * tables and the dump, in wall time), at 1 and 2 OCR workers; each engine's own recognition time
 * (scripts/bench-ocr.ts); and native tesseract on the same pages, its runs alternating with the
 * engines' 1-worker runs so that both see the same machine (best of `rounds` for each): an
 * engine's own time against native recognition, yusuan's whole run against native tesseract's
 * from the PDF (pdftoppm, then tesseract), both timed.
 */

const SCAN = 'test/fixtures/scan/clean/002_a3edc1729d60384f-scan300.pdf';

interface CliOcrRun {
  readonly seconds: number;
  readonly pages: number;
  readonly amounts: number;
  readonly peakRssMib: number;
}

function cliRun(engine: string, workers: number): CliOcrRun {
  const out = mkdtempSync(join(tmpdir(), 'yusuan-bench-ocr-'));
  try {
    // As many pages at once as workers: tesseract.js's workers read a page each.
    const args = ['bin/yusuan.js', 'extract', SCAN, '--out', out, '--json', '--ocr', 'always'];
    const each = ['--ocr-workers', String(workers), '--ocr-concurrency', String(workers)];
    let stdout = '';
    const seconds = wallSeconds(() => {
      stdout = execFileSync(process.execPath, [...args, ...each, '--ocr-engine', engine], {
        encoding: 'utf8',
      });
    });
    const run = JSON.parse(stdout) as { documents: { line_items: number }[]; peak_rss_mib: number };
    const [json] = readdirSync(join(out, 'json'));
    const doc = JSON.parse(readFileSync(join(out, 'json', json!), 'utf8')) as { metadata: { pages: number } };
    return {
      seconds,
      pages: doc.metadata.pages,
      amounts: run.documents[0]?.line_items ?? 0,
      peakRssMib: run.peak_rss_mib,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The engine's own time at 1 worker: its two methods timed inside one extraction (bench-ocr.ts). */
function engineSecondsPerPage(engine: string): number {
  const args = ['--import', 'tsx', 'scripts/bench-ocr.ts', '1', SCAN, engine];
  const r = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as {
    engine_seconds: number;
    pages: number;
  };
  return r.engine_seconds / r.pages;
}

function row(engine: string, workers: number, r: CliOcrRun): string {
  return `ocr    ${engine.padEnd(9)} yusuan extract ${SCAN} --ocr always (${r.pages} pages, 300 dpi) at ${workers} worker(s): ${(r.seconds / r.pages).toFixed(2)} s/page, ${r.seconds.toFixed(1)} s in all (process start included), ${r.amounts} amounts, peak RSS ${r.peakRssMib} MiB`;
}

/** Each of the two timings at its best over runs. */
const bestOf = (a: NativeOcrTiming, b: NativeOcrTiming): NativeOcrTiming => ({
  ...a,
  seconds: Math.min(a.seconds, b.seconds),
  renderSeconds: Math.min(a.renderSeconds, b.renderSeconds),
});

export function benchOcr(rounds: number): void {
  const best: Record<string, CliOcrRun> = {};
  let native: NativeOcrTiming | undefined;
  let nativeMissing = false;
  for (let r = 0; r < Math.max(1, rounds); r++) {
    for (const engine of OCR_ENGINES) {
      const run = cliRun(engine, 1);
      if (!best[engine] || run.seconds < best[engine].seconds) best[engine] = run;
    }
    const n = nativeMissing ? undefined : nativeTesseract(SCAN);
    if (!n) nativeMissing = true;
    else native = native ? bestOf(native, n) : n;
  }
  for (const engine of OCR_ENGINES) {
    console.log(row(engine, 1, best[engine]!));
    console.log(row(engine, 2, cliRun(engine, 2)));
  }
  const own = Object.fromEntries(OCR_ENGINES.map((e) => [e, engineSecondsPerPage(e)]));
  for (const engine of OCR_ENGINES)
    console.log(
      `ocr    ${engine.padEnd(9)} its own recognition at 1 worker (pages and re-read crops): ${own[engine]!.toFixed(2)} s/page`,
    );
  if (!native) {
    console.log('ocr    native tesseract (reference): not installed, skipped');
    return;
  }
  const recognition = native.seconds / native.pages;
  const fromPdf = (native.seconds + native.renderSeconds) / native.pages;
  const ratios = OCR_ENGINES.map((e) => {
    const whole = best[e]!.seconds / best[e]!.pages;
    return `${e} ${(whole / fromPdf).toFixed(2)}× from the PDF, ${(own[e]! / recognition).toFixed(2)}× recognition against recognition (${(whole / recognition).toFixed(2)}× its whole run against native recognition alone)`;
  });
  console.log(
    `ocr    native ${native.version} (reference: 1 thread, chi_sim+eng; best of ${Math.max(1, rounds)}, alternating with the 1-worker runs): recognition ${recognition.toFixed(2)} s/page, from the PDF (pdftoppm -r 300 -gray, then tesseract) ${fromPdf.toFixed(2)} s/page; ${ratios.join('; ')} (target ≤ 1.3×)`,
  );
}
