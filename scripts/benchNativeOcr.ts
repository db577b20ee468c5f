import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The OCR bench's reference: native tesseract (Debian's `tesseract-ocr` and `tesseract-ocr-chi-sim`,
 * a measuring tool like pdftotext, never a dependency of yusuan) on the same pages, rendered at
 * 300 dpi by pdftoppm, one thread (`OMP_THREAD_LIMIT=1`), `chi_sim+eng`, automatic page layout.
 * Recognition and rendering are timed apart: recognition alone is the reference for an engine's
 * own time, rendering plus recognition (what a user of native tesseract runs on a scanned PDF) for
 * yusuan's time from the PDF to its output.
 */

export interface NativeOcrTiming {
  readonly version: string;
  readonly pages: number;
  /** Recognition of the rendered pages. */
  readonly seconds: number;
  /** pdftoppm rendering the PDF's pages at 300 dpi, grey. */
  readonly renderSeconds: number;
}

function installed(command: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}

/** `undefined` when tesseract (with chi_sim) or pdftoppm is not installed. */
export function nativeTesseract(scan: string): NativeOcrTiming | undefined {
  const version = installed('tesseract', ['--version'])?.split('\n')[0]?.trim();
  const languages = installed('tesseract', ['--list-langs']) ?? '';
  if (!version || !/^chi_sim$/mu.test(languages) || installed('pdftoppm', ['-v']) === undefined)
    return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-bench-ocr-'));
  try {
    const r0 = process.hrtime.bigint();
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', scan, join(dir, 'page')]);
    const renderSeconds = Number(process.hrtime.bigint() - r0) / 1e9;
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const t0 = process.hrtime.bigint();
    for (const page of pages)
      execFileSync('tesseract', [join(dir, page), 'stdout', '-l', 'chi_sim+eng', '--psm', '3'], {
        env,
        stdio: ['ignore', 'ignore', 'ignore'],
      });
    return {
      version,
      pages: pages.length,
      seconds: Number(process.hrtime.bigint() - t0) / 1e9,
      renderSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
