import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../../schemas/document.ts';
import { type CrawlEvaluation, evaluateCrawl } from '../../../src/eval/real/evaluateCrawl.ts';
import { f1, precision, recall } from '../../../src/eval/score.ts';
import { toCsv } from '../../../src/writers/csv.ts';
import { tempDir } from '../../tmp.ts';
import { check, completeReportItems, documentOf, item } from './docs.ts';

const run = promisify(execFile);
const GOLD = 'test/fixtures/evalreal/gold';
const ROOT = 'crawl/renwu';
const SCRIPT = ['--import', 'tsx', 'scripts/eval-real.ts'];

/** A made-up crawl's dump: a clean report (with gold), a report failing a check, a web page, a crash. */
function fakeDocuments(): CanonicalDocument[] {
  const summary = (row: string, side: '收入' | '支出', rowIndex: number, code = '') =>
    item({
      table_index: 0,
      table_kind: 'income_expense_summary',
      table_title: '收支总表',
      row_label: row,
      subject_code: code,
      side,
      column_label: `${side} / 预算数`,
      value: '100.00',
      row_index: rowIndex,
      column_index: side === '收入' ? 1 : 3,
      page: 1,
    });
  const clean = documentOf({
    document_id: 'a',
    source_file: `${ROOT}/001_甲市/2026年甲市财政局部门预算.pdf`,
    line_items: [
      summary('一、财政拨款', '收入', 0),
      summary('一般公共服务支出', '支出', 0, '201'),
      summary('收入总计', '收入', 1),
      summary('支出总计', '支出', 1),
      ...completeReportItems().slice(1),
    ],
    checks: [check('pass')],
  });
  // The same file name in another city's folder is another document: the gold must not go to it.
  const namesake = documentOf({
    document_id: 'a__2',
    source_file: `${ROOT}/009_丁市/2026年甲市财政局部门预算.pdf`,
    line_items: completeReportItems().slice(0, 6),
    checks: [check('pass'), check('fail')],
  });
  const page = documentOf({
    document_id: 'c',
    source_file: `${ROOT}/003_丙市/list.html`,
    line_items: ['2025', '2024'].map((v, i) =>
      item({ table_index: 0, row_index: i, column_label: '.menu {', value: v }),
    ),
  });
  const crash = documentOf({
    document_id: 'd',
    source_file: `${ROOT}/004_戊市/d.pdf`,
    status: 'failed',
    message: 'd.pdf: extract failed: boom',
    problems: [
      { severity: 'error', code: 'internal-error', message: 'd.pdf: extract failed: boom', stage: 'extract' },
    ],
  });
  return [clean, namesake, page, crash];
}

function writeDump(dir: string, docs: readonly CanonicalDocument[]): void {
  mkdirSync(join(dir, 'json'), { recursive: true });
  writeFileSync(join(dir, 'documents.csv'), toCsv(['document_id', 'source_file', 'status', 'message'], docs));
  for (const doc of docs) writeFileSync(join(dir, 'json', `${doc.document_id}.json`), JSON.stringify(doc));
}

let dump: string;
let evaluation: CrawlEvaluation;

beforeAll(async () => {
  dump = tempDir('evalreal-dump');
  writeDump(dump, fakeDocuments());
  evaluation = await evaluateCrawl(dump, GOLD);
});

describe('npm run eval:real over a dump', () => {
  it('reports each document and the totals', () => {
    const byId = new Map(evaluation.documents.map((d) => [d.documentId, d]));
    expect(byId.get('a')).toMatchObject({ class: 'report', cleanAndComplete: true, coreMissing: [] });
    expect(byId.get('a__2')).toMatchObject({ class: 'report', cleanAndComplete: false, checksFailed: 1 });
    expect(byId.get('a__2')!.coreMissing).toEqual(['three_public_expense']);
    expect(byId.get('c')).toMatchObject({
      class: 'not-budget',
      status: 'ok',
      otherTables: 1,
      otherAmounts: 2,
    });
    expect(byId.get('d')!.class).toBe('crash');
    const t = evaluation.totals;
    expect(t).toMatchObject({ budgetDocuments: 2, cleanAndComplete: 1, crashes: 1, nonBudgetOk: 1 });
    expect(t.cleanShare).toBe(0.5);
    expect(t.checkPassRate).toBeCloseTo(2 / 3, 10);
  });

  it('scores the gold against the document of the same folder and file, strict and by amount', () => {
    const a = evaluation.gold.find((g) => g.key === '001_甲市/2026年甲市财政局部门预算')!;
    expect(a.heldOut).toBe(true);
    // 支出合计 (gold) vs 支出总计 (extracted): a strict miss and an extra, the same amount.
    expect(a.strict).toMatchObject({ truePositives: 3, falsePositives: 1, falseNegatives: 1 });
    expect(a.amount).toMatchObject({ truePositives: 4, falsePositives: 0, falseNegatives: 0 });
    const missing = evaluation.gold.find((g) => g.key.startsWith('002_乙市/'))!;
    expect(missing.problem).toMatch(/no document/);
    expect(missing.strict.falseNegatives).toBe(2);
    const all = evaluation.goldAll!;
    expect([precision(all.strict), recall(all.strict)]).toEqual([0.75, 0.5]);
    expect(f1(evaluation.goldHeldOut!.strict)).toBe(0.75);
    expect(evaluation.goldHeldOut!.documents).toBe(1);
    expect(all.strictByKind.get('three_public_expense')).toMatchObject({ falseNegatives: 2 });
  });

  it('gates on the baseline: exit 0 when no total is worse, 1 naming what is', async () => {
    const baseline = join(tempDir('evalreal-baseline'), 'real-baseline.json');
    const args = [...SCRIPT, 'fake', '--dump', dump, '--gold', GOLD, '--baseline', baseline];
    await run(process.execPath, [...args, '--write-baseline']);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(written.fake).toMatchObject({ clean_share: 0.5, crashes: 1, gold_f1: 0.6, heldout_gold_f1: 0.75 });
    const ok = await run(process.execPath, args);
    expect(ok.stderr).toMatch(/no regression/);
    writeFileSync(
      baseline,
      JSON.stringify({ fake: { ...written.fake, clean_share: 0.9, heldout_gold_f1: 0.8 } }),
    );
    const failed = await run(process.execPath, args).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/clean and complete: 0\.5 \(baseline 0\.9\)/);
    expect(failed?.stderr).toMatch(/held-out gold line-item F1: 0\.75 \(baseline 0\.8\)/);
  }, 120_000);

  it('skips cleanly when the crawl folder is not there', async () => {
    const { stdout } = await run(process.execPath, [...SCRIPT, join(dump, 'no-such-crawl')]);
    expect(stdout).toMatch(/skipped: .*no-such-crawl not found/);
  });
});
