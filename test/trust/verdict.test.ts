import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { CORE_KINDS, judge, withVerdict } from '../../src/checks/verdict.ts';
import { extractDocument, failedDocument } from '../../src/pipeline/extractDocument.ts';

async function seed(name: string): Promise<CanonicalDocument> {
  const path = `seeds/${name}.txt`;
  return extractDocument(readFileSync(path), { documentId: name, sourceFile: path });
}

describe('judge: the verdict of a document', () => {
  let beijing: CanonicalDocument;
  beforeAll(async () => {
    beijing = await seed('004_15f2cd45d2b48077');
  });

  it('verifies a report with every core table, every check passing and no OCR value in doubt', () => {
    expect(CORE_KINDS.every((k) => beijing.tables.some((t) => t.table_kind === k))).toBe(true);
    expect(judge(beijing)).toEqual({ verdict: 'verified', reasons: [] });
  });

  it('sends a document with a failed check to review, naming the checks', () => {
    const [first, ...rest] = beijing.checks;
    const doc = { ...beijing, checks: [{ ...first!, status: 'fail' as const }, ...rest] };
    expect(judge(doc)).toEqual({
      verdict: 'needs_review',
      reasons: [`1 failed check (${first!.check})`],
    });
  });

  it('names the core tables a report lacks', () => {
    const doc = { ...beijing, tables: beijing.tables.filter((t) => t.table_kind !== 'three_public_expense') };
    expect(judge(doc).reasons).toEqual(['core tables missing: three_public_expense']);
  });

  it("takes Shenzhen's 基本支出总表 for the 一般公共预算基本支出表 its template does not print", () => {
    const basic = (t: CanonicalDocument['tables'][number]) => t.table_kind === 'general_budget_basic_expense';
    const without = { ...beijing, tables: beijing.tables.filter((t) => !basic(t)) };
    expect(judge(without).reasons).toEqual(['core tables missing: general_budget_basic_expense']);
    const shenzhen = {
      ...without,
      tables: [
        ...without.tables,
        { ...beijing.tables.find(basic)!, table_kind: 'basic_expense_summary' as const },
      ],
    };
    expect(judge(shenzhen).verdict).toBe('verified');
  });

  it('counts OCR values repaired or read below the confidence floor, and other tables with amounts', () => {
    const items = beijing.line_items;
    const doc = {
      ...beijing,
      line_items: [
        { ...items[0]!, status: 'repaired' as const },
        { ...items[1]!, confidence: 41 },
        { ...items[2]!, confidence: 95 },
        ...items.slice(3),
      ],
      tables: [...beijing.tables, { ...beijing.tables[0]!, table_kind: 'other' as const }],
    };
    expect(judge(doc)).toEqual({
      verdict: 'needs_review',
      reasons: [
        '1 OCR value repaired by the checks',
        '1 OCR value read with confidence < 70',
        '1 table of kind other with amounts',
      ],
    });
  });

  it('judges a lone performance form on what it is, not on the report tables it never had', async () => {
    const forms = await seed('001_1c3d2c2c6bd79ef7');
    expect(forms.tables.every((t) => t.table_kind === 'project_performance')).toBe(true);
    expect(judge(forms).verdict).toBe('verified');
  });

  it('tells a file that is no budget from a budget that failed', () => {
    const id = { documentId: 'x', sourceFile: 'x.bin' };
    const problem = (code: string) => ({
      severity: 'error' as const,
      code,
      message: `x.bin: ${code}`,
      stage: 'read' as const,
    });
    expect(judge(failedDocument(id, '0'.repeat(64), 'unknown', [problem('unsupported-input')])).verdict).toBe(
      'not_budget',
    );
    const notice = failedDocument(id, '0'.repeat(64), 'text', [problem('no-budget-table')]);
    expect(judge(notice).verdict).toBe('not_budget');
    // A budget whose tables were not found is a failure, not "no budget": it names its department.
    const missed = { ...notice, metadata: { ...notice.metadata, department: '深圳市人民政府外事办公室' } };
    expect(judge(missed).verdict).toBe('failed');
    // Tables read and judged none a budget table (a crawled statistics page): not a budget, whatever it names.
    const statistics = {
      ...missed,
      problems: [
        { ...problem('no-budget-table'), message: 'x: its 3 table(s) with numbers are none a budget table' },
      ],
    };
    expect(judge(statistics).verdict).toBe('not_budget');
    const unreadable = failedDocument(id, '0'.repeat(64), 'unknown', [problem('unreadable')]);
    expect(judge(unreadable)).toEqual({ verdict: 'failed', reasons: ['x.bin: unreadable'] });
  });

  it('sends a narrative whose amounts no report confirmed to review', () => {
    const narrative: CanonicalDocument = {
      ...failedDocument({ documentId: 'n', sourceFile: 'n.pdf' }, '0'.repeat(64), 'pdf', []),
      status: 'ok',
      prose_amounts: [
        {
          quantity: 'income_total',
          label: '收入总计',
          text: '收入101.00万元',
          value: '101.00',
          unit: '万元',
        },
      ],
    };
    expect(judge(narrative)).toEqual({
      verdict: 'needs_review',
      reasons: ['the stated amounts were not checked against a report'],
    });
    // Paired with its report and every stated amount found there: verified, though `partial` by construction.
    const noTable = {
      severity: 'error' as const,
      code: 'no-budget-table',
      message: 'no table',
      stage: 'segment' as const,
    };
    const paired: CanonicalDocument = {
      ...narrative,
      status: 'partial',
      message: 'no table',
      problems: [noTable],
      checks: [
        {
          document_id: 'n',
          check: 'prose_matches_table',
          scope: 'income_total vs report r table income_expense_summary',
          expected: '101.00',
          actual: '101.00',
          difference: '0',
          tolerance: '0',
          status: 'pass',
          message: '',
        },
      ],
    };
    expect(judge(paired)).toEqual({ verdict: 'verified', reasons: [] });
    expect(judge({ ...paired, checks: [{ ...paired.checks[0]!, status: 'fail' }] }).reasons).toEqual([
      '1 failed check (prose_matches_table)',
    ]);
  });

  it('records the verdict on the document it writes', () => {
    const doc = withVerdict({ ...beijing, tables: [], line_items: [], indicators: [] });
    expect(doc.verdict).toBe('needs_review');
    expect(doc.verdict_reasons).toEqual(['nothing extracted']);
  });
});
