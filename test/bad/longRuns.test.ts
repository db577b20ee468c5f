import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { readProseStatements } from '../../src/checks/proseStatements.ts';
import { cleanLabel } from '../../src/normalize/cellText.ts';
import { hasBoldMarkup } from '../../src/normalize/markup.ts';
import { rowKey } from '../../src/normalize/stitch.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { readHtmlTable } from '../../src/readers/htmlTable.ts';
import { MAX_ROW_CELLS, readHeading, readTextBlocks } from '../../src/readers/textReader.ts';

/**
 * Long runs of one character (spaces, colons, `<`, TABs) inside one line: each of these patterns
 * was tried from every character of the run, so time grew with the square of the run (20,000 spaces
 * in a heading: over a minute). These tests check the answers on such lines; how time grows with the
 * input is measured by `npm run bench` (its scaling rows), not here.
 */

const RUN = 200_000;
const SEED = readFileSync('test/fixtures/bad/beijing-utf8.txt', 'utf8');

const items = (doc: CanonicalDocument) =>
  doc.line_items.map((it) => [it.line, it.table_title, it.row_label, it.column_label, it.value].join('|'));

describe('one long run inside a line', () => {
  it('a heading keeps its text and loses its closing hashes, as the markdown pattern read it', () => {
    const reference = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
    fc.assert(
      fc.property(fc.stringMatching(/^[ #\tab\u3000]{0,16}$/), (line) => {
        const old = reference.exec(line);
        expect(readHeading(line)).toEqual(old ? { level: old[1]!.length, text: old[2]! } : undefined);
      }),
      { numRuns: 5000 },
    );
    expect(readHeading(`# 收支${' '.repeat(RUN)}总表 ##`)).toEqual({
      level: 1,
      text: `收支${' '.repeat(RUN)}总表`,
    });
  });

  it('a line of more cells than any table has is text, with a warning naming the line', () => {
    const problems: Parameters<typeof readTextBlocks>[1] = [];
    const wide = `说明${'\t'.repeat(MAX_ROW_CELLS)}合计`;
    const blocks = readTextBlocks(`a\tb\n${wide}\n${'x\t'.repeat(MAX_ROW_CELLS - 1)}`, problems);
    expect(blocks.map((b) => b.kind)).toEqual(['row', 'text', 'row']);
    expect(blocks[1]).toMatchObject({ raw: wide, at: { line: 2 } });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'row-too-wide',
        message: expect.stringMatching(/^line 2 .*1001 cells/),
      }),
    ]);
  });

  it('a label loses a trailing run of colons, never an inner one', () => {
    expect(cleanLabel(`合计${'：'.repeat(RUN)}`)).toBe('合计');
    expect(cleanLabel(`其中${':'.repeat(RUN)}财政`)).toBe(`其中${':'.repeat(RUN)}财政`);
  });

  it('a run of `<` is not markup', () => {
    expect(hasBoldMarkup('<b'.repeat(RUN / 2))).toBe(false);
    expect(hasBoldMarkup(`${'<'.repeat(RUN)}<b>合计</b>`)).toBe(true);
    const row = {
      cells: [{ raw: `<${'<'.repeat(RUN)}<i>合计`, at: { line: 1 } }],
      at: { line: 1 },
      format: 'tab',
      ruleAfter: false,
    } as const;
    expect(rowKey(row)).toBe(`${'<'.repeat(RUN + 1)}合计`);
    // A tag cut short by the next one (`<tr<tr…`) is dropped before parsing, in one pass (so a
    // `<script>` after it stays a script); the last, whole `<tr>` and `<td>` are read.
    const html = `<table><tr${'<tr'.repeat(RUN / 3)}><td>合计</td><td${'<td'.repeat(RUN / 3)}>1.00</td></tr></table>`;
    expect(readHtmlTable(html, 1).map((r) => r.cells.map((c) => c.raw))).toEqual([['合计', '1.00']]);
    const inCell = `<table><tr><td>${'<'.repeat(RUN)}合计</td><td>1.00</td></tr></table>`;
    const rows = readHtmlTable(inCell, 1);
    expect(rows.map((r) => r.cells.map((c) => c.raw))).toEqual([[`${'<'.repeat(RUN)}合计`, '1.00']]);
  });

  it('prose with a long run of spaces before a letter is still read', () => {
    const found = readProseStatements([{ text: `上年结转结余4,950.85万元 x${' '.repeat(RUN)}y`, page: 1 }]);
    expect(found.map((s) => [s.quantity, s.value])).toEqual([['income_carried_forward', '4950.85']]);
  });

  it.each([
    ['spaces between letters in the prose', (n: number) => `说明：a${' '.repeat(n)}b合计1,234.56万元。`],
    ['a heading of spaces', (n: number) => `# a${' '.repeat(n)}b`],
    ['a cell of colons', (n: number) => `2010301\t行政运行a${'：'.repeat(n / 2)}b\t3.00`],
    ['a cell of `<`', (n: number) => `2010301\t行政运行${'<'.repeat(n)}\t3.00`],
    ['TABs', (n: number) => `说明：${'\t'.repeat(n)}合计1,234.56万元。`],
  ])('a 1 MB line of %s reads as the same line with a short run', async (_, line) => {
    const read = (n: number) =>
      extractDocument(new TextEncoder().encode(`${SEED}\n${line(n)}\n`), {
        documentId: 'l',
        sourceFile: 'l.txt',
      });
    const [long, short] = [await read(1 << 20), await read(4)];
    expect(long.status).toBe(short.status);
    expect(items(long)).toEqual(items(short));
  });

  it('a table of 50,000 rows: every row is read and checked', async () => {
    const rows = ['表1 一般公共预算支出表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出'];
    rows.push('\t合计\t150000.00\t50000.00\t100000.00');
    for (let i = 0; i < 50_000; i++) rows.push(`2010301\t行政运行${i}\t3.00\t1.00\t2.00`);
    const doc = await extractDocument(new TextEncoder().encode(rows.join('\n')), {
      documentId: 'rows',
      sourceFile: 'rows.txt',
    });
    expect(doc.line_items).toHaveLength(150_003);
    const rowChecks = doc.checks.filter((c) => c.check === 'row_total_equals_parts');
    expect(rowChecks.filter((c) => c.status === 'pass').length).toBeGreaterThanOrEqual(50_001);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});
