import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import type { CheckInput } from '../../src/checks/model.ts';
import { confusionsOf, repairOcrAmounts } from '../../src/checks/repairOcrAmounts.ts';
import { runChecks } from '../../src/checks/runChecks.ts';
import { extractDocument, proseLines } from '../../src/pipeline/extractDocument.ts';
import { readSource } from '../../src/readers/readSource.ts';

const SEED = 'seeds/004_15f2cd45d2b48077.txt';
let doc: CanonicalDocument;
let input: CheckInput;

beforeAll(async () => {
  const bytes = readFileSync(SEED);
  const id = { documentId: '004', sourceFile: SEED };
  doc = await extractDocument(bytes, id);
  const source = await readSource(bytes, id);
  if (!source.ok) throw new Error('seed unreadable');
  input = {
    documentId: doc.document_id,
    year: doc.metadata.year,
    tables: doc.tables,
    // As if every value had come from OCR.
    lineItems: doc.line_items.map((it) => ({ ...it, confidence: 90 })),
    prose: proseLines(source.doc),
  };
});

/** The input with one item's value replaced by a misreading. */
function misread(predicate: (it: CheckInput['lineItems'][number]) => boolean, value: string): CheckInput {
  let done = false;
  return {
    ...input,
    lineItems: input.lineItems.map((it) => {
      if (done || !predicate(it)) return it;
      done = true;
      return { ...it, value, original_text: value, confidence: 41 };
    }),
  };
}

describe('confusionsOf', () => {
  it('lists every text one OCR confusion away', () => {
    expect(confusionsOf('1.5')).toEqual(['7.5', '4.5', '1,5', '1.6', '1.3', '1.8']);
  });
});

describe('repairOcrAmounts', () => {
  it('passes on a document whose checks all hold', () => {
    const checks = runChecks(input);
    expect(checks.some((c) => c.status === 'fail')).toBe(false);
    expect(repairOcrAmounts(input, checks).repairs).toEqual([]);
  });

  it('repairs the one misread amount that every broken check points at, and marks it', () => {
    // 1,945.097640 read with its 6 as a 5.
    const broken = misread(
      (it) => it.value === '1945.097640' && it.column_label.endsWith('合计'),
      '1945.097540',
    );
    const checks = runChecks(broken);
    expect(checks.filter((c) => c.status === 'fail').length).toBeGreaterThan(0);
    const result = repairOcrAmounts(broken, checks);
    expect(result.repairs).toHaveLength(1);
    const fixed = result.lineItems.find((it) => it.status === 'repaired');
    expect(fixed).toMatchObject({ value: '1945.097640', original_text: '1945.097540', status: 'repaired' });
    expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('repairs nothing when the misreading is not a known confusion', () => {
    // 2 → 9 is not among the confusions: no candidate restores the sums.
    const broken = misread(
      (it) => it.value === '1945.097640' && it.column_label.endsWith('合计'),
      '1945.097940',
    );
    const result = repairOcrAmounts(broken, runChecks(broken));
    expect(result.repairs).toEqual([]);
    expect(result.checks.some((c) => c.status === 'fail')).toBe(true);
  });

  it('never repairs a value that did not come from OCR', () => {
    const broken = misread(
      (it) => it.value === '1945.097640' && it.column_label.endsWith('合计'),
      '1945.097540',
    );
    const typed = { ...broken, lineItems: broken.lineItems.map(({ confidence: _, ...it }) => it) };
    expect(repairOcrAmounts(typed, runChecks(typed)).repairs).toEqual([]);
  });
});
