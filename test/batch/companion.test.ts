import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runBatch, STATE_DIR } from '../../src/batch/runBatch.ts';
import { tempDir } from '../tmp.ts';

/** A narrative and its report as two files of one folder, as departments publish them. */
function publish(dir: string, stated: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, '某局_2022年部门预算说明.txt'),
    `一、收入预算情况\n2022年部门预算收入 ${stated} 万元。\n`,
  );
  writeFileSync(
    join(dir, '某局_附件：2022年部门预算报表.txt'),
    '收支总表\n单位：万元\n收入\t预算数\t支出\t预算数\n一般公共预算拨款\t8,785\t一般公共服务支出\t8,785\n收入总计\t8,785\t支出总计\t8,785\n',
  );
}

const proseChecks = (out: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(out, 'checks.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data.filter((c) => c.check === 'prose_matches_table');

describe('yusuan run: a narrative checked against its report', () => {
  it('publishes the cross-document check, keeps each cached extraction as the file alone gives it, and re-pairs on change', async () => {
    const root = tempDir('companion');
    const corpus = join(root, 'in');
    const out = join(root, 'out');
    publish(corpus, '8,785');
    await runBatch([corpus], { outDir: out, version: 'test', extract: {}, concurrency: 1 });
    expect(proseChecks(out)).toEqual([
      expect.objectContaining({
        document_id: '某局_2022年部门预算说明',
        status: 'pass',
        expected: '8785',
        actual: '8785',
      }),
    ]);
    expect(proseChecks(out)[0]?.scope).toContain('vs report 某局_附件：2022年部门预算报表 table 收入总计');
    const cached = JSON.parse(
      readFileSync(join(out, STATE_DIR, 'cache', '某局_2022年部门预算说明.json'), 'utf8'),
    ) as { checks: { status: string }[] };
    expect(cached.checks.map((c) => c.status)).toEqual(['skip']);

    // The narrative changes; the report does not: the pair is checked again.
    publish(corpus, '8,786');
    await runBatch([corpus], { outDir: out, version: 'test', extract: {}, concurrency: 1 });
    expect(proseChecks(out).map((c) => c.status)).toEqual(['fail']);
  }, 120_000);
});
