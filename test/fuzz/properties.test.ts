import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from './properties.ts';

/**
 * The property tests at CI size; `npm run fuzz -- --seconds 300` runs the same properties for
 * longer. A failure prints fast-check's shrunk counterexample and the seed to replay it.
 */
describe('readers and normalizers on arbitrary input', () => {
  for (const p of PROPERTIES) {
    it(p.name, { timeout: 120_000 }, async () => {
      await fc.assert(p.property, { numRuns: p.testRuns });
    });
  }
});
