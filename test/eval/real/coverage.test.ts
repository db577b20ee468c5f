import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../../schemas/document.ts';
import { checkCoverage } from '../../../src/eval/real/coverage.ts';
import { extractDocument } from '../../../src/pipeline/extractDocument.ts';
import { item } from './docs.ts';

const SEED = 'seeds/004_15f2cd45d2b48077.txt';
let doc: CanonicalDocument;

beforeAll(async () => {
  doc = await extractDocument(readFileSync(SEED), { documentId: '004', sourceFile: SEED });
});

describe('amounts no check reads', () => {
  it('re-runs the same checks as the extraction and counts the totals they compare as covered', () => {
    const coverage = checkCoverage(doc);
    expect(coverage.checks).toBe(doc.checks.length);
    const totals = doc.checks.filter((c) => c.status !== 'skip' && c.line !== undefined);
    expect(totals.length).toBeGreaterThan(0);
    const uncovered = new Set(coverage.uncovered);
    const found = totals.flatMap((c) => {
      const at = doc.line_items.findIndex(
        (it) => it.table_index === c.table_index && it.line === c.line && it.value === c.expected,
      );
      return at >= 0 ? [at] : [];
    });
    expect(found.length).toBeGreaterThan(totals.length / 2);
    for (const at of found) expect(uncovered.has(at)).toBe(false);
    expect(coverage.uncovered.length).toBeLessThan(doc.line_items.length);
  });

  it('finds an amount of a table no check looks at', () => {
    const lone = item({
      table_index: 99,
      row_label: '某项',
      column_label: '金额',
      value: '123.45',
      page: undefined,
    });
    const withLone = { ...doc, line_items: [...doc.line_items, lone] };
    const coverage = checkCoverage(withLone);
    expect(coverage.uncovered).toContain(doc.line_items.length);
    expect(coverage.uncovered.length).toBe(checkCoverage(doc).uncovered.length + 1);
  });
});
