import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { evaluateDocument } from '../../src/eval/evaluate.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { seedToHtml } from '../fixtures/pdf/seedToHtml.ts';

/**
 * A budget served as one HTML page on a single line (test/fixtures/html/, made from seed 004 by
 * make-html-fixtures.ts) gives the same tables, line items and indicators as the seed itself and as
 * the same page with its markup on many lines; it meets the seed's hand-verified gold.
 */

const SEED = '004_15f2cd45d2b48077';
const ONE_LINE = `test/fixtures/html/${SEED}-one-line.html`;

async function extract(bytes: Uint8Array | string, name: string): Promise<CanonicalDocument> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return extractDocument(data, { documentId: name, sourceFile: name });
}

/** Everything of a record but its place (the one-line page has every record on line 1). */
const items = (doc: CanonicalDocument) =>
  doc.line_items
    .map((it) =>
      [
        it.table_kind,
        it.table_title,
        it.row_label,
        it.subject_code,
        it.economic_code,
        it.column_label,
        it.value,
        it.unit,
      ].join('|'),
    )
    .sort();
const indicators = (doc: CanonicalDocument) =>
  doc.indicators
    .map((d) =>
      [
        d.table_kind,
        d.project_name,
        d.level1,
        d.level2,
        d.indicator,
        d.operator,
        d.target_value,
        d.target_unit,
      ].join('|'),
    )
    .sort();

describe('a budget published as one single-line HTML page', () => {
  it('is on one line', () => {
    expect(readFileSync(ONE_LINE, 'utf8').split('\n').length).toBe(1);
  });

  it('gives the line items and indicators of the seed and of the multi-line page', async () => {
    const seedText = readFileSync(`seeds/${SEED}.txt`, 'utf8');
    const seed = await extract(seedText, SEED);
    const multi = await extract(
      seedToHtml(seedText, { ruled: true, repeatHeader: false, title: SEED }),
      `${SEED}-multi`,
    );
    const one = await extract(readFileSync(ONE_LINE), `${SEED}-one-line`);
    expect(one.status).toBe('ok');
    expect(one.tables.map((t) => [t.table_kind, t.table_title])).toEqual(
      seed.tables.map((t) => [t.table_kind, t.table_title]),
    );
    expect(items(one)).toEqual(items(seed));
    expect(items(one)).toEqual(items(multi));
    expect(indicators(one)).toEqual(indicators(seed));
    expect(one.line_items.length).toBeGreaterThan(100);
  });

  it('meets the seed gold', async () => {
    const one = await extract(readFileSync(ONE_LINE), `${SEED}-one-line`);
    const evaluation = evaluateDocument(one, { goldDir: 'test/gold', goldIdOf: () => SEED, place: 'none' });
    expect(evaluation?.lineItems.falseNegatives).toBe(0);
    expect(evaluation?.lineItems.falsePositives).toBe(0);
  });
});
