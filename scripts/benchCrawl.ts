import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { findInputs } from '../src/pipeline/findInputs.ts';

/**
 * `yusuan run` over the real crawl (../shared/realdocs/renwu) as a user runs it: one CLI process at
 * concurrency 2, its own --json figures (wall seconds; peak RSS of the process, which holds the
 * extraction threads and the OCR threads: the whole tree, as no child process is started), and the
 * pages it read per second. Skipped when the crawl is absent; `limit` takes the first N files.
 */

export const CRAWL = '../shared/realdocs/renwu';

export interface CrawlResult {
  readonly files: number;
  readonly pages: number;
  readonly seconds: number;
  readonly peakRssMib: number;
  readonly failed: number;
}

/** A folder of links to the first `limit` inputs (sorted as the run sorts them). */
async function firstFiles(limit: number, scratch: string): Promise<string> {
  const { inputs } = await findInputs([CRAWL]);
  const folder = join(scratch, 'inputs');
  mkdirSync(folder);
  for (const input of inputs.slice(0, limit)) {
    // The folder structure is kept in the link's name: two cities name their files alike.
    const name = relative(CRAWL, input.path).replaceAll('/', '_') || basename(input.path);
    symlinkSync(resolve(input.path), join(folder, name));
  }
  return folder;
}

function pagesOf(dump: string): number {
  const rows = Papa.parse<{ pages: string }>(readFileSync(join(dump, 'documents.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return rows.reduce((n, r) => n + (Number(r.pages) || 0), 0);
}

export async function crawlRun(limit: number | undefined): Promise<CrawlResult | undefined> {
  if (!existsSync(CRAWL)) return undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'yusuan-crawl-'));
  try {
    const input = limit === undefined ? CRAWL : await firstFiles(limit, scratch);
    const out = join(scratch, 'out');
    const t0 = process.hrtime.bigint();
    const stdout = execFileSync(
      process.execPath,
      ['bin/yusuan.js', 'run', input, '--out', out, '--concurrency', '2', '--json'],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const run = JSON.parse(stdout) as { inputs: number; peak_rss_mib: number; failed: number };
    return {
      files: run.inputs,
      pages: pagesOf(out),
      seconds,
      peakRssMib: run.peak_rss_mib,
      failed: run.failed,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
