import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { extractIsolated } from '../../src/batch/extractIsolated.ts';
import { runBatch } from '../../src/batch/runBatch.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { documentIdOf, findInputs, isSafeDocumentId } from '../../src/pipeline/findInputs.ts';
import { shutdownOcr } from '../../src/readers/ocr/engine.ts';
import { readInputFile } from '../../src/readers/readInputFile.ts';
import { writeDump } from '../../src/writers/writeDump.ts';

/**
 * The bad-input corpus (test/fixtures/bad/, made by make-bad-pdfs.ts, make-hostile-pdfs.ts,
 * make-bad-texts.ts and make-bad-tiffs.ts; the large inputs are generated here): every file ends
 * with a status and a message that says what and where, and nothing it does reaches another file's
 * output.
 */

const BAD = 'test/fixtures/bad';
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'yusuan-bad-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await shutdownOcr();
});

const extract = (path: string, options = {}) =>
  extractDocument(readFileSync(path), { documentId: documentIdOf(path), sourceFile: path }, options);

/** The line items as the comparison sees them: where, what and how labelled. */
const items = (doc: CanonicalDocument) =>
  doc.line_items.map((it) => [it.line, it.table_title, it.row_label, it.column_label, it.value].join('|'));

describe('broken and hostile inputs: a status and a message naming the file and the place', () => {
  it.each([
    ['empty.txt', /empty\.txt: the file is empty/],
    ['empty.pdf', /empty\.pdf: the file is empty/],
    ['noise.bin', /noise\.bin: not a budget document: binary content that is neither PDF, image nor text/],
    ['not-a-pdf.pdf', /no budget table .*not-a-pdf\.pdf \(named \.pdf but holds an HTML page\)/],
    ['2024年部门预算.txt', /no budget table with amounts or indicators found in .*2024年部门预算\.txt/],
    ['bomb-pages.pdf', /the PDF has 1000000 pages; only the first 2000 were read/],
    ['bomb-image.tif', /bomb-image\.tif: TIFF image: page 1 declares 100000 × 100000 pixels, over the limit/],
  ])('%s fails with a clear message', async (file, message) => {
    const doc = await extract(join(BAD, file));
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(message);
    expect(doc.line_items).toEqual([]);
  });

  it('skips an image that declares 100000 × 100000 pixels instead of decoding it', async () => {
    const doc = await extract(join(BAD, 'bomb-image.pdf'), { ocr: 'never' });
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(/no budget table .*bomb-image\.pdf/);
  });

  it('never runs the JavaScript or the FontMatrix payload of a crafted PDF, reading or rendering it', async () => {
    const global = globalThis as { __yusuanPwned?: unknown };
    for (const ocr of ['never', 'always'] as const) {
      const doc = await extract(join(BAD, 'javascript-font.pdf'), { ocr, ocrWorkers: 1 });
      expect(doc.status).toBe('failed');
      expect(global.__yusuanPwned).toBeUndefined();
    }
  }, 120_000);

  it('reads the same tables from GB18030, UTF-16LE with BOM and full-width digits as from UTF-8', async () => {
    const utf8 = await extract(join(BAD, 'beijing-utf8.txt'));
    expect(utf8.status).toBe('ok');
    expect(utf8.line_items.length).toBeGreaterThan(150);
    for (const [file, encoding] of [
      ['beijing-gb18030.txt', 'gb18030'],
      ['beijing-utf16le-bom.txt', 'utf-16le'],
      ['beijing-fullwidth-digits.txt', 'utf-8'],
    ] as const) {
      const doc = await extract(join(BAD, file));
      expect(doc.encoding, file).toBe(encoding);
      expect(items(doc), file).toEqual(items(utf8));
    }
  });

  it('refuses a file over the size limit without reading it, and a text over the text limit', async () => {
    const big = join(scratch, 'big-预算.txt');
    const seed = readFileSync('seeds/004_15f2cd45d2b48077.txt', 'utf8');
    writeFileSync(big, seed.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(seed))));
    const unread = await readInputFile(big, { maxFileBytes: 32 * 1024 * 1024 });
    expect(unread.ok).toBe(false);
    if (!unread.ok) {
      expect(unread.problem.message).toMatch(
        /big-预算\.txt: the file is 50\.\d MiB, over the size limit of 32\.0 MiB/,
      );
      expect(unread.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const read = await readInputFile(big);
    expect(read.ok).toBe(true);
    if (read.ok) {
      const doc = await extractDocument(read.bytes, { documentId: 'big', sourceFile: big });
      expect(doc.status).toBe('failed');
      expect(doc.message).toMatch(
        /a text file of 50\.\d MiB, over the text size limit of 16\.0 MiB \(--max-text-size\)/,
      );
    }
  });

  it('reads a document with a line of 1 MB', async () => {
    const seed = readFileSync(join(BAD, 'beijing-utf8.txt'), 'utf8');
    const long = `${seed}说明：${'预算'.repeat(350_000)}合计1,234.56万元。\n`;
    expect(Buffer.byteLength(long) - Buffer.byteLength(seed)).toBeGreaterThan(2_000_000);
    const doc = await extractDocument(new TextEncoder().encode(long), {
      documentId: 'l',
      sourceFile: 'long.txt',
    });
    expect(items(doc)).toEqual(items(await extract(join(BAD, 'beijing-utf8.txt'))));
  });

  it('reads a table of 10,000 rows, every amount and every check', async () => {
    const rows = ['表1 一般公共预算支出表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出'];
    rows.push('\t合计\t30000.00\t10000.00\t20000.00');
    for (let i = 0; i < 10_000; i++) rows.push(`2010301\t行政运行${i}\t3.00\t1.00\t2.00`);
    const doc = await extractDocument(new TextEncoder().encode(rows.join('\n')), {
      documentId: 'rows',
      sourceFile: 'rows.txt',
    });
    expect(doc.status).toBe('ok');
    expect(doc.line_items).toHaveLength(30_003);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.checks.filter((c) => c.status === 'pass').length).toBeGreaterThanOrEqual(10_001);
  });

  it('finds each file of a folder with a symlink loop once, and stops', async () => {
    const dir = join(scratch, 'loop');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'a.txt'), 'x');
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('.', join(dir, 'self'));
    const { inputs } = await findInputs([dir]);
    expect(inputs.map((i) => i.documentId)).toEqual(['sub_a']);
  });
});

describe('output safety', () => {
  it('makes document ids that are safe file names on every system', () => {
    for (const [path, id] of [
      ['a/../../etc/passwd', 'passwd'],
      ['x/..pdf', '_'],
      ['x/CON.txt', '_CON'],
      ['x/lpt1.pdf', '_lpt1'],
      ['x/a:b*c?.txt', 'a_b_c_'],
      ['x/name. .pdf', 'name_'],
      [`x/${'预'.repeat(100)}.txt`, '预'.repeat(66)],
    ]) {
      expect(documentIdOf(path!)).toBe(id);
      expect(isSafeDocumentId(documentIdOf(path!))).toBe(true);
    }
    for (const bad of ['../x', '..', 'a/b', 'nul', 'x.', '', 'a\u0000b'])
      expect(isSafeDocumentId(bad)).toBe(false);
  });

  it('neutralises formulas in CSV text cells, and keeps amounts numeric', async () => {
    const doc = await extract(join(BAD, 'formula-labels.txt'));
    expect(doc.status).toBe('ok');
    // The JSON keeps the labels as printed.
    expect(doc.line_items.map((it) => it.row_label)).toContain(
      '=HYPERLINK("http://example.invalid/x","一般公共服务支出")',
    );
    const out = join(scratch, 'formula-out');
    await writeDump(out, [doc], { version: 'test' });
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'line_items.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const labels = new Set(rows.map((r) => r.row_label));
    expect(labels).toEqual(
      new Set([
        '合计',
        `'=HYPERLINK("http://example.invalid/x","一般公共服务支出")`,
        "'+教育支出",
        "'-科学技术支出",
        "'@SUM(社会保障和就业支出)",
      ]),
    );
    expect(rows.filter((r) => r.value?.startsWith('-')).map((r) => r.value)).toEqual(['-2.00', '-2.00']);
  });
});

describe('a batch with hostile files', () => {
  it('stops a file past its time limit, gives every file a status, and leaves the others as they are alone', async () => {
    const corpus = join(scratch, 'corpus');
    mkdirSync(corpus);
    for (const f of [
      'bomb-stream.pdf',
      'noise.bin',
      'empty.txt',
      'encrypted-password-yusuan.pdf',
      'not-a-pdf.pdf',
    ])
      writeFileSync(join(corpus, f), readFileSync(join(BAD, f)));
    writeFileSync(join(corpus, 'good.txt'), readFileSync('seeds/003_01ec1ddfe360b4d3.txt'));
    const out = join(scratch, 'batch-out');
    const summary = await runBatch([corpus], {
      outDir: out,
      version: 'test',
      extract: { ocr: 'never' },
      concurrency: 2,
      timeoutMs: 8_000,
      memoryMb: 1024,
    });
    expect(summary.inputs).toBe(6);
    const documents = Papa.parse<Record<string, string>>(readFileSync(join(out, 'documents.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const status = Object.fromEntries(documents.map((d) => [d.document_id, [d.status, d.message]]));
    expect(status.good).toEqual(['ok', '']);
    expect(status['bomb-stream']?.[1]).toMatch(
      /bomb-stream\.pdf: extraction stopped after the 8 s time limit per file \(--timeout\)/,
    );
    expect(status.noise?.[1]).toMatch(/noise\.bin: not a budget document/);
    expect(status.empty?.[1]).toMatch(/the file is empty/);
    expect(status['encrypted-password-yusuan']?.[1]).toMatch(/encrypted; give its password/);
    expect(status['not-a-pdf']?.[1]).toMatch(/named \.pdf but holds an HTML page/);
    for (const d of documents) if (d.document_id !== 'good') expect(d.status, d.document_id).toBe('failed');

    // The good file's output is what it is when extracted alone.
    const alone = await extractIsolated([{ path: join(corpus, 'good.txt'), documentId: 'good' }], {
      extract: { ocr: 'never' },
      limits: {},
      timeoutMs: 60_000,
      memoryMb: 1024,
    });
    const cached = JSON.parse(readFileSync(join(out, 'json', 'good.json'), 'utf8')) as CanonicalDocument;
    expect(cached).toEqual(alone[0]);
  }, 120_000);
});
