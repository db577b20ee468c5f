import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tmp.ts';

const run = promisify(execFile);

/** Modules a command must not load unless its work needs them (start-up time is in npm run bench). */
const HEAVY = ['pdfjs-dist', 'tesseract.js', '@napi-rs/canvas', 'better-sqlite3', 'utif2', 'tsx'];

// A loader hook (it runs on node's loader thread) that reports every module URL resolved.
const HOOKS = `data:text/javascript,${encodeURIComponent(
  "export async function resolve(s, c, n) { const r = await n(s, c); process._rawDebug('loaded ' + r.url); return r; }",
)}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(HOOKS)});`,
)}`;

/** The modules the built CLI loads when run with `args`. */
async function loadedModules(args: string[]): Promise<string[]> {
  const { stderr } = await run(process.execPath, ['--import', REGISTER, 'bin/yusuan.js', ...args]);
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded '))
    .map((line) => line.slice('loaded '.length));
}

function heavyIn(loaded: readonly string[]): string[] {
  return loaded.filter((url) => HEAVY.some((name) => url.includes(`/node_modules/${name}/`)));
}

describe('CLI start-up', () => {
  it.each([
    [['--version']],
    [['--help']],
  ])('%j runs the compiled CLI and loads no heavy module', async (args) => {
    const loaded = await loadedModules(args);
    expect(loaded.some((url) => url.endsWith('/dist/src/cli/main.js'))).toBe(true);
    expect(heavyIn(loaded)).toEqual([]);
  });

  it('a text file is extracted without pdf.js, OCR or SQLite', async () => {
    const out = tempDir('startup');
    const loaded = await loadedModules([
      'extract',
      '--in-process',
      '--quiet',
      'seeds/004_15f2cd45d2b48077.txt',
      '--out',
      out,
    ]);
    expect(loaded.some((url) => url.includes('/dist/src/readers/textReader.js'))).toBe(true);
    expect(heavyIn(loaded)).toEqual([]);
  });

  it('prints the package version', async () => {
    const { stdout } = await run(process.execPath, ['bin/yusuan.js', '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
