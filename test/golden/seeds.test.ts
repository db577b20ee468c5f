import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../src/eval/evaluate.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../../src/pipeline/findInputs.ts';

/**
 * Golden tests: every seed against its hand-verified gold (test/gold/). One test per seed, so one
 * failure does not hide the others; a seed without gold fails.
 */

const SEEDS = readdirSync('seeds')
  .filter((f) => !f.startsWith('.'))
  .sort();
const GOLD = 'test/gold';

async function extract(file: string, genericOnly = false) {
  const path = join('seeds', file);
  return extractDocument(
    readFileSync(path),
    { documentId: documentIdOf(path), sourceFile: path },
    { genericOnly },
  );
}

function mismatches(m: { missing: readonly string[]; unexpected: readonly string[] } | undefined): string[] {
  if (!m) return [];
  return [...m.missing.map((k) => `missing    ${k}`), ...m.unexpected.map((k) => `unexpected ${k}`)].slice(
    0,
    20,
  );
}

describe.each(SEEDS)('seed %s', (file) => {
  const id = documentIdOf(file);

  it('has hand-verified gold for line items, indicators and tables', () => {
    for (const part of ['line_items', 'indicators', 'tables']) {
      expect(existsSync(join(GOLD, `${id}.${part}.csv`)), `${GOLD}/${id}.${part}.csv`).toBe(true);
    }
  });

  it('extracts every amount exactly as the gold says', async () => {
    const evaluation = evaluateDocument(await extract(file), { goldDir: GOLD });
    expect(evaluation, `no gold for ${basename(file)}`).toBeDefined();
    expect(mismatches(evaluation?.lineItems)).toEqual([]);
  });

  it('extracts every indicator exactly as the gold says', async () => {
    const evaluation = evaluateDocument(await extract(file), { goldDir: GOLD });
    expect(mismatches(evaluation?.indicators)).toEqual([]);
  });

  it('finds every table with its kind', async () => {
    const evaluation = evaluateDocument(await extract(file), { goldDir: GOLD });
    expect(mismatches(evaluation?.tables)).toEqual([]);
  });
});
