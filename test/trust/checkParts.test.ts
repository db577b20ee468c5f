import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describePart } from '../../src/checks/emit.ts';
import { runChecks } from '../../src/checks/runChecks.ts';
import { addDecimals, formatDecimal, toDecimal } from '../../src/normalize/decimal.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

describe('a failed sum lists the parts it summed', () => {
  it('names each part with its row, column, value and page or line; the parts add up to the sum shown', async () => {
    const path = 'seeds/004_15f2cd45d2b48077.txt';
    const doc = await extractDocument(readFileSync(path), { documentId: '004', sourceFile: path });
    const check = doc.checks.find(
      (c) =>
        (c.check === 'children_sum_to_parent' || c.check === 'row_total_equals_parts') && c.status === 'pass',
    )!;
    expect(check.parts).toBeUndefined();
    const total = doc.line_items.find(
      (it) => it.table_index === check.table_index && it.line === check.line && it.value === check.expected,
    )!;
    const wrong = formatDecimal(addDecimals([toDecimal(total.value), { units: 1000n, scale: 0 }]));
    const items = doc.line_items.map((it) => (it === total ? { ...it, value: wrong } : it));
    const rerun = runChecks({ documentId: '004', year: '', tables: doc.tables, lineItems: items, prose: [] });
    const failed = rerun.find((c) => c.scope === check.scope && c.status === 'fail')!;
    const parts = failed.parts!.split('; ');
    expect(parts.length).toBeGreaterThan(0);
    const described = new Set(doc.line_items.map(describePart));
    for (const part of parts) expect(described.has(part), part).toBe(true);
    const values = parts.map((p) => toDecimal(/= (-?[\d.]+)(?: @|$)/.exec(p)![1]!));
    expect(formatDecimal(addDecimals(values))).toBe(failed.actual);
    expect(parts[0]).toMatch(/^.+ \| .+ = -?[\d.]+ @ line \d+$/);
  });
});
