import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { withCompanionChecks } from '../../src/checks/companionProse.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../../src/pipeline/findInputs.ts';
import { shutdownOcr } from '../../src/readers/ocr/engine.ts';

/**
 * The real two-file disclosure of 北京市政务服务和数据管理局 2026: the narrative is a scan with no
 * text layer (pages 5–7 of its 8 are committed: the pages that state amounts), the report is the
 * 85-page table PDF. Expected figures were read from the page images and the report's pages 1–3.
 */

const DIR = 'test/fixtures/companion';
const NARRATIVE = join(DIR, '政务服务和数据管理局_2026年部门预算-第5至7页.pdf');
const REPORT = join(DIR, '政务服务和数据管理局_附件2：北京市政务服务和数据管理局2026年度部门预算报表.pdf');

async function extract(path: string): Promise<CanonicalDocument> {
  return extractDocument(
    readFileSync(path),
    { documentId: documentIdOf(path), sourceFile: path },
    { ocrWorkers: 1 },
  );
}

let narrative: CanonicalDocument;
let report: CanonicalDocument;
beforeAll(async () => {
  [narrative, report] = withCompanionChecks([await extract(NARRATIVE), await extract(REPORT)]) as [
    CanonicalDocument,
    CanonicalDocument,
  ];
}, 300_000);
afterAll(shutdownOcr);

describe('a scanned narrative checked against its report of tables', () => {
  it('reads the amounts the scanned text states, with their pages', () => {
    expect(narrative.input_type).toBe('pdf');
    expect(narrative.status).toBe('partial');
    expect(narrative.message).toMatch(/no budget table .* the text states \d+ amount/);
    expect(narrative.message).not.toMatch(/not a budget disclosure/);
    const stated = new Map((narrative.prose_amounts ?? []).map((a) => [a.quantity, [a.value, a.page]]));
    // Page numbers are those of the 3-page fixture (pages 5, 6, 7 of the original).
    expect(stated.get('income_total')).toEqual(['101673.03', 1]);
    expect(stated.get('income_general_budget')).toEqual(['101673.03', 1]);
    expect(stated.get('income_carried_forward')).toEqual(['4950.85', 1]);
    expect(stated.get('expense_total')).toEqual(['101673.03', 2]);
    expect(stated.get('expense_summary_basic')).toEqual(['38197.01', 2]);
    expect(stated.get('expense_summary_project')).toEqual(['63408.16', 2]);
    expect(stated.get('three_public_total')).toEqual(['80.11', 3]);
    expect(stated.get('three_public_abroad')).toEqual(['51.3', 3]);
    expect(stated.get('three_public_reception')).toEqual(['7.25', 3]);
    expect(stated.get('three_public_vehicles')).toEqual(['21.56', 3]);
    expect(stated.get('procurement_total')).toEqual(['55307.45', 3]);
  });

  it('checks each statement against the report, naming the report and the table cell', () => {
    const prose = narrative.checks.filter((c) => c.check === 'prose_matches_table');
    expect(prose).toHaveLength(narrative.prose_amounts?.length ?? -1);
    for (const c of prose) expect(c.scope).toContain(`report ${report.document_id} table`);
    const byText = (text: string) => prose.find((c) => c.scope.includes(text));
    // 预算01表 收入总计 101,673.030619 rounds to the stated 101,673.03.
    expect(byText('收入预算101,673.03')).toMatchObject({ status: 'pass', expected: '101673.030619' });
    expect(byText('政府采购预算总额55,307.45')).toMatchObject({ status: 'pass' });
    // 预算09表 prints 80.109836 (51.3 + 7.249836 + 21.56).
    expect(byText('经费预算80.11')).toMatchObject({ status: 'pass', expected: '80.109836' });
  });

  it('finds what the department got wrong: its text gives 一般公共预算拨款收入 as the total with the carry-over', () => {
    // Page 5 states 一般公共预算拨款收入 101,673.03 万元; 预算01表 prints 96,722.180672, and
    // 96,722.18 + 上年结转结余 4,950.85 = 101,673.03.
    const c = narrative.checks.find(
      (x) => x.check === 'prose_matches_table' && x.scope.includes('一般公共预算拨款收入101,673.03'),
    );
    expect(c).toMatchObject({ status: 'fail', expected: '96722.180672', actual: '101673.03', page: 1 });
  });

  it('leaves the report itself as its own extraction gives it', () => {
    expect(report.status).toBe('ok');
    expect(report.prose_amounts).toBeUndefined();
    expect(report.checks.some((c) => c.scope.includes('report '))).toBe(false);
  });
});
