import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluateDocument, regressions, withinGoldTables } from '../../src/eval/evaluate.ts';
import { f1 } from '../../src/eval/score.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { tempDir } from '../tmp.ts';

const run = promisify(execFile);
const SEED = 'seeds/004_15f2cd45d2b48077.txt';
const ID = '004_15f2cd45d2b48077';

describe('accuracy regression gate', () => {
  it('reports a document whose extractor dropped a row', async () => {
    const doc = await extractDocument(readFileSync(SEED), { documentId: ID, sourceFile: SEED });
    const dropped = { ...doc, line_items: doc.line_items.filter((it) => it.line !== 103) };
    const good = evaluateDocument(doc, { goldDir: 'test/gold' })!;
    const broken = evaluateDocument(dropped, { goldDir: 'test/gold' })!;
    expect(f1(good.lineItems)).toBe(1);
    expect(f1(broken.lineItems)).toBeLessThan(1);
    expect(broken.lineItems.missing.some((k) => k.endsWith('| 103'))).toBe(true);
    expect(regressions([broken], { [ID]: { line_items_f1: 1 } })).toHaveLength(1);
    expect(regressions([good], { [ID]: { line_items_f1: 1 } })).toEqual([]);
  });

  it('makes npm run eval exit non-zero when extraction falls below the baseline', async () => {
    const dir = tempDir('gold');
    for (const part of ['line_items', 'indicators', 'tables'])
      cpSync(`test/gold/${ID}.${part}.csv`, join(dir, `${ID}.${part}.csv`));
    // The gold now holds an amount the extractor does not produce: as if it had dropped that row.
    const items = join(dir, `${ID}.line_items.csv`);
    writeFileSync(
      items,
      `${readFileSync(items, 'utf8')}gov_procurement,政府采购预算明细表,B-工程,,,金额,1.000000,万元,236\n`,
    );
    writeFileSync(
      join(dir, 'baseline.json'),
      JSON.stringify({ [ID]: { line_items_f1: 1, indicators_f1: 1 } }),
    );
    const result = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/eval.ts',
      '--gold',
      dir,
      '--baseline',
      join(dir, 'baseline.json'),
      SEED,
    ]).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/REGRESSION/);
    expect(result.stdout).toMatch(/line items F1 0\.99\d+ < baseline 1\.0000/);
  });

  it('fails when there is no baseline to compare with', async () => {
    const dir = tempDir('gold');
    const result = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/eval.ts',
      '--baseline',
      join(dir, 'absent.json'),
      SEED,
    ]).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/no baseline at/);
  });

  it('does not expect baseline entries outside what was evaluated', () => {
    const base = { 'realdocs/x': { line_items_f1: 1 } };
    expect(regressions([], base, (id) => !id.startsWith('realdocs/'))).toEqual([]);
    expect(regressions([], base)).toEqual([
      'realdocs/x: in the baseline but not evaluated (input or gold missing)',
    ]);
  });
});

describe('scoring one verified table of a real file', () => {
  it('keeps only records of the gold tables (same kind, same page)', () => {
    const gold = [{ table_kind: 'income_expense_summary', page: '7' }];
    const extracted = [
      { table_kind: 'income_expense_summary', page: 7 },
      { table_kind: 'income_expense_summary', page: 8 },
      { table_kind: 'expense_summary', page: 7 },
    ];
    expect(withinGoldTables(gold, extracted)).toEqual([extracted[0]]);
  });
});
