import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

/** A text document of TAB-separated lines (⇥ stands for TAB), its children_sum_to_parent checks. */
async function parentChecks(lines: readonly string[]) {
  const doc = await extractDocument(new TextEncoder().encode(lines.join('\n').replace(/⇥/g, '\t')), {
    documentId: 'codes',
    sourceFile: 'codes.txt',
  });
  return doc.checks.filter((c) => c.check === 'children_sum_to_parent');
}

/** Xi'an's 表6: 7-digit 目 printed under the 类 without their 款 (30102 津贴补贴 is not printed). */
const economicTable = (bonus: string) => [
  '一般公共预算支出明细表（按支出经济分类科目）',
  '单位：万元',
  '部门经济科目编码⇥部门经济科目名称⇥合计⇥人员经费支出',
  '⇥合计⇥970.84⇥970.84',
  '301⇥工资福利支出⇥970.84⇥970.84',
  '30101⇥基本工资⇥237.03⇥237.03',
  `3010201⇥津贴补贴⇥${bonus}⇥${bonus}`,
  '3010202⇥改革性补贴⇥34.76⇥34.76',
  '30108⇥机关事业单位基本养老保险缴费⇥81.23⇥81.23',
  '30113⇥住房公积金⇥87.86⇥87.86',
  '30199⇥其他工资福利支出⇥212.27⇥212.27',
];

describe('children_sum_to_parent by code', () => {
  it('a 目 whose 款 is not printed is a part of the nearest printed ancestor', async () => {
    const checks = await parentChecks(economicTable('317.69'));
    const at301 = checks.filter((c) => c.scope.includes('301 工资福利支出'));
    expect(at301.length).toBeGreaterThan(0);
    expect(at301.every((c) => c.status === 'pass')).toBe(true);
  });

  it('and a wrong 目 is caught at that ancestor', async () => {
    const checks = await parentChecks(economicTable('327.69'));
    const failed = checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.scope)).toContain(
      '一般公共预算支出明细表（按支出经济分类科目） / 301 工资福利支出 / 合计',
    );
  });
});

describe('children_sum_to_parent by economic class name', () => {
  it('ends a class’s rows at the next row numbered as it is, whatever its name', async () => {
    const checks = await parentChecks([
      '财政拨款收支总表',
      '单位：万元',
      '项目⇥预算数',
      '一、部门预算⇥169151.38',
      '9、对个人和家庭的补助⇥100151.38',
      '10、对社保基金补助⇥68700',
      '本年支出合计⇥169151.38',
    ]);
    expect(checks.filter((c) => c.scope.includes('对个人和家庭的补助') && c.status === 'fail')).toEqual([]);
  });
});

describe('children_sum_to_parent by printed numbering', () => {
  it('reads each label group of a side by its own numbering, column by column', async () => {
    const side = (otherExpense: string) => [
      '收支总表',
      '单位：元',
      '收入⇥⇥支出⇥⇥⇥',
      '项目⇥预算数⇥部门预算支出经济科目⇥预算数⇥政府预算支出经济分类科目⇥预算数',
      '一、部门预算⇥300.00⇥一、部门预算⇥300.00⇥一、部门预算⇥300.00',
      '⇥⇥1、人员经费和公用经费支出⇥100.00⇥1、机关工资福利支出⇥100.00',
      '⇥⇥(1)工资福利支出⇥100.00⇥2、机关商品和服务支出⇥150.00',
      `⇥⇥2、专项业务经费支出⇥200.00⇥15、其他支出⇥${otherExpense}`,
      '本年收入合计⇥300.00⇥本年支出合计⇥300.00⇥本年支出合计⇥300.00',
    ];
    const checks = await parentChecks(side('50.00'));
    const government = checks.filter((c) => c.scope.includes('一、部门预算 / 政府预算支出经济分类科目'));
    expect(government.map((c) => c.status)).toEqual(['pass']);
    // The 部门 group numbers three levels deep (1、 above (1)): its level is not printed, skipped.
    expect(checks.find((c) => c.scope.includes('一、部门预算 / 部门预算支出经济科目'))?.status).toBe('skip');
    const short = await parentChecks(side('0.00'));
    expect(short.filter((c) => c.status === 'fail').map((c) => c.scope)).toEqual([
      '收支总表 / 支出 / 一、部门预算 / 政府预算支出经济分类科目 / 预算数',
    ]);
  });
});
