import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDumps, hasChanges } from '../../src/batch/diffDumps.ts';
import { formatDiff } from '../../src/cli/diffCommand.ts';
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

const doc = (id: string, verdict: string) => ({ document_id: id, verdict });
const item = (id: string, kind: string, row: string, value: string) => ({
  document_id: id,
  table_kind: kind,
  table_title: 't',
  row_label: row,
  subject_code: '',
  economic_code: '',
  column_label: '合计',
  value,
});
const check = (id: string, scope: string, status: string) => ({
  document_id: id,
  check: 'cross_table_total',
  scope,
  status,
});

describe('diffDumps', () => {
  const old = {
    documents: [doc('a', 'verified'), doc('b', 'needs_review'), doc('gone', 'verified')],
    lineItems: [
      item('a', 'income_summary', '收入', '10.00'),
      item('a', 'income_summary', '其他', '1'),
      item('a', 'three_public_expense', '公务接待费', '2'),
      item('gone', 'income_summary', '收入', '5'),
    ],
    checks: [check('a', 's1', 'pass'), check('b', 's2', 'fail')],
  };
  const now = {
    documents: [doc('a', 'verified'), doc('b', 'verified'), doc('new', 'failed')],
    lineItems: [
      item('a', 'income_summary', '收入', '10'),
      item('a', 'income_summary', '其他', '3'),
      item('a', 'three_public_expense', '公务用车', '2'),
      item('new', 'income_summary', '收入', '5'),
    ],
    checks: [check('a', 's1', 'pass'), check('b', 's2', 'pass')],
  };

  it('finds documents added and removed, verdicts changed, amounts per kind and flipped checks', () => {
    const diff = diffDumps(old, now);
    expect(diff.added).toEqual(['new']);
    expect(diff.removed).toEqual(['gone']);
    expect(diff.verdicts).toEqual([{ document_id: 'b', old: 'needs_review', new: 'verified' }]);
    // 10.00 and 10 are one amount; the amounts of added and removed documents are not counted twice.
    expect(diff.amounts).toEqual({
      income_summary: { changed: 1, appeared: 0, vanished: 0 },
      three_public_expense: { changed: 0, appeared: 1, vanished: 1 },
    });
    expect(diff.changedAmounts).toEqual([
      {
        document_id: 'a',
        table_kind: 'income_summary',
        row_label: '其他',
        column_label: '合计',
        old: '1',
        new: '3',
      },
    ]);
    expect(diff.checks).toEqual([
      { document_id: 'b', check: 'cross_table_total', scope: 's2', old: 'fail', new: 'pass' },
    ]);
    expect(hasChanges(diff)).toBe(true);
    expect(formatDiff(diff)).toMatch(
      /documents: 1 added, 1 removed[\s\S]*b: needs_review → verified[\s\S]*1 changed, 1 appeared, 1 vanished/,
    );
  });

  it('says no change for the same dump', () => {
    const diff = diffDumps(old, old);
    expect(hasChanges(diff)).toBe(false);
    expect(formatDiff(diff)).toMatch(/^no change/);
  });
});

describe('yusuan diff', () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    first = tempDir('diff-a');
    await yusuan(['extract', 'seeds/004_15f2cd45d2b48077.txt', '--out', first, '--in-process']);
    second = tempDir('diff-b');
    cpSync(first, second, { recursive: true });
    const path = join(second, 'line_items.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    // One amount changed as a misreading would change it.
    lines[1] = lines[1]!.replace(
      /,(-?\d+(?:\.\d+)?),(万元|元),/,
      (_m, v: string, u: string) => `,${v}9,${u},`,
    );
    writeFileSync(path, lines.join('\n'));
  });

  it('exits 0 on two identical dumps, even with --fail-on-change', async () => {
    const result = await yusuan(['diff', first, first, '--fail-on-change']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no change/);
  });

  it('reports a changed amount, as JSON too, and exits 1 with --fail-on-change', async () => {
    const text = await yusuan(['diff', first, second]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/amounts: 1 changed, 0 appeared, 0 vanished/);
    const json = await yusuan(['diff', first, second, '--json', '--fail-on-change']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ changed: true, added: [], removed: [] });
  });

  it('refuses a folder that is not a dump', async () => {
    expect((await yusuan(['diff', first, tempDir('empty')])).code).toBe(2);
  });
});
