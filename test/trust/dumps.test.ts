import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { emptyManifest } from '../../src/batch/manifest.ts';
import { missingShards } from '../../src/batch/mergeDumps.ts';
import { checkContract } from '../../src/eval/contract.ts';
import { findInputs } from '../../src/pipeline/findInputs.ts';
import { publishedFiles } from '../batch/dump.ts';
import { tempDir } from '../tmp.ts';

const exec = promisify(execFile);

async function yusuan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['bin/yusuan.js', ...args], {
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function documents(dir: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dir, 'documents.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

const SEED = 'seeds/002_a3edc1729d60384f.txt';
const ENCRYPTED = 'test/fixtures/bad/encrypted-password-yusuan.pdf';

describe('document ids', () => {
  it('come from the path below the input root, so adding b/report beside a/report renames nothing', async () => {
    const root = tempDir('ids');
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a', 'report.txt'), 'x');
    const before = await findInputs([root]);
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'b', 'report.txt'), 'y');
    writeFileSync(join(root, 'top.txt'), 'z');
    const after = await findInputs([root]);
    expect(before.inputs.map((i) => i.documentId)).toEqual(['a_report']);
    expect(after.inputs.map((i) => i.documentId)).toEqual(['a_report', 'b_report', 'top']);
    // A file given by name keeps its bare name (the contract's seeds: `000_…txt` → `000_…`).
    expect((await findInputs([join(root, 'a', 'report.txt')])).inputs[0]!.documentId).toBe('report');
  });

  it('keep the extension only for names that still collide (x.pdf beside x.txt)', async () => {
    const root = tempDir('ids-ext');
    writeFileSync(join(root, 'x.pdf'), 'x');
    writeFileSync(join(root, 'x.txt'), 'y');
    expect((await findInputs([root])).inputs.map((i) => i.documentId)).toEqual(['x.pdf', 'x.txt']);
  });
});

describe('yusuan run: a dump that cannot be lost', () => {
  it('refuses a missing input path and leaves the dump as it was', async () => {
    const input = tempDir('in');
    copyFileSync(SEED, join(input, 'report.txt'));
    const out = tempDir('out');
    expect((await yusuan(['run', input, '--out', out])).code).toBe(0);
    const before = publishedFiles(out);
    const missing = await yusuan(['run', join(input, 'gone'), '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/input path not found: .*gone.*left as it was/);
    expect(publishedFiles(out)).toEqual(before);
    expect(existsSync(join(out, '.yusuan', 'cache', 'report.json'))).toBe(true);
  });

  it('extracts byte-identical inputs once and lists the copy with duplicate_of', async () => {
    const input = tempDir('dup');
    mkdirSync(join(input, 'a'));
    mkdirSync(join(input, 'b'));
    copyFileSync(SEED, join(input, 'a', 'report.txt'));
    copyFileSync(SEED, join(input, 'b', 'report.txt'));
    const out = tempDir('dup-out');
    expect((await yusuan(['run', input, '--out', out])).code).toBe(0);
    const rows = documents(out);
    expect(rows.map((r) => [r.document_id, r.duplicate_of, r.line_items])).toEqual([
      ['a_report', '', '40'],
      ['b_report', 'a_report', '0'],
    ]);
    expect(readdirSync(join(out, 'json'))).toEqual(['a_report.json']);
    const items = readFileSync(join(out, 'line_items.csv'), 'utf8');
    expect(items).not.toMatch(/^b_report,/m);
    expect(checkContract(out)).toEqual([]);
  });

  it('exits 1 while the dump holds a failed document, also when the re-run extracted nothing', async () => {
    const input = tempDir('failed');
    copyFileSync(SEED, join(input, 'report.txt'));
    copyFileSync(ENCRYPTED, join(input, 'locked.pdf'));
    const out = tempDir('failed-out');
    const first = await yusuan(['run', input, '--out', out]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/1 verified, 0 need review, 1 failed/);
    const again = await yusuan(['run', input, '--out', out, '--strict']);
    expect(again.stdout).toMatch(/0 new, 0 changed, 2 unchanged/);
    expect(again.code).toBe(1);
    expect(documents(out).map((r) => r.verdict)).toEqual(['failed', 'verified']);
  });

  it("refuses to write a shard into another shard's folder, and merge names the missing shard", async () => {
    const input = tempDir('shards');
    for (const name of ['000_b0eb34479b848794', '001_1c3d2c2c6bd79ef7', '004_15f2cd45d2b48077'])
      copyFileSync(`seeds/${name}.txt`, join(input, `${name}.txt`));
    const one = tempDir('shard1');
    expect((await yusuan(['run', input, '--out', one, '--shard', '1/2'])).code).toBeLessThanOrEqual(1);
    const manifest = JSON.parse(readFileSync(join(one, '.yusuan', 'manifest.json'), 'utf8'));
    expect(manifest.shard).toBe('1/2');
    const clash = await yusuan(['run', input, '--out', one, '--shard', '2/2']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/holds the dump of shard 1\/2; writing shard 2\/2 there/);
    const merged = await yusuan(['merge', one, '--out', tempDir('merged')]);
    expect(merged.stderr).toMatch(/shard 2\/2 missing/);
  });

  it('merge warns of each missing shard from the recorded K/N', () => {
    const dump = (shard: string | undefined) => ({
      dir: `d${shard}`,
      manifest: { ...emptyManifest('1', 'o'), ...(shard ? { shard } : {}) },
    });
    expect(missingShards([dump('1/3'), dump('3/3')])).toEqual([
      'warning: shard 2/3 missing: the merged dump lacks their documents',
    ]);
    expect(missingShards([dump('1/2'), dump('2/2')])).toEqual([]);
    expect(missingShards([dump('1/2'), dump(undefined)])[0]).toMatch(/record no --shard/);
  });
});

describe('yusuan extract and inspect', () => {
  it('lists a missing input file as failed and exits 1', async () => {
    const out = tempDir('x-missing');
    const result = await yusuan(['extract', SEED, 'nowhere/gone.txt', '--out', out, '--in-process']);
    expect(result.code).toBe(1);
    expect(documents(out).map((r) => [r.document_id, r.status, r.verdict])).toEqual([
      ['002_a3edc1729d60384f', 'ok', 'verified'],
      ['gone', 'failed', 'failed'],
    ]);
  });

  it('refuses to write into a run dump, and removes json/ files of documents it no longer writes', async () => {
    const input = tempDir('x-in');
    copyFileSync(SEED, join(input, 'report.txt'));
    const runOut = tempDir('x-run');
    await yusuan(['run', input, '--out', runOut]);
    const refused = await yusuan(['extract', input, '--out', runOut, '--in-process']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds a dump of `yusuan run`/);
    const out = tempDir('x-out');
    await yusuan(['extract', join(input, 'report.txt'), '--out', out, '--in-process']);
    copyFileSync(SEED, join(input, 'other.txt'));
    await yusuan(['extract', join(input, 'other.txt'), '--out', out, '--in-process']);
    expect(readdirSync(join(out, 'json'))).toEqual(['other.json']);
  });

  it('exits 1 when asked to inspect a file that is not there', async () => {
    const result = await yusuan(['inspect', 'nowhere/gone.pdf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gone\.pdf/);
  });

  it('strict fails a dump with a document to review; the seeds pass the contract', async () => {
    const out = tempDir('x-seeds');
    const result = await yusuan(['extract', 'seeds', '--out', out, '--in-process', '--strict']);
    expect(result.stdout).toMatch(/needs_review/);
    expect(result.code).toBe(1);
    expect(checkContract(out)).toEqual([]);
    const header = readFileSync(join(out, 'documents.csv'), 'utf8').split('\n')[0]!;
    expect(header.startsWith('document_id,source_file,status,message,')).toBe(true);
    expect(header.endsWith(',verdict,verdict_reasons,duplicate_of')).toBe(true);
  });
});
