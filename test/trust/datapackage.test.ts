import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { Package } from 'datapackage';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/runBatch.ts';
import { createdAt } from '../../src/writers/datapackage.ts';
import { amountWan, subjectLevel, threePublicCategory } from '../../src/writers/sqliteColumns.ts';
import { tempDir } from '../tmp.ts';

const exec = promisify(execFile);

async function extract(args: string[]): Promise<void> {
  await exec(process.execPath, ['bin/yusuan.js', 'extract', ...args, '--in-process'], {
    maxBuffer: 64 << 20,
  }).catch(() => undefined);
}

describe('datapackage.json, as the Frictionless JS library reads it', () => {
  let out: string;
  beforeAll(async () => {
    out = tempDir('dp');
    await extract(['seeds', 'test/fixtures/bad/empty.txt', '--out', out]);
  });

  it('is a valid tabular data package with licenses, sources and the time it was created', async () => {
    const pkg = await Package.load(join(out, 'datapackage.json'), { basePath: out, strict: false });
    expect(pkg.errors).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.descriptor).toMatchObject({
      licenses: [expect.objectContaining({ name: 'other-open' })],
      sources: [expect.objectContaining({ title: expect.stringContaining('documents.csv') })],
      created: '2026-01-01T00:00:00Z',
    });
  });

  it('casts every row of every resource to its declared type, and every foreign key resolves', async () => {
    const pkg = await Package.load(join(out, 'datapackage.json'), { basePath: out, strict: false });
    const counts: Record<string, number> = {};
    for (const resource of pkg.resources)
      counts[resource.name] = (await resource.read({ keyed: true, relations: true })).length;
    const lines = (file: string) => readFileSync(join(out, file), 'utf8').trimEnd().split('\n').length - 1;
    expect(counts).toEqual({
      documents: lines('documents.csv'),
      tables: lines('tables.csv'),
      line_items: lines('line_items.csv'),
      indicators: lines('indicators.csv'),
      checks: lines('checks.csv'),
    });
  });

  it('types indicators.target_value as a number that may be missing, not a number whose only value is ""', async () => {
    const pkg = await Package.load(join(out, 'datapackage.json'), { basePath: out });
    const indicators = pkg.resources.find((r) => r.name === 'indicators')!;
    const rows = (await indicators.read({ keyed: true })) as { target_value: unknown }[];
    // tableschema casts numbers to Decimal objects; a blank target is null (missingValues).
    expect(rows.some((r) => r.target_value !== null && Number(String(r.target_value)) > 0)).toBe(true);
    expect(rows.some((r) => r.target_value === null)).toBe(true);
  });

  it('says utf-8-sig when the CSVs start with a BOM', async () => {
    const bom = tempDir('dp-bom');
    await extract(['seeds/002_a3edc1729d60384f.txt', '--out', bom, '--bom']);
    const descriptor = JSON.parse(readFileSync(join(bom, 'datapackage.json'), 'utf8'));
    expect(new Set(descriptor.resources.map((r: { encoding: string }) => r.encoding))).toEqual(
      new Set(['utf-8-sig']),
    );
    expect(readFileSync(join(bom, 'documents.csv'))[0]).toBe(0xef);
    expect((await Package.load(descriptor, { basePath: bom })).valid).toBe(true);
  });

  it('records the time of writing unless SOURCE_DATE_EPOCH fixes it', () => {
    expect(createdAt({ SOURCE_DATE_EPOCH: '0' })).toBe('1970-01-01T00:00:00Z');
    const now = Date.parse(createdAt({}));
    expect(Math.abs(now - Date.now())).toBeLessThan(5000);
  });
});

describe('SQLite columns and views', () => {
  it('computes amounts in 万元 exactly', () => {
    expect(amountWan('9032.213338', '万元')).toBe('9032.213338');
    expect(amountWan('12345', '元')).toBe('1.2345');
    expect(amountWan('-8.5', '元')).toBe('-0.00085');
    expect(amountWan('1', '')).toBeNull();
    expect([subjectLevel('201'), subjectLevel('20101'), subjectLevel('2010101'), subjectLevel('')]).toEqual([
      1,
      2,
      3,
      null,
    ]);
  });

  it('finds the 三公 category whether the table prints it as a row or as a column', () => {
    expect(threePublicCategory('1.公务用车购置费', '一般公共预算')).toBe('公务用车购置费');
    expect(threePublicCategory('2026年', '公务用车购置及运行维护费 / 公务用车购置费 / 一般公共预算')).toBe(
      '公务用车购置费',
    );
    expect(threePublicCategory('2026年', '公务用车购置及运行维护费 / 小计 / 一般公共预算')).toBe(
      '公务用车购置及运行维护费',
    );
    expect(threePublicCategory('合计', '因公出国(境)费')).toBe('因公出国（境）费');
    expect(threePublicCategory('2026年', '总计 / 一般公共预算')).toBeNull();
    expect(threePublicCategory('“三公”经费', '合计')).toBeNull();
    expect(threePublicCategory('会议费', '合计')).toBeNull();
    expect(threePublicCategory('栏次', '公务接待费')).toBeNull();
  });

  it('writes amount_wan, clean department names and views that answer their names', async () => {
    const input = tempDir('sq-in');
    mkdirSync(join(input, 'x'));
    for (const name of ['000_b0eb34479b848794', '003_01ec1ddfe360b4d3', '004_15f2cd45d2b48077'])
      copyFileSync(`seeds/${name}.txt`, join(input, `${name}.txt`));
    const stuck = readFileSync('seeds/002_a3edc1729d60384f.txt', 'utf8');
    writeFileSync(join(input, 'x', 'stuck.txt'), `部门名称：某某市某某局单位：万元\n${stuck}`);
    const out = tempDir('sq-out');
    const file = join(out, 'dump.sqlite');
    await runBatch([input], { outDir: out, version: 't', extract: {}, concurrency: 1, sqlite: file });
    const db = new Database(file, { readonly: true });
    try {
      const departments = db.prepare('SELECT department FROM documents').all() as { department: string }[];
      expect(departments.map((d) => d.department)).toContain('某某市某某局');
      expect(departments.every((d) => !/单位[:：]/.test(d.department))).toBe(true);
      const wan = db
        .prepare("SELECT typeof(amount_wan) AS t, count(*) AS n FROM line_items WHERE unit <> '' GROUP BY 1")
        .all() as { t: string; n: number }[];
      expect(wan.every((w) => w.t === 'integer' || w.t === 'real')).toBe(true);
      const categories = db.prepare('SELECT DISTINCT category FROM three_public_by_department').all() as {
        category: string;
      }[];
      expect(categories.length).toBeGreaterThanOrEqual(3);
      expect(
        categories.every((c) =>
          [
            '因公出国（境）费',
            '公务用车购置及运行维护费',
            '公务用车购置费',
            '公务用车运行维护费',
            '公务接待费',
          ].includes(c.category),
        ),
      ).toBe(true);
      const levels = db
        .prepare('SELECT DISTINCT length(subject_code) AS n FROM general_budget_expense_by_subject')
        .all() as { n: number }[];
      expect(levels).toEqual([{ n: 3 }]);
      const views = db.prepare("SELECT name FROM sqlite_master WHERE type = 'view'").all() as {
        name: string;
      }[];
      expect(views.map((v) => v.name).sort()).toEqual([
        'failed_checks',
        'general_budget_expense_by_subject',
        'indicators_by_department',
        'three_public_by_department',
      ]);
    } finally {
      db.close();
    }
  }, 120_000);
});
