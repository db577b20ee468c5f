/**
 * npm run fuzz -- --seconds 300 — the property tests of test/fuzz/properties.ts run for as long as
 * they are given (the time split evenly between the properties), instead of the few hundred runs
 * of `npm test`. Prints the runs per property; on a failure, fast-check's shrunk counterexample and
 * the seed and path that replay it (`--seed S --path P`), and exits 1.
 *
 *   npm run fuzz -- --seconds 300 [--only NAME-SUBSTRING] [--seed S]
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { shutdownOcr } from '../src/readers/ocr/engine.ts';
import { PROPERTIES } from '../test/fuzz/properties.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    only: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`fuzz: --seconds takes a number > 0, not "${values.seconds}"`);
  process.exit(2);
}
const chosen = PROPERTIES.filter((p) => !values.only || p.name.includes(values.only));
const share = (seconds * 1000) / Math.max(1, chosen.length);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() ^ (Math.random() * 0x7fffffff);
console.log(`fuzzing ${chosen.length} properties for ${seconds} s (seed ${seed})\n`);

let failed = 0;
for (const p of chosen) {
  const started = performance.now();
  const result = await fc.check(p.property, {
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: share,
    markInterruptAsFailure: false,
    // A run that takes this long is a hang: the property fails with its input.
    timeout: 60_000,
    seed,
    ...(values.path ? { path: values.path } : {}),
  });
  const took = ((performance.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    console.log(`✗ ${p.name}: failed after ${result.numRuns} runs (${took} s)`);
    console.log(fc.defaultReportMessage(result) ?? '');
  } else {
    console.log(`✓ ${p.name}: ${result.numRuns} runs, ${took} s`);
  }
}
await shutdownOcr();
console.log(failed === 0 ? '\nno failures' : `\n${failed} properties failed`);
process.exitCode = failed === 0 ? 0 : 1;
