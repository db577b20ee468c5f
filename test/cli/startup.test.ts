import { execFile, spawn } from 'node:child_process';
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

  describe.runIf(process.platform === 'linux')('one malloc arena for the commands that read files', () => {
    // A module preloaded in every process and thread started: it says what MALLOC_ARENA_MAX its
    // process was given. The processes are told apart by pid (threads share their process's).
    const SAY = `data:text/javascript,${encodeURIComponent("process._rawDebug('arenas=' + process.env.MALLOC_ARENA_MAX + ' pid=' + process.pid)")}`;
    const env = (value?: string) => {
      const { MALLOC_ARENA_MAX: _, ...rest } = process.env;
      return value === undefined ? rest : { ...rest, MALLOC_ARENA_MAX: value };
    };
    /** Each process's MALLOC_ARENA_MAX, in the order the processes started. */
    const processes = (stderr: string) => {
      const byPid = new Map<string, string>();
      for (const [, value, pid] of stderr.matchAll(/^arenas=(\S+) pid=(\d+)$/gm))
        byPid.set(pid!, `arenas=${value}`);
      return [...byPid.values()];
    };
    const extract = (out: string) => ['extract', '--quiet', 'seeds/004_15f2cd45d2b48077.txt', '--out', out];

    it('extract starts itself again with MALLOC_ARENA_MAX=1', async () => {
      const { stderr } = await run(
        process.execPath,
        ['--import', SAY, 'bin/yusuan.js', ...extract(tempDir('arena'))],
        {
          env: env(),
        },
      );
      expect(processes(stderr)).toEqual(['arenas=undefined', 'arenas=1']);
    });

    it('a value the user set is kept, and --version starts once', async () => {
      const kept = await run(
        process.execPath,
        ['--import', SAY, 'bin/yusuan.js', ...extract(tempDir('arena'))],
        {
          env: env('4'),
        },
      );
      expect(processes(kept.stderr)).toEqual(['arenas=4']);
      const version = await run(process.execPath, ['--import', SAY, 'bin/yusuan.js', '--version'], {
        env: env(),
      });
      expect(processes(version.stderr)).toEqual(['arenas=undefined']);
    });

    it('the exit code is the run’s', async () => {
      const missing = ['extract', '--quiet', 'no/such/file.pdf', '--out', tempDir('arena')];
      const code = async (value?: string) =>
        run(process.execPath, ['bin/yusuan.js', ...missing], { env: env(value) }).then(
          () => 0,
          (error: { code?: number }) => error.code,
        );
      const direct = await code('1');
      expect(direct).not.toBe(0);
      expect(await code()).toBe(direct);
    });

    it('a SIGTERM to the command stops the run it started, and the command ends with it', async () => {
      const args = ['bin/yusuan.js', 'run', 'test/fixtures/pdf', '--out', tempDir('arena'), '--force'];
      const child = spawn(process.execPath, args, { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
      // The run has started (its progress or first file) before it is told to stop.
      await new Promise((resolve) => child.stderr.once('data', resolve));
      const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await ended).toBe(128 + 15);
    }, 60_000);
  });
});
