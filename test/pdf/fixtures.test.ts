import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { evaluateDocument } from '../../src/eval/evaluate.ts';
import { indicatorKey, lineItemKey, matchKeys } from '../../src/eval/score.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../../src/pipeline/findInputs.ts';

/**
 * One pipeline, two readers: every PDF made from a seed must give the same line items and
 * indicators as the seed's text dump (and as its gold), each value with its page.
 */

const DIR = 'test/fixtures/pdf';
const PDFS = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

async function extract(path: string): Promise<CanonicalDocument> {
  return extractDocument(readFileSync(path), { documentId: documentIdOf(path), sourceFile: path });
}

const mismatch = (m: { missing: readonly string[]; unexpected: readonly string[] }) =>
  [...m.missing.map((k) => `missing    ${k}`), ...m.unexpected.map((k) => `unexpected ${k}`)].slice(0, 12);

describe.each(PDFS)('PDF fixture %s', (file) => {
  const seedId = documentIdOf(file).split('-')[0]!;
  let pdf: CanonicalDocument;
  let text: CanonicalDocument;
  beforeAll(async () => {
    pdf = await extract(join(DIR, file));
    text = await extract(join('seeds', `${seedId}.txt`));
  });

  it('extracts with status ok and every check passing', () => {
    expect(pdf.status).toBe('ok');
    expect(pdf.input_type).toBe('pdf');
    expect(pdf.checks.filter((c) => c.status === 'fail').map((c) => c.scope)).toEqual([]);
  });

  it('gives every value its page (and no line)', () => {
    expect(pdf.line_items.filter((i) => i.page === undefined || i.line !== undefined)).toEqual([]);
    expect(pdf.indicators.filter((i) => i.page === undefined)).toEqual([]);
    expect(pdf.tables.every((t) => t.page_start !== undefined && t.page_end !== undefined)).toBe(true);
  });

  it('gives the same line items and indicators as the text dump', () => {
    const items = matchKeys(
      text.line_items.map((r) => lineItemKey(r, 'none')),
      pdf.line_items.map((r) => lineItemKey(r, 'none')),
    );
    const indicators = matchKeys(
      text.indicators.map((r) => indicatorKey(r, 'none')),
      pdf.indicators.map((r) => indicatorKey(r, 'none')),
    );
    expect(mismatch(items)).toEqual([]);
    expect(mismatch(indicators)).toEqual([]);
  });

  it.runIf(existsSync(`test/gold/${seedId}.line_items.csv`))(
    'matches the hand-verified gold of its seed',
    () => {
      const evaluation = evaluateDocument(pdf, { goldDir: 'test/gold', place: 'none' })!;
      expect(mismatch(evaluation.lineItems)).toEqual([]);
      if (evaluation.indicators) expect(mismatch(evaluation.indicators)).toEqual([]);
    },
  );
});
