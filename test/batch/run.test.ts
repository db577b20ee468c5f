import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../scripts/make-corpus.ts';
import { mergeDumps } from '../../src/batch/mergeDumps.ts';
import { type BatchOptions, runBatch } from '../../src/batch/runBatch.ts';
import { tempDir } from '../tmp.ts';
import { expectSameDump, publishedFiles } from './dump.ts';

const base: Omit<BatchOptions, 'outDir'> = { version: 'test', extract: {}, concurrency: 2 };
let corpus: string;

function csvRows(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

beforeAll(async () => {
  corpus = join(tempDir('corpus'), 'corpus');
  const made = await makeCorpus(corpus, 24, { seed: 3, verify: true });
  expect(made.failures).toEqual([]);
}, 120_000);

describe('yusuan run: incremental', () => {
  it('extracts all files once, then nothing while nothing changes', async () => {
    const out = tempDir('run');
    const first = await runBatch([corpus], { ...base, outDir: out });
    expect([first.added, first.changed, first.unchanged, first.removed, first.failed]).toEqual([
      24, 0, 0, 0, 0,
    ]);
    const docs = csvRows(join(out, 'documents.csv'));
    expect(docs).toHaveLength(24);
    expect(docs.every((d) => d.status === 'ok' && d.checks_failed === '0')).toBe(true);
    const dump = publishedFiles(out);
    const again = await runBatch([corpus], { ...base, outDir: out });
    expect([again.added, again.changed, again.unchanged, again.removed]).toEqual([0, 0, 24, 0]);
    expect(again.published).toBe(false);
    expectSameDump(publishedFiles(out), dump);
  }, 120_000);

  it('re-extracts a changed file, adds a new one, drops a removed one — and ends where a fresh run ends', async () => {
    const work = join(tempDir('grow'), 'corpus');
    await makeCorpus(work, 12, { seed: 5 });
    const out = tempDir('grow-out');
    await runBatch([work], { ...base, outDir: out });
    const changed = join(work, 'batch-000', 'doc00001_001.txt');
    appendFileSync(changed, '\n附注：本表数据以财政部门批复为准。\n');
    rmSync(join(work, 'batch-000', 'doc00002_002.txt'));
    renameSync(join(work, 'batch-000', 'doc00003_003.txt'), join(work, 'batch-000', 'doc00099_003.txt'));
    const next = await runBatch([work], { ...base, outDir: out });
    expect([next.added, next.changed, next.unchanged, next.removed]).toEqual([1, 1, 9, 2]);
    expect(existsSync(join(out, 'json', 'doc00002_002.json'))).toBe(false);
    const fresh = tempDir('grow-fresh');
    await runBatch([work], { ...base, outDir: fresh });
    expectSameDump(publishedFiles(out), publishedFiles(fresh));
    const forced = await runBatch([work], { ...base, outDir: out, force: true });
    expect([forced.changed, forced.unchanged]).toEqual([11, 0]);
    expectSameDump(publishedFiles(out), publishedFiles(fresh));
  }, 120_000);

  it('gives byte-identical dumps at concurrency 1 and 2', async () => {
    const one = tempDir('c1');
    const two = tempDir('c2');
    await runBatch([corpus], { ...base, outDir: one, concurrency: 1 });
    await runBatch([corpus], { ...base, outDir: two, concurrency: 2 });
    expectSameDump(publishedFiles(one), publishedFiles(two));
  }, 120_000);
});

describe('yusuan run: limits per file', () => {
  it('reports a file past the time limit as failed, with the limit named, and goes on', async () => {
    const out = tempDir('timeout');
    const summary = await runBatch([join(corpus, 'batch-000')], { ...base, outDir: out, timeoutMs: 1 });
    expect(summary.failed).toBe(24);
    const docs = csvRows(join(out, 'documents.csv'));
    expect(docs[0]!.status).toBe('failed');
    expect(docs[0]!.message).toMatch(/time limit per file \(--timeout\)/);
    expect(docs[0]!.message).toContain('doc00000_000.txt');
  }, 120_000);

  it('reports a file past the memory limit as failed, with the limit named', async () => {
    const out = tempDir('memory');
    const one = join(tempDir('one'), 'in');
    await makeCorpus(one, 1, { seed: 9 });
    const summary = await runBatch([one], { ...base, outDir: out, memoryMb: 2 });
    expect(summary.failed).toBe(1);
    expect(csvRows(join(out, 'documents.csv'))[0]!.message).toMatch(/memory limit per file \(--memory\)/);
  }, 120_000);
});

describe('yusuan run: shards and merge', () => {
  it('merges 3 shard dumps into a dump identical to a single run', async () => {
    const single = tempDir('single');
    await runBatch([corpus], { ...base, outDir: single });
    const shards: string[] = [];
    let total = 0;
    for (const index of [1, 2, 3]) {
      const dir = tempDir(`shard${index}`);
      const s = await runBatch([corpus], { ...base, outDir: dir, shard: { index, count: 3 } });
      total += s.inputs;
      shards.push(dir);
    }
    expect(total).toBe(24);
    const merged = join(tempDir('merged'), 'dump');
    const result = await mergeDumps(shards, merged, { version: 'test' });
    expect(result.documents).toBe(24);
    expectSameDump(publishedFiles(merged), publishedFiles(single));
    // The merged dump is a base for incremental runs over the whole folder.
    const after = await runBatch([corpus], { ...base, outDir: merged });
    expect([after.unchanged, after.published]).toEqual([24, false]);
  }, 180_000);

  it('refuses to merge dumps of other versions', async () => {
    const a = tempDir('va');
    const b = tempDir('vb');
    const part = join(tempDir('part'), 'in');
    await makeCorpus(part, 2, { seed: 11 });
    await runBatch([part], { ...base, outDir: a });
    await runBatch([part], { ...base, outDir: b, version: 'other' });
    await expect(mergeDumps([a, b], join(tempDir('m'), 'x'), { version: 'test' })).rejects.toThrow(
      /one version/,
    );
  }, 120_000);
});

describe('yusuan run --sqlite', () => {
  it('writes the same rows as the CSVs, with keys, indexes and views', async () => {
    const out = tempDir('sqlite');
    const file = join(out, 'budget.sqlite');
    await runBatch([corpus], { ...base, outDir: out, sqlite: file });
    const db = new Database(file, { readonly: true });
    try {
      for (const name of ['documents', 'tables', 'line_items', 'indicators', 'checks']) {
        const count = (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n;
        expect(count, name).toBe(csvRows(join(out, `${name}.csv`)).length);
      }
      const indexes = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
      ).map((r) => r.name);
      expect(indexes).toEqual(
        expect.arrayContaining([
          'line_items_document_id',
          'line_items_table_kind',
          'line_items_subject_code',
        ]),
      );
      const threePublic = db
        .prepare(
          'SELECT department, year, value FROM three_public_by_department WHERE row_label LIKE ? LIMIT 1',
        )
        .all('%') as { department: string; value: number }[];
      expect(threePublic.length).toBe(1);
      expect(() => db.prepare("INSERT INTO documents (document_id) VALUES ('doc00000_000')").run()).toThrow();
    } finally {
      db.close();
    }
    writeFileSync(join(out, 'marker'), '');
  }, 120_000);
});
