import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The CLI as a user runs it, each call a new process: start-up (`yusuan --version`) and a set of
 * laid-out budget PDFs extracted by one `yusuan extract`, beside `pdftotext -layout` on the same
 * files in the same run (one process per file, as a script would call it).
 */

/** Seeds 000, 001, 002 and 004 drawn as laid-out PDFs (15 + 6 + 5 + 15 = 41 pages). */
export const LAID_OUT_SET = [
  '000_b0eb34479b848794',
  '001_1c3d2c2c6bd79ef7',
  '002_a3edc1729d60384f',
  '004_15f2cd45d2b48077',
].map((id) => `test/fixtures/pdf/${id}.pdf`);

export function wallSeconds(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `yusuan --version` over `calls` processes. */
export function startupSeconds(calls = 7): number {
  const times = Array.from({ length: calls }, () =>
    wallSeconds(() => execFileSync(process.execPath, ['bin/yusuan.js', '--version'])),
  );
  return median(times);
}

export interface LaidOutResult {
  readonly pages: number;
  readonly yusuanSeconds: number;
  readonly popplerSeconds: number | undefined;
}

function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The laid-out set through one `yusuan extract`, beside `pdftotext -layout`. */
export function laidOutSet(rounds = 3): LaidOutResult | undefined {
  return extractBesidePoppler(LAID_OUT_SET, 41, rounds);
}

/**
 * PDFs through one `yusuan extract` process (start-up included) and through `pdftotext -layout`
 * (a process per file): best of `rounds` for each tool, alternating, so both see the same machine
 * load. `pages` is used when poppler (pdfinfo) is not installed to count them.
 */
export function extractBesidePoppler(
  files: readonly string[],
  pages: number,
  rounds = 3,
): LaidOutResult | undefined {
  if (!files.every(existsSync)) return undefined;
  const poppler = hasPoppler();
  const out = mkdtempSync(join(tmpdir(), 'yusuan-bench-'));
  let yusuan = Number.POSITIVE_INFINITY;
  let layout = Number.POSITIVE_INFINITY;
  try {
    for (let r = 0; r < rounds; r++) {
      const args = ['bin/yusuan.js', 'extract', ...files, '--out', out, '--quiet'];
      yusuan = Math.min(
        yusuan,
        wallSeconds(() => execFileSync(process.execPath, args)),
      );
      if (poppler)
        layout = Math.min(
          layout,
          wallSeconds(() => {
            for (const pdf of files) execFileSync('pdftotext', ['-layout', pdf, '/dev/null']);
          }),
        );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const counted = poppler ? files.reduce((n, pdf) => n + pageCount(pdf), 0) : pages;
  return { pages: counted, yusuanSeconds: yusuan, popplerSeconds: poppler ? layout : undefined };
}
