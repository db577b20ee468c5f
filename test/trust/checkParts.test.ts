import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partsText } from '../../src/checks/cells.ts';
import { runChecks } from '../../src/checks/runChecks.ts';
import { addDecimals, formatDecimal, toDecimal } from '../../src/normalize/decimal.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

describe('a failed sum lists the parts it summed', () => {
  it('names the total and each part with its row, column, value and line; the parts add up to the sum shown', async () => {
    const path = 'seeds/004_15f2cd45d2b48077.txt';
    const doc = await extractDocument(readFileSync(path), { documentId: '004', sourceFile: path });
    const check = doc.checks.find(
      (c) =>
        (c.check === 'children_sum_to_parent' || c.check === 'row_total_equals_parts') && c.status === 'pass',
    )!;
    const total = doc.line_items.find(
      (it) => it.table_index === check.table_index && it.line === check.line && it.value === check.expected,
    )!;
    const wrong = formatDecimal(addDecimals([toDecimal(total.value), { units: 1000n, scale: 0 }]));
    const items = doc.line_items.map((it) => (it === total ? { ...it, value: wrong } : it));
    const rerun = runChecks({ documentId: '004', year: '', tables: doc.tables, lineItems: items, prose: [] });
    const failed = rerun.find((c) => c.scope === check.scope && c.status === 'fail')!;
    expect(failed.parts).toBe(partsText(failed.cells!));
    const [first, ...parts] = failed.parts!.split('; ');
    expect(first).toMatch(new RegExp(`^total .+ = ${wrong} \\(line \\d+\\)$`));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(part).toMatch(/^part .+ · .+ = -?[\d.]+ \(line \d+\)$/);
    const values = parts.map((p) => toDecimal(/= (-?[\d.]+) \(/.exec(p)![1]!));
    expect(formatDecimal(addDecimals(values))).toBe(failed.actual);
    const cells = failed.cells!.filter((c) => c.role === 'part');
    for (const c of cells)
      expect(items.some((it) => it.row_index === c.row_index && it.value === c.value)).toBe(true);
  });
});
