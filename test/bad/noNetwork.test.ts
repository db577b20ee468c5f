import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('reads a text-layer PDF and OCRs a scanned page with no network access at all', async () => {
  const out = mkdtempSync(join(tmpdir(), 'yusuan-offline-'));
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--import',
        './test/bad/noNetwork.mjs',
        'bin/yusuan.js',
        'extract',
        'test/fixtures/pdf/002_a3edc1729d60384f.pdf',
        'test/fixtures/scan/images/004_15f2cd45d2b48077-p03-300dpi.png',
        '--out',
        out,
        '--ocr-workers',
        '1',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stderr).not.toMatch(/NETWORK ATTEMPT/);
    expect(stdout).toMatch(/2 documents: 2 ok/);
    const documents = readFileSync(join(out, 'documents.csv'), 'utf8');
    expect(documents).toMatch(/004_15f2cd45d2b48077-p03-300dpi,.*,ok,/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 180_000);
