import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContract } from '../../src/eval/contract.ts';
import { tempDir } from '../tmp.ts';

const run = promisify(execFile);

async function yusuan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/yusuan.js', ...args], {
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function csv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.set(join(d, e.name).slice(dir.length), readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return files;
}

describe('yusuan extract on the seeds', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof yusuan>>;
  beforeAll(async () => {
    out = tempDir('yusuan');
    result = await yusuan(['extract', 'seeds', '--out', out]);
  });

  it('exits 0 and prints one line per document and a summary', () => {
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^\S+\s+ok\s/gm)).toHaveLength(5);
    expect(result.stdout).toMatch(/5 documents: 5 ok, 0 partial, 0 failed/);
  });

  it('writes output that holds the contract', () => {
    expect(checkContract(out)).toEqual([]);
  });

  it('writes one JSON per document and every contract file', () => {
    expect(readdirSync(join(out, 'json')).sort()).toHaveLength(5);
    const docs = csv(join(out, 'documents.csv'));
    expect(docs.map((d) => d.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(docs.map((d) => d.city)).toEqual(['深圳', '深圳', '广州', '厦门', '北京']);
  });

  it('writes byte-identical output for the same input', async () => {
    const again = tempDir('yusuan');
    await yusuan(['extract', 'seeds', '--out', again]);
    expect(snapshot(again)).toEqual(snapshot(out));
  });

  it('describes every CSV in datapackage.json with the fields it has', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: { path: string; schema: { fields: { name: string; type: string }[] } }[];
    };
    for (const resource of pkg.resources) {
      const header = readFileSync(join(out, resource.path), 'utf8').split('\n')[0]?.split(',');
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
    }
    const value = pkg.resources
      .find((r) => r.path === 'line_items.csv')
      ?.schema.fields.find((f) => f.name === 'value');
    expect(value?.type).toBe('number');
  });
});

describe('yusuan extract on bad inputs', () => {
  it('lists each bad file with its status and message and keeps the good ones', async () => {
    const dir = tempDir('bad');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    const noise = Buffer.alloc(2048);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 131) % 256;
    writeFileSync(join(dir, 'in', 'noise.txt'), noise);
    writeFileSync(join(dir, 'in', 'prose.txt'), '这是一份通知。\n没有任何预算表格。\n');
    copyFileSync('seeds/004_15f2cd45d2b48077.txt', join(dir, 'in', 'good.txt'));
    const result = await yusuan(['extract', join(dir, 'in'), '--out', join(dir, 'out')]);
    // None of them is a budget that failed: an empty file, noise and a notice are not budgets.
    expect(result.code).toBe(0);
    const docs = Object.fromEntries(csv(join(dir, 'out', 'documents.csv')).map((d) => [d.document_id, d]));
    expect([docs.empty, docs.noise, docs.prose, docs.good].map((d) => d?.verdict)).toEqual([
      'not_budget',
      'not_budget',
      'not_budget',
      'verified',
    ]);
    expect(docs.empty).toMatchObject({ status: 'failed' });
    expect(docs.empty?.message).toMatch(/empty\.txt: the file is empty/);
    expect(docs.noise?.message).toMatch(/noise\.txt: not a budget document/);
    expect(docs.prose?.message).toMatch(/no budget table .*prose\.txt/);
    expect(docs.good).toMatchObject({ status: 'ok', line_items: '307' });
    expect(checkContract(join(dir, 'out'))).toEqual([]);
  });

  it('refuses to run without inputs and names unknown layouts', async () => {
    expect((await yusuan(['extract'])).code).toBe(2);
    const unknown = await yusuan(['extract', 'seeds', '--layout', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/known layouts: shenzhen/);
  });

  it('checks a narrative against its report when both are extracted together, and says so', async () => {
    const dir = tempDir('cli-companion');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', '某局_2022年部门预算说明.txt'), '2022年部门预算收入 8,785 万元。\n');
    writeFileSync(
      join(dir, 'in', '某局_附件：部门预算报表.txt'),
      '收支总表\n单位：万元\n收入\t预算数\t支出\t预算数\n收入总计\t8,785\t支出总计\t8,785\n',
    );
    const result = await yusuan(['extract', join(dir, 'in'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '某局_2022年部门预算说明: text checked against 某局_附件：部门预算报表: 1 pass / 0 fail / 0 skip',
    );
    const prose = csv(join(dir, 'out', 'checks.csv')).filter((c) => c.check === 'prose_matches_table');
    expect(prose).toEqual([
      expect.objectContaining({ document_id: '某局_2022年部门预算说明', status: 'pass' }),
    ]);
  });

  it('answers --help for every command and names a mistyped option without a stack trace', async () => {
    for (const command of ['extract', 'run', 'merge', 'inspect']) {
      const help = await yusuan([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^yusuan — /);
    }
    const typo = await yusuan(['extract', 'seeds', '--ouput', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^yusuan extract: Unknown option '--ouput'/);
    expect(typo.stderr).not.toMatch(/\bat .*main\.ts/);
  });
});
