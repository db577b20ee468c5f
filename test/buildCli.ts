import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Vitest global setup: the end-to-end tests run bin/yusuan.js, which runs the compiled CLI, so
 * the sources are compiled once (to dist/) before any test file starts.
 */
export default function setup(): void {
  const typescript = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  execFileSync(process.execPath, [join(typescript, 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
