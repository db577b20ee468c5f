#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm install` / `npm ci` run through
// `prepare`). Compiling TypeScript at every start cost seconds; the built JavaScript starts at once.
import { existsSync } from 'node:fs';
import { constants } from 'node:os';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('yusuan: the compiled CLI is missing (dist/); run npm run build\n');
  process.exit(1);
}

// glibc gives the threads that allocate their own malloc arenas (up to eight per core) and keeps
// what is freed in each: after a scanned page, its image buffers and OCR tensors stayed in the
// arena of the thread that read it, beside the next file's work in another. With one arena the
// five real scans of the crawl, read at concurrency 2, peaked at 851 MiB instead of 1,128, in the
// same time. glibc reads the variable only as a process starts, so `run` and `extract` start
// themselves again with it set (a set variable, even empty, is left as the user set it).
const READS_FILES = new Set(['run', 'extract']);
if (
  process.platform === 'linux' &&
  process.env.MALLOC_ARENA_MAX === undefined &&
  READS_FILES.has(process.argv[2])
) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MALLOC_ARENA_MAX: '1' },
  });
  // A signal to this process is passed on, and this one waits for the run to end (Ctrl-C reaches
  // both from the terminal; a second SIGINT to a run that is stopping changes nothing).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`yusuan: cannot start: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
  });
} else {
  await import(entry.href);
}
