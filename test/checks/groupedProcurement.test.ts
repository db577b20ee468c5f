import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

/**
 * Xi'an's 表12: every row prints its function code over 类 | 款 | 项 and the economic codes over two
 * 类 | 款 pairs; rows are grouped 资金性质 (1 全额) › unit (153001 …) › purchase, and 数量 counts items.
 */
const table = (firstPurchase: string) => [
  '部门综合预算政府采购（资产配置、购买服务）预算表',
  '单位：元',
  '科目编码⇥⇥⇥单位编码⇥采购项目⇥采购目录⇥数量⇥部门预算支出经济科目编码⇥⇥政府预算支出经济科目编码⇥⇥预算金额',
  '类⇥款⇥项⇥⇥⇥⇥⇥类⇥款⇥类⇥款⇥',
  '合计⇥⇥⇥⇥⇥⇥3⇥⇥⇥⇥⇥7,000,000.00',
  '204⇥02⇥01⇥1⇥全额⇥⇥3⇥⇥⇥⇥⇥7,000,000.00',
  '204⇥02⇥01⇥153001⇥某市公安局⇥⇥2⇥⇥⇥⇥⇥6,500,000.00',
  `204⇥02⇥01⇥⇥车辆运行维护费⇥C23120301车辆维修和保养服务⇥1⇥302⇥31⇥502⇥08⇥${firstPurchase}`,
  '204⇥02⇥01⇥⇥日常公用经费⇥A05030301制服⇥1⇥302⇥24⇥502⇥04⇥500,000.00',
  '204⇥02⇥01⇥153002⇥某市公安局交通管理支队⇥⇥1⇥⇥⇥⇥⇥500,000.00',
  '204⇥02⇥01⇥⇥日常公用经费⇥A05040401文具⇥1⇥302⇥01⇥502⇥01⇥500,000.00',
];

/** A text document of TAB-separated lines (⇥ stands for TAB), extracted. */
function extractLines(lines: readonly string[]) {
  return extractDocument(new TextEncoder().encode(lines.join('\n').replace(/⇥/g, '\t')), {
    documentId: 'procurement',
    sourceFile: 'procurement.txt',
  });
}

const sumChecks = async (lines: readonly string[]) =>
  (await extractLines(lines)).checks.filter((c) => c.check === 'row_total_equals_parts');

const extract = (firstPurchase: string) => extractLines(table(firstPurchase));

describe('a procurement table grouped by fund, unit and purchase', () => {
  it('reads each code whole, keeps 数量 out of amounts and labels', async () => {
    const doc = await extract('6,000,000.00');
    const purchase = doc.line_items.find((i) => i.row_label.startsWith('车辆运行维护费'));
    expect(purchase).toMatchObject({
      subject_code: '2040201',
      economic_code: '30231',
      gov_economic_code: '50208',
    });
    expect(purchase?.row_label).toBe('车辆运行维护费 / C23120301车辆维修和保养服务');
    expect(doc.line_items.some((i) => i.column_label.includes('数量'))).toBe(false);
    expect(doc.line_items.find((i) => i.row_label.endsWith('全额'))?.row_label).toBe('1 / 全额');
  });

  it('checks every level read from the figures, and catches a purchase that does not add up', async () => {
    const failed = async (v: string) =>
      (await extract(v)).checks.filter((c) => c.check !== 'prose_matches_table' && c.status === 'fail');
    expect(await failed('6,000,000.00')).toEqual([]);
    expect((await failed('6,100,000.00')).length).toBeGreaterThan(0);
  });
});

describe('a procurement table grouped by unit code under function codes', () => {
  it('takes the six-digit unit codes as the units, every row printing its function code', async () => {
    const text = (archive: string) => [
      '部门综合预算政府采购（资产配置、购买服务）预算表',
      '单位：元',
      '科目编码⇥⇥⇥单位编码⇥采购项目⇥采购目录⇥预算金额',
      '类⇥款⇥项⇥⇥⇥⇥',
      '合计⇥⇥⇥⇥⇥⇥1,090,000.00',
      '201⇥26⇥04⇥253003⇥某市城建档案馆⇥⇥650,000.00',
      `201⇥26⇥04⇥⇥办公设备购置⇥A0601办公家具⇥${archive}`,
      '201⇥26⇥04⇥⇥综合管理费⇥C1204物业管理服务⇥300,000.00',
      '205⇥08⇥03⇥253001⇥某市住房和城乡建设局⇥⇥240,000.00',
      '205⇥08⇥03⇥⇥会议培训经费⇥C99其他服务⇥240,000.00',
      '205⇥08⇥03⇥253008⇥某市城乡建设干部学校⇥⇥200,000.00',
      '205⇥08⇥03⇥⇥城建系统教育培训⇥C081401印刷服务⇥200,000.00',
    ];
    const checks = (archive: string) => sumChecks(text(archive));
    const good = await checks('350,000.00');
    expect(good.find((c) => c.scope.includes('合计 / 预算金额'))?.scope).toContain('Σ 3 rows');
    // Known by their codes, not guessed from the figures (a 285-row table is past that search).
    expect(good.find((c) => c.scope.includes('某市城建档案馆 / 预算金额'))?.scope).toContain('Σ rows below');
    expect(good.filter((c) => c.status === 'fail')).toEqual([]);
    expect((await checks('360,000.00')).filter((c) => c.status === 'fail').length).toBeGreaterThan(0);
  });
});

describe('a procurement table printing the department and its units once per function code', () => {
  it('adds each group’s units to that group’s department row only', async () => {
    const text = [
      '政府采购（资产配置、购买服务）预算表',
      '单位：元',
      '科目编码⇥⇥⇥单位编码⇥采购项目⇥采购目录⇥预算金额',
      '类⇥款⇥项⇥⇥⇥⇥',
      '合计⇥⇥⇥⇥⇥⇥2,245,000.00',
      '208⇥02⇥07⇥241⇥某市民政局⇥⇥1,795,000.00',
      '208⇥02⇥07⇥241001⇥某市民政局⇥⇥1,795,000.00',
      '208⇥02⇥07⇥⇥道路路牌设置及维护⇥B99其他建筑工程⇥815,000.00',
      '208⇥02⇥07⇥⇥道路路牌维修补设⇥B99其他建筑工程⇥980,000.00',
      '208⇥02⇥08⇥241⇥某市民政局⇥⇥450,000.00',
      '208⇥02⇥08⇥241001⇥某市民政局⇥⇥450,000.00',
      '208⇥02⇥08⇥⇥社区服务信息网络平台运行经费⇥C0206运行维护服务⇥450,000.00',
    ];
    const sums = await sumChecks(text);
    expect(sums.filter((c) => c.status === 'fail')).toEqual([]);
    expect(sums.filter((c) => c.scope.includes('Σ its units')).length).toBe(2);
  });
});
