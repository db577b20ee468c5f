#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm install` / `npm ci` run through
// `prepare`). Compiling TypeScript at every start cost seconds; the built JavaScript starts at once.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('yusuan: the compiled CLI is missing (dist/); run npm run build\n');
  process.exit(1);
}
await import(entry.href);
