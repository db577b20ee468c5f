import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { runChecks } from '../../src/checks/runChecks.ts';
import { addDecimals, formatDecimal, toDecimal } from '../../src/normalize/decimal.ts';
import { extractDocument, proseLines } from '../../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../../src/pipeline/findInputs.ts';
import { readSource } from '../../src/readers/readSource.ts';

/**
 * A correct extraction passes its checks; the same extraction with one amount changed must fail a
 * check at exactly that amount's table and line. One test per table kind that the checks cover.
 */

const SEEDS = [
  'seeds/000_b0eb34479b848794.txt',
  'seeds/001_1c3d2c2c6bd79ef7.txt',
  'seeds/002_a3edc1729d60384f.txt',
  'seeds/003_01ec1ddfe360b4d3.txt',
  'seeds/004_15f2cd45d2b48077.txt',
];

interface Extracted {
  readonly doc: CanonicalDocument;
  readonly prose: ReturnType<typeof proseLines>;
}

const extracted: Extracted[] = [];

beforeAll(async () => {
  for (const path of SEEDS) {
    const bytes = readFileSync(path);
    const id = { documentId: documentIdOf(path), sourceFile: path };
    const doc = await extractDocument(bytes, id);
    const source = await readSource(bytes, id);
    if (!source.ok) throw new Error(`cannot read ${path}`);
    extracted.push({ doc, prose: proseLines(source.doc) });
  }
});

function rerun(e: Extracted, lineItems: CanonicalDocument['line_items']) {
  return runChecks({
    documentId: e.doc.document_id,
    year: e.doc.metadata.year,
    tables: e.doc.tables,
    lineItems,
    prose: e.prose,
  });
}

/** Adds 1000 units of the last printed digit: far beyond any rounding tolerance. */
function corrupt(value: string): string {
  const d = toDecimal(value);
  return formatDecimal(addDecimals([d, { units: 1000n, scale: d.scale }]));
}

const KINDS = [
  'income_expense_summary',
  'income_summary',
  'expense_summary',
  'fiscal_appropriation_summary',
  'general_budget_expense',
  'general_budget_basic_expense',
  'three_public_expense',
  'gov_procurement',
  'gov_purchased_services',
  'project_performance',
  'department_performance',
] as const;

describe('the seeds reconcile', () => {
  it('no check fails on a correct extraction', () => {
    const failed = extracted.flatMap((e) =>
      e.doc.checks.filter((c) => c.status === 'fail').map((c) => `${c.document_id} ${c.scope}`),
    );
    expect(failed).toEqual([]);
  });
});

describe.each(KINDS)('one corrupted amount in a %s table', (kind) => {
  it('fails a check at that amount', () => {
    let tried = 0;
    for (const e of extracted) {
      const tables = new Set(e.doc.tables.filter((t) => t.table_kind === kind).map((t) => t.table_index));
      const passing = e.doc.checks.filter(
        (c) => c.status === 'pass' && c.table_index !== undefined && tables.has(c.table_index),
      );
      for (const check of passing.slice(0, 5)) {
        const target = e.doc.line_items.find(
          (it) =>
            it.table_index === check.table_index &&
            it.line === check.line &&
            toDecimal(it.value).units !== undefined &&
            formatDecimal(toDecimal(it.value)) === check.expected,
        );
        if (!target) continue;
        tried++;
        const items = e.doc.line_items.map((it) =>
          it === target ? { ...it, value: corrupt(it.value) } : it,
        );
        const failed = rerun(e, items).filter((c) => c.status === 'fail');
        expect(
          failed.some((c) => c.table_index === target.table_index && c.line === target.line),
          `${e.doc.document_id}: ${target.row_label} / ${target.column_label} (line ${target.line}) changed, no failing check there; failed: ${failed.map((c) => `${c.scope} line ${c.line}`).join('; ')}`,
        ).toBe(true);
      }
    }
    expect(tried, `no ${kind} table with a passing check in the seeds`).toBeGreaterThan(0);
  });
});

describe('tolerance', () => {
  it('passes a total one unit off over several parts, and reports the difference', () => {
    const e = extracted.find((x) => x.doc.document_id.startsWith('003'))!;
    const sum = e.doc.checks.find(
      (c) => c.status === 'pass' && c.difference === '0.01' && c.scope.includes('部门支出预算总体情况表'),
    );
    expect(sum).toMatchObject({ expected: '3088.70', actual: '3088.69', tolerance: '0.02' });
    expect(sum?.message).toMatch(/within the rounding tolerance/);
  });

  it('fails a one-part equality that is two units off', () => {
    const e = extracted.find((x) => x.doc.document_id.startsWith('004'))!;
    const total = e.doc.line_items.find(
      (it) => it.table_kind === 'income_expense_summary' && it.row_label === '收入总计',
    )!;
    const items = e.doc.line_items.map((it) =>
      it === total
        ? { ...it, value: formatDecimal(addDecimals([toDecimal(it.value), { units: 2n, scale: 6 }])) }
        : it,
    );
    const failed = rerun(e, items).filter((c) => c.status === 'fail' && c.check === 'income_equals_expense');
    expect(failed.map((c) => c.line)).toContain(total.line);
  });
});

describe('cross-table and prose checks', () => {
  it('fails when the 支出总表 total disagrees with the 收支总表', () => {
    const e = extracted.find((x) => x.doc.document_id.startsWith('000'))!;
    const total = e.doc.line_items.find(
      (it) => it.table_kind === 'expense_summary' && it.column_label === '支出总计',
    )!;
    const items = e.doc.line_items.map((it) => (it === total ? { ...it, value: corrupt(it.value) } : it));
    const checks = rerun(e, items).filter((c) => c.status === 'fail');
    expect(checks.some((c) => c.check === 'cross_table_total' && c.scope.includes('支出总表'))).toBe(true);
  });

  it('fails when the text states another 三公 total than the table', () => {
    const e = extracted.find((x) => x.doc.document_id.startsWith('000'))!;
    const prose = e.prose.map((p) =>
      p.line === 96 ? { ...p, text: p.text.replace('597万元', '598万元') } : p,
    );
    const checks = runChecks({
      documentId: e.doc.document_id,
      year: e.doc.metadata.year,
      tables: e.doc.tables,
      lineItems: e.doc.line_items,
      prose,
    });
    expect(checks.find((c) => c.check === 'prose_matches_table' && c.line === 96)).toMatchObject({
      status: 'fail',
      expected: '597',
      actual: '598',
    });
  });
});
