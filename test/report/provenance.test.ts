import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { layoutSeed } from '../fixtures/pdf/layoutTables.ts';

/** Every amount read from a PDF carries its box on the page; a failed check names the figures it compared. */

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0) > 0;

describe('values placed on their page (PDF fixture)', () => {
  let doc: CanonicalDocument;
  beforeAll(async () => {
    const path = 'test/fixtures/pdf/003_01ec1ddfe360b4d3.pdf';
    doc = await extractDocument(readFileSync(path), { documentId: 'fixture', sourceFile: path });
  });

  it('gives every amount a box inside its page', () => {
    const sizes = new Map((doc.page_info ?? []).map((p) => [p.page, p]));
    expect(doc.line_items.length).toBeGreaterThan(100);
    for (const it of doc.line_items) {
      const size = sizes.get(it.page!);
      expect(size?.width, `page ${it.page} has a size`).toBeGreaterThan(0);
      expect(it.x0!).toBeGreaterThanOrEqual(0);
      expect(it.x0!).toBeLessThan(it.x1!);
      expect(it.y0!).toBeLessThan(it.y1!);
      expect(it.x1!).toBeLessThanOrEqual(size!.width!);
      expect(it.y1!).toBeLessThanOrEqual(size!.height!);
    }
  });

  it('puts a row on one line and a column under one header: boxes of the same row overlap vertically', () => {
    const byRow = new Map<string, LineItem[]>();
    for (const it of doc.line_items) {
      const key = `${it.table_index}/${it.side}/${it.row_index}/${it.page}`;
      byRow.set(key, [...(byRow.get(key) ?? []), it]);
    }
    for (const items of byRow.values()) {
      const sorted = [...items].sort((a, b) => a.column_index - b.column_index);
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1]!, sorted[i]!];
        expect(overlap(a.y0!, a.y1!, b.y0!, b.y1!), `${a.row_label}: ${a.value} / ${b.value}`).toBe(true);
        expect(a.x0!, `${a.row_label}: columns left to right`).toBeLessThan(b.x0!);
      }
    }
  });
});

describe('indicators placed on their page (PDF fixture of performance forms)', () => {
  it('gives every indicator a box inside its page', async () => {
    const path = 'test/fixtures/pdf/001_1c3d2c2c6bd79ef7.pdf';
    const doc = await extractDocument(readFileSync(path), { documentId: 'forms', sourceFile: path });
    const sizes = new Map((doc.page_info ?? []).map((p) => [p.page, p]));
    expect(doc.indicators.length).toBeGreaterThan(50);
    for (const d of doc.indicators) {
      const size = sizes.get(d.page!);
      expect(d.x0!, d.indicator).toBeLessThan(d.x1!);
      expect(d.y0!, d.indicator).toBeLessThan(d.y1!);
      expect(d.x1!).toBeLessThanOrEqual(size!.width!);
      expect(d.y1!).toBeLessThanOrEqual(size!.height!);
    }
  });
});

describe('a failed check lists the figures it compared', () => {
  it('names the total and each part with its row, value, page and box', async () => {
    const seed = readFileSync('seeds/004_15f2cd45d2b48077.txt', 'utf8');
    const pdf = layoutSeed(seed.replace('\t18.880000\t20.780000', '\t19.880000\t20.780000'));
    const doc = await extractDocument(pdf, { documentId: 'broken', sourceFile: 'broken.pdf' });
    const failed = doc.checks.filter((c) => c.status === 'fail');
    expect(failed).toHaveLength(1);
    const cells = failed[0]!.cells ?? [];
    expect(cells.map((c) => `${c.role} ${c.value}`)).toEqual([
      'total 39.660000',
      'part 19.880000',
      'part 20.780000',
    ]);
    for (const c of cells) {
      const item = doc.line_items.find(
        (it) =>
          it.table_index === c.table_index &&
          it.row_index === c.row_index &&
          it.column_index === c.column_index,
      );
      expect(item?.value).toBe(c.value);
      expect(c.bbox).toEqual([item!.x0, item!.y0, item!.x1, item!.y1]);
      expect(c.page).toBe(item!.page);
    }
    expect(failed[0]!.parts).toContain('part 公务用车购置及运行维护费 / 公务用车购置费 = 19.880000 (p. ');
  });
});
