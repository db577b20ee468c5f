import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

/**
 * Tables that list a department and its units: each level sums once. Text fixtures shaped like
 * the real Hangzhou 收入预算总表 (department row repeating the total), the Xi'an 收入总表 (unit
 * codes 114 / 114001) and the Shenzhen 支出总表 grouped by 预算单位 (the same codes once per unit).
 */

/** A text document of TAB-separated lines (⇥ stands for TAB), extracted. */
async function extractLines(text: string | readonly string[]) {
  const joined = typeof text === 'string' ? text : text.join('\n');
  return extractDocument(new TextEncoder().encode(joined.replace(/⇥/g, '\t')), {
    documentId: 'units',
    sourceFile: 'units.txt',
  });
}

async function checksOf(lines: readonly string[]) {
  const doc = await extractLines(lines);
  return doc.checks.filter(
    (c) =>
      c.check === 'row_total_equals_parts' ||
      c.check === 'children_sum_to_parent' ||
      c.check === 'income_equals_expense',
  );
}

const failed = (checks: Awaited<ReturnType<typeof checksOf>>) => checks.filter((c) => c.status === 'fail');

/** The document's cross-table checks whose scope starts with `scope`. */
async function crossChecks(lines: readonly string[], scope: string) {
  const doc = await extractLines(lines);
  return doc.checks.filter((c) => c.check === 'cross_table_total' && c.scope.startsWith(scope));
}

describe('unit hierarchy in the checks', () => {
  it('a department row that repeats the total is the total’s one part, and its units add up to it', async () => {
    const checks = await checksOf([
      '收入总表',
      '单位：万元',
      '单位名称⇥总计⇥一般公共预算⇥其他收入',
      '合计⇥300.00⇥200.00⇥100.00',
      '某市交通运输局⇥300.00⇥200.00⇥100.00',
      '某市交通运输局（本级）⇥100.00⇥50.00⇥50.00',
      '某市道路运输管理服务中心⇥150.00⇥100.00⇥50.00',
      '某市汽车高级技工学校⇥50.00⇥50.00⇥0.00',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(checks.some((c) => c.scope.includes('Σ its 3 units') && c.status === 'pass')).toBe(true);
    // A unit that does not add up is caught at the department row.
    const broken = await checksOf([
      '收入总表',
      '单位：万元',
      '单位名称⇥总计⇥一般公共预算⇥其他收入',
      '合计⇥300.00⇥200.00⇥100.00',
      '某市交通运输局⇥300.00⇥200.00⇥100.00',
      '某市交通运输局（本级）⇥100.00⇥50.00⇥50.00',
      '某市道路运输管理服务中心⇥140.00⇥100.00⇥40.00',
      '某市汽车高级技工学校⇥50.00⇥50.00⇥0.00',
    ]);
    expect(failed(broken).map((c) => c.scope)).toEqual([
      '收入总表 / 某市交通运输局 / 总计 = Σ its 3 units',
      '收入总表 / 某市交通运输局 / 其他收入 = Σ its 3 units',
    ]);
  });

  it('unit codes nest: 114 adds up 114001 and 114002, and only 114 is a part of 合计', async () => {
    const checks = await checksOf([
      '收入总表',
      '单位：元',
      '单位编码⇥单位名称⇥合计',
      '⇥合计⇥900.00',
      '114⇥某市人民政府办公厅⇥900.00',
      '114001⇥某市人民政府办公厅⇥600.00',
      '114002⇥某市机关事务服务中心⇥300.00',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(checks.filter((c) => c.status === 'pass').length).toBeGreaterThanOrEqual(2);
  });

  it('a table grouped by unit checks each unit’s codes within the unit', async () => {
    const checks = await checksOf([
      '支出总表',
      '单位：万元',
      '预算单位⇥科目编码⇥科目名称⇥支出总计',
      '某市人力资源和社会保障局⇥⇥⇥160.00',
      '某市人力资源和社会保障局（本级）⇥⇥⇥100.00',
      '⇥205⇥教育支出⇥100.00',
      '⇥20503⇥职业教育⇥100.00',
      '⇥2050303⇥技校教育⇥100.00',
      '某市技师学院⇥⇥⇥60.00',
      '⇥205⇥教育支出⇥60.00',
      '⇥20503⇥职业教育⇥60.00',
      '⇥2050303⇥技校教育⇥60.00',
    ]);
    expect(failed(checks)).toEqual([]);
    const children = checks.filter((c) => c.check === 'children_sum_to_parent');
    expect(children.length).toBe(4);
    expect(checks.some((c) => c.scope.includes('Σ its 类 rows') && c.status === 'pass')).toBe(true);
  });
});

describe('a code printed twice within one unit', () => {
  it('is two parts of the same parent (one 部门 code under two 政府 codes, Xi’an 表6)', async () => {
    const checks = await checksOf([
      '一般公共预算支出明细表（按经济分类科目分）',
      '金额单位：元',
      '部门经济科目编码⇥部门经济科目名称⇥政府经济科目编码⇥政府经济科目名称⇥合计',
      '⇥合计⇥⇥⇥60.00',
      '301⇥工资福利支出⇥⇥⇥60.00',
      '30101⇥基本工资⇥50101⇥工资奖金津补贴⇥10.00',
      '30103⇥奖金⇥50101⇥工资奖金津补贴⇥20.00',
      '30103⇥奖金⇥50905⇥离退休费⇥30.00',
    ]);
    const children = checks.filter((c) => c.check === 'children_sum_to_parent');
    expect(children.map((c) => [c.status, c.actual])).toEqual([['pass', '60.00']]);
  });
});

describe('a chain of rows repeating their parent', () => {
  it('sums the rows past the chain (unit → 专用项目 → 其他履职尽责专项业务费 → projects, Xi’an 表10)', async () => {
    const checks = await checksOf([
      '专项业务经费支出表',
      '金额单位：元',
      '单位编码⇥单位（项目）名称⇥项目金额',
      '⇥合计⇥30.00',
      '251⇥某市自然资源和规划局⇥30.00',
      '251001⇥某市自然资源和规划局⇥30.00',
      '⇥专用项目⇥30.00',
      '⇥其他履职尽责专项业务费⇥30.00',
      '⇥规划业务费⇥10.00',
      '⇥土地出让业务费项目⇥20.00',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(checks.some((c) => c.scope.includes('251001') && c.status === 'pass')).toBe(true);
  });
});

describe('units numbered by code', () => {
  it('are known by their code whatever their name (无锡市少年宫, 中学): none adds up the next', async () => {
    const checks = await checksOf([
      '收入总表',
      '单位：万元',
      '部门代码⇥部门名称⇥合计',
      '合计⇥⇥60.00',
      '305⇥某市教育局⇥60.00',
      '305001⇥某市教育局（本级）⇥10.00',
      '305006⇥某市高等教育发展服务中心⇥15.00',
      '305007⇥某市少年宫⇥20.00',
      '305010⇥某市辅仁高级中学⇥15.00',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(
      checks.some((c) => c.scope.includes('305 / 某市教育局 / 合计 = Σ its units') && c.status === 'pass'),
    ).toBe(true);
  });
});

describe('a unit code wrapped inside its cell', () => {
  it('is one code (2620 over 01 is 262001), under its department 262', async () => {
    const checks = await checksOf([
      '“三公”经费表',
      '金额单位：元',
      '单位编码⇥单位名称⇥合计',
      '⇥合计⇥30',
      '262⇥某市工业和信息化局⇥30',
      '2620 01⇥某市工业和信息化局⇥10',
      '2620 03⇥某市节能监察支队⇥20',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(checks.some((c) => c.scope.includes('262 / 某市工业和信息化局 / 合计 = Σ its units'))).toBe(true);
  });
});

describe('a 三公 table with 会议费 and 培训费 beside it', () => {
  it('sums only the three categories into the 三公 total', async () => {
    const checks = await checksOf([
      '一般公共预算“三公”经费、会议费、培训费支出表',
      '单位：万元',
      '单位名称⇥“三公”经费合计⇥因公出国（境）费⇥公务接待费⇥公务用车购置及运行费⇥会议费⇥培训费',
      '合计⇥7.00⇥0.00⇥2.00⇥5.00⇥1.40⇥7.32',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(checks.some((c) => c.scope.includes('“三公”经费合计 =') && c.status === 'pass')).toBe(true);
  });
});

describe('the text against a 三公 table printing two years', () => {
  it('is compared with the document’s own year, not last year’s', async () => {
    const text = [
      '2026年某市科技创新局部门预算',
      '2026年“三公”经费预算：因公出国（境）费17万元。',
      '“三公”经费预算表',
      '单位：万元',
      '项目⇥2025年⇥⇥2026年⇥',
      '⇥因公出国（境）费⇥公务接待费⇥因公出国（境）费⇥公务接待费',
      '合计⇥10.00⇥3.00⇥17.00⇥3.00',
    ].join('\n');
    const doc = await extractLines(text);
    const prose = doc.checks.filter((c) => c.check === 'prose_matches_table');
    expect(prose.map((c) => [c.status, c.expected])).toEqual([['pass', '17.00']]);
  });
});

describe('the text against a 三公 table printing 上年 beside 当年', () => {
  it('is compared with 当年', async () => {
    const text = [
      '2022年某市人民政府办公厅部门预算',
      '公务接待费3.00万元，较上年减少1.00万元。',
      '“三公”经费预算表',
      '单位：万元',
      '项目⇥上年⇥当年⇥增减变化情况',
      '⇥公务接待费⇥公务接待费⇥公务接待费',
      '合计⇥4.00⇥3.00⇥-1.00',
    ].join('\n');
    const doc = await extractLines(text);
    const prose = doc.checks.filter((c) => c.check === 'prose_matches_table');
    expect(prose.map((c) => [c.status, c.expected])).toEqual([['pass', '3.00']]);
  });
});

describe('the text in 万元 against a table in 元', () => {
  it('is compared in 万元, exactly', async () => {
    const text = [
      '2022年某市生态环境局部门预算',
      '2022年部门预算收入51,816.12万元。',
      '收支总表',
      '单位：元',
      '收入⇥⇥支出⇥',
      '项目⇥预算数⇥项目⇥预算数',
      '一、财政拨款⇥518161240.01⇥一、节能环保支出⇥518161240.01',
      '收入总计⇥518161240.01⇥支出总计⇥518161240.01',
    ].join('\n');
    const doc = await extractLines(text);
    const prose = doc.checks.filter((c) => c.check === 'prose_matches_table');
    expect(prose.map((c) => [c.status, c.expected])).toEqual([['pass', '51816.124001']]);
  });
});

describe('a 政府采购 table listing units under each 采购品目大类', () => {
  const table = (serviceUnit: string) => [
    '政府采购支出表',
    '单位：万元',
    '采购品目大类⇥专项名称⇥采购品目名称⇥一般公共预算资金⇥总计',
    '合计⇥⇥⇥108.00⇥108.00',
    '货物⇥⇥⇥8.00⇥8.00',
    '某市水务局⇥⇥⇥8.00⇥8.00',
    '⇥设备购置⇥复印机⇥5.00⇥5.00',
    '⇥设备购置⇥空调机⇥3.00⇥3.00',
    '服务⇥⇥⇥100.00⇥100.00',
    `某市水务局⇥⇥⇥${serviceUnit}⇥${serviceUnit}`,
    '⇥专项宣传广告费⇥印刷服务⇥40.00⇥40.00',
    '⇥专项工作经费⇥水利管理服务⇥60.00⇥60.00',
  ];

  it('sums the total over the categories and each unit over its purchases up to the next category', async () => {
    const checks = await checksOf(table('100.00'));
    expect(failed(checks)).toEqual([]);
    expect(
      checks.filter(
        (c) => c.status === 'pass' && c.scope.includes('某市水务局 / 一般公共预算资金 = Σ rows below'),
      ),
    ).toHaveLength(2);
    expect(
      checks.some((c) => c.scope.startsWith('政府采购支出表 / 合计') && c.scope.includes('Σ 2 rows')),
    ).toBe(true);
  });

  it('still catches a unit whose purchases do not add up', async () => {
    const checks = await checksOf(table('90.00'));
    expect(failed(checks).some((c) => c.scope.includes('某市水务局 / 一般公共预算资金 = Σ rows below'))).toBe(
      true,
    );
  });
});

describe('a project table grouped by unit, where a project bears an organisation’s name', () => {
  const table = (platform: string) => [
    '部门预算项目支出及其他支出预算表',
    '单位：万元',
    '支出项目类别（资金使用单位）⇥总计⇥一般公共预算',
    '合计⇥176.00⇥176.00',
    '某市委宣传部⇥110.00⇥110.00',
    '2026年信息化运维项目⇥38.00⇥38.00',
    '2026年政策研究经费⇥20.00⇥20.00',
    `合作共建某省论坛科学中心⇥${platform}⇥${platform}`,
    '2026年新闻工作经费⇥43.00⇥43.00',
    '某市国防教育中心⇥66.00⇥66.00',
    '国防教育展馆维护维修经费⇥66.00⇥66.00',
  ];

  it('reads the named project inside the unit whose figure its rows have not reached yet', async () => {
    const checks = await checksOf(table('9.00'));
    expect(failed(checks)).toEqual([]);
    expect(
      checks.filter((c) => c.scope.includes('= Σ rows below')).map((c) => c.scope.split(' / ')[1]),
    ).toEqual(['某市委宣传部', '某市委宣传部', '某市国防教育中心', '某市国防教育中心']);
    expect(checks.some((c) => c.scope.includes('合计 / 总计 = Σ 2 rows') && c.status === 'pass')).toBe(true);
  });

  it('falls back to the names when the rows never reach the unit’s figure, and the checks fail', async () => {
    const checks = await checksOf(table('19.00'));
    expect(failed(checks).length).toBeGreaterThan(0);
    expect(checks.some((c) => c.scope.includes('合作共建某省论坛科学中心 / 总计 = Σ rows below'))).toBe(true);
  });
});

describe('one figure printed in tables of other units', () => {
  it('compares the 部门整体绩效目标表 in 万元 with the 收支总表 in 元, exactly in 万元', async () => {
    const cross = (total: string) =>
      crossChecks(
        [
          '收支总表',
          '单位：元',
          '收入⇥⇥支出⇥',
          '项目⇥预算数⇥项目⇥预算数',
          '一、财政拨款⇥92165133.99⇥一、一般公共服务支出⇥92165133.99',
          '收入总计⇥92165133.99⇥支出总计⇥92165133.99',
          '部门整体绩效目标表',
          '单位：万元',
          '部门名称⇥某市人民政府办公厅',
          `预算总额⇥${total}`,
        ],
        '部门整体绩效目标表',
      );
    expect((await cross('9216.51')).map((c) => c.status)).toEqual(['pass']);
    expect((await cross('9261.51')).map((c) => c.status)).toEqual(['fail']);
  });
});

describe('levels no code, numbering or name prints, read from the figures', () => {
  const projects = (lastItem: string) => [
    '部门综合预算专项业务经费支出表',
    '单位：元',
    '单位编码⇥单位（项目）名称⇥项目金额',
    '⇥合计⇥5,706,100.00',
    '114⇥某市人民政府办公厅⇥5,706,100.00',
    '114001⇥某市人民政府办公厅⇥5,706,100.00',
    '⇥通用项目⇥5,706,100.00',
    '⇥大型活动⇥200,000.00',
    '⇥督查、值班、参事培训⇥200,000.00',
    '⇥委托咨询业务⇥5,506,100.00',
    '⇥档案整理⇥289,100.00',
    '⇥政务公开及网站监管⇥5,217,000.00',
    '⇥大宗印刷项目⇥0.00',
    `⇥文件、刊物、公报印制⇥${lastItem}`,
  ];

  it('sums each unit over its top rows and each parent over its own rows', async () => {
    const checks = await checksOf(projects('0.00'));
    expect(failed(checks)).toEqual([]);
    const passed = checks.filter((c) => c.status === 'pass').map((c) => c.scope);
    expect(passed).toContain(
      '部门综合预算专项业务经费支出表 / 114001 / 某市人民政府办公厅 / 项目金额 = Σ rows below',
    );
    expect(passed.filter((s) => s.includes('levels read from the figures'))).toHaveLength(3);
  });

  it('falls back to a flat sum, which fails, when no reading of the figures adds up', async () => {
    const checks = await checksOf(projects('100.00'));
    expect(failed(checks).map((c) => c.scope)).toContain(
      '部门综合预算专项业务经费支出表 / 114001 / 某市人民政府办公厅 / 项目金额 = Σ rows below',
    );
  });

  it('checks every other column against the levels read in the first', async () => {
    const table = (person: string) => [
      '一般公共预算支出预算表',
      '单位：万元',
      '功能分类科目名称⇥合计⇥人员经费⇥项目支出',
      '合计⇥24,663.98⇥16,896.24⇥7,767.74',
      '教育支出⇥22,262.08⇥14,494.34⇥7,767.74',
      '职业教育⇥22,232.08⇥14,494.34⇥7,737.74',
      '技校教育⇥22,232.08⇥14,494.34⇥7,737.74',
      '其他教育支出⇥30.00⇥⇥30.00',
      '其他教育支出⇥30.00⇥⇥30.00',
      '卫生健康支出⇥2,401.90⇥2,401.90⇥',
      '行政事业单位医疗⇥2,401.90⇥2,401.90⇥',
      `行政单位医疗⇥1,400.95⇥${person}⇥`,
      '事业单位医疗⇥1,000.95⇥1,000.95⇥',
    ];
    const good = await checksOf(table('1,400.95'));
    expect(failed(good)).toEqual([]);
    expect(good.filter((c) => c.scope.includes('levels read from the figures')).length).toBeGreaterThan(5);
    const bad = await checksOf(table('1,400.59'));
    // The misprinted figure breaks its own row and its parent's column; the levels still read.
    expect(failed(bad).map((c) => c.scope)).toEqual([
      '一般公共预算支出预算表 / 行政单位医疗 / 合计 = 人员经费 + 项目支出',
      '一般公共预算支出预算表 / 行政事业单位医疗 / 人员经费 = Σ its 2 rows (levels read from the figures)',
    ]);
  });
});

describe('the rows between a side’s 本年 total and its 总计', () => {
  const table = (upper: string) => [
    '收支总体情况表',
    '单位：万元',
    '收入⇥⇥支出⇥',
    '项目⇥预算数⇥项目⇥预算数',
    '一、财政拨款收入⇥191,195.79⇥七、社会保障和就业支出⇥191,368.79',
    '五、其他收入⇥26.00⇥⇥',
    '本年收入合计⇥191,221.79⇥本年支出合计⇥191,368.79',
    `上级补助收入⇥${upper}⇥对附属单位的补助支出⇥26.00`,
    '上年结转⇥0.00⇥结转下年⇥0.00',
    '其中：财政拨款资金结转⇥0.00⇥⇥',
    '非财政拨款资金结余⇥0.00⇥⇥',
    '收入总计⇥191,394.79⇥支出总计⇥191,394.79',
  ];
  const identities = async (upper: string) => {
    const doc = await extractLines(table(upper));
    return doc.checks
      .filter((c) => c.check === 'income_equals_expense' && c.scope.includes('本年'))
      .map((c) => c.status);
  };

  it('are parts of the 总计 (上级补助收入, 对附属单位的补助支出), up to a 其中 breakdown', async () => {
    expect(await identities('173.00')).toEqual(['pass', 'pass']);
    expect(await identities('137.00')).toEqual(['fail', 'pass']);
  });
});

describe('a 收支总表 whose expense side names subjects like organisations', () => {
  it('reads 公立医院 and 精神病医院 as subjects, not units heading blocks', async () => {
    const checks = await checksOf([
      '收支总表',
      '单位：万元',
      '收入⇥⇥支出⇥',
      '项目⇥预算数⇥项目⇥预算数',
      '一、财政拨款⇥412.33⇥一、卫生健康支出⇥412.33',
      '⇥⇥公立医院⇥212.33',
      '⇥⇥精神病医院⇥183.18',
      '⇥⇥其他公立医院支出⇥29.15',
      '⇥⇥医疗救助⇥200.00',
      '本年收入合计⇥412.33⇥本年支出合计⇥412.33',
      '收入总计⇥412.33⇥支出总计⇥412.33',
    ]);
    expect(checks.filter((c) => c.scope.includes('Σ rows below'))).toEqual([]);
    expect(failed(checks)).toEqual([]);
  });
});

describe('a side whose grand total is called 收入合计 below its 本年收入合计', () => {
  it('sums the numbered rows into 本年收入合计 only', async () => {
    const checks = await checksOf([
      '收支预算总表',
      '单位：万元',
      '收入⇥⇥支出⇥',
      '项目⇥预算数⇥项目⇥预算数',
      '一、一般公共预算拨款收入⇥48764.88⇥四、公共安全支出⇥56764.88',
      '二、政府性基金预算拨款收入⇥5000.00⇥十九、住房保障支出⇥5000.00',
      '本年收入合计⇥53764.88⇥本年支出合计⇥61764.88',
      '上年结转结余⇥8000.00⇥结转下年支出⇥0.00',
      '收入合计⇥61764.88⇥支出合计⇥61764.88',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(checks.some((c) => c.scope.includes('/ 收入 / 本年收入合计') && c.status === 'pass')).toBe(true);
  });
});

describe('a unit whose name does not say it is one', () => {
  it('heads a block when the block above has closed and its own rows add up to it', async () => {
    const checks = await checksOf([
      '政府采购支出表',
      '单位：万元',
      '采购品目大类⇥专项名称⇥采购品目名称⇥一般公共预算资金⇥总计',
      '合计⇥⇥⇥3.00⇥3.00',
      '货物⇥⇥⇥3.00⇥3.00',
      '某市教育考试院⇥⇥⇥0.50⇥0.50',
      '⇥考务经费⇥复印纸⇥0.50⇥0.50',
      '某市少年宫⇥⇥⇥2.50⇥2.50',
      '⇥少年宫业务活动经费⇥复印纸⇥2.00⇥2.00',
      '⇥少年宫业务活动经费⇥打印机⇥0.50⇥0.50',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(
      checks
        .filter((c) => c.scope.includes('一般公共预算资金 = Σ rows below'))
        .map((c) => c.scope.split(' / ')[1]),
    ).toEqual(['某市教育考试院', '某市少年宫']);
  });
});

describe('a 本年支出合计 printed at the top of its side', () => {
  it('adds only what is named below the line (结转下年), never the subjects it heads', async () => {
    const checks = await checksOf([
      '财政拨款收支预算总表',
      '单位：万元',
      '收入⇥⇥支出⇥',
      '项目⇥预算数⇥项目⇥预算数',
      '一、财政拨款⇥300.00⇥一、本年支出合计⇥300.00',
      '一般公共预算⇥300.00⇥一般公共服务支出⇥100.00',
      '⇥⇥教育支出⇥200.00',
      '⇥⇥二、结转下年⇥0.00',
      '收入总计⇥300.00⇥支出总计⇥300.00',
    ]);
    const identities = checks.filter((c) => c.check === 'income_equals_expense');
    expect(identities.every((c) => c.status !== 'fail')).toBe(true);
  });
});

describe('units numbered by code, not nested, with levels below them', () => {
  it('are the units whatever the rows between are named', async () => {
    const checks = await checksOf([
      // A budget document: its 收支总表 first.
      '收支总表',
      '单位：元',
      '收入⇥⇥支出⇥',
      '项目⇥预算数⇥项目⇥预算数',
      '一、财政拨款⇥3,500,000.00⇥一、商业服务业等支出⇥3,500,000.00',
      '收入总计⇥3,500,000.00⇥支出总计⇥3,500,000.00',
      '部门综合预算专项业务经费支出表',
      '单位：元',
      '单位编码⇥单位（项目）名称⇥项目金额',
      '⇥合计⇥3,500,000.00',
      '263001⇥某市商务局⇥3,000,000.00',
      '⇥专用项目⇥3,000,000.00',
      '⇥5G产业发展大会暨成果博览会（外经贸发展专项资金）⇥500,000.00',
      '⇥局属国有特困企业退出市场⇥2,500,000.00',
      '263002⇥某市商务综合执法支队⇥500,000.00',
      '⇥智慧执法平台⇥500,000.00',
    ]);
    expect(failed(checks)).toEqual([]);
    expect(checks.some((c) => c.scope.includes('合计 / 项目金额 = Σ 2 rows') && c.status === 'pass')).toBe(
      true,
    );
  });
});

describe('rows labelled with years', () => {
  it('are no unit codes', async () => {
    const checks = await checksOf([
      '会议费、培训费支出预算表',
      '单位：万元',
      '项目⇥合计⇥会议费⇥培训费',
      '2021⇥32.06⇥12.06⇥20.00',
      '某项会议经费⇥12.06⇥12.06⇥',
      '某项培训经费⇥20.00⇥⇥20.00',
      '2022⇥30.00⇥10.00⇥20.00',
      '某项会议经费⇥10.00⇥10.00⇥',
      '某项培训经费⇥20.00⇥⇥20.00',
    ]);
    expect(checks.filter((c) => c.scope.includes('Σ rows below'))).toEqual([]);
  });
});

describe('the 部门整体绩效目标表 total under the template’s two conventions', () => {
  const cross = (total: string) =>
    crossChecks(
      [
        '收支总表',
        '单位：万元',
        '收入⇥⇥支出⇥',
        '项目⇥预算数⇥项目⇥预算数',
        '一、财政拨款⇥227358.37⇥一、城乡社区支出⇥227123.37',
        '本年收入合计⇥227358.37⇥本年支出合计⇥227123.37',
        '⇥⇥结转下年⇥235.00',
        '收入总计⇥227358.37⇥支出总计⇥227358.37',
        '部门整体绩效目标表',
        '单位：万元',
        '部门名称⇥某市住房和建设局',
        `预算总额⇥${total}`,
      ],
      '部门整体绩效目标表',
    );

  it('equals 支出总计 (Beijing) or 本年支出合计 (Xi’an), and neither otherwise', async () => {
    expect((await cross('227358.37')).map((c) => c.status)).toEqual(['pass']);
    const thisYear = await cross('227123.37');
    expect(thisYear.map((c) => c.status)).toEqual(['pass']);
    expect(thisYear[0]?.message).toContain('other convention');
    // Less than the budget: the table covers a part of it (targets for some funds only).
    const part = await cross('227000.00');
    expect(part.map((c) => c.status)).toEqual(['skip']);
    expect(part[0]?.message).toContain('covers a part of the budget');
    // More than the budget is a contradiction.
    expect((await cross('227400.00')).map((c) => c.status)).toEqual(['fail']);
  });
});

describe('the 支出总表 total under the template’s two conventions', () => {
  const cross = (total: string) =>
    crossChecks(
      [
        '收支总表',
        '单位：万元',
        '收入⇥⇥支出⇥',
        '项目⇥预算数⇥项目⇥预算数',
        '一、财政拨款⇥3643.37⇥一、灾害防治及应急管理支出⇥3643.37',
        '本年收入合计⇥3643.37⇥本年支出合计⇥3643.37',
        '上年结转⇥52.54⇥结转下年⇥52.54',
        '收入总计⇥3695.91⇥支出总计⇥3695.91',
        '支出总表',
        '单位：万元',
        '科目名称⇥合计⇥基本支出⇥项目支出',
        `合计⇥${total}⇥2022.39⇥${total === '3643.37' ? '1620.98' : '1673.52'}`,
      ],
      '收支总表 本年支出合计',
    );

  it('equals 本年支出合计, or 支出总计 where the table counts what is carried over (Xi’an 2019)', async () => {
    expect((await cross('3643.37')).map((c) => c.status)).toEqual(['pass']);
    const withCarryOver = await cross('3695.91');
    expect(withCarryOver.map((c) => c.status)).toEqual(['pass']);
    expect(withCarryOver[0]?.message).toContain('other convention: expense_total = expense_summary_total');
    expect((await cross('3700.00')).map((c) => c.status)).toEqual(['fail']);
  });
});

describe('a project table grouped by 预算管理类型', () => {
  it('ends a unit’s block at the next funding type (2 / 差额), and reads the unit’s levels from the figures', async () => {
    const table = (generic: string) => [
      '专项业务经费支出表',
      '单位：元',
      '单位编码⇥单位名称⇥项目金额',
      '⇥合计⇥1,300.00',
      '1⇥全额⇥1,000.00',
      '263004⇥某市商贸旅游技师学院⇥1,000.00',
      `⇥通用项目⇥${generic}`,
      '⇥专项购置⇥300.00',
      '⇥空调采购及安装⇥100.00',
      '⇥智慧校园平台⇥200.00',
      '⇥专用项目⇥700.00',
      '⇥其他履职尽责专项业务费⇥700.00',
      '⇥厕所及化粪池改造工程⇥300.00',
      '⇥教育专户返还保障日常教学⇥400.00',
      '2⇥差额⇥300.00',
      '263005⇥某市跨境电子商务服务中心⇥300.00',
      '⇥专用项目⇥300.00',
    ];
    const checks = await checksOf(table('300.00'));
    const unit = checks.filter((c) => c.scope.includes('某市商贸旅游技师学院 / 项目金额'));
    expect(unit.map((c) => c.status)).toEqual(['pass']);
    expect(failed(checks)).toEqual([]);
    expect(failed(await checksOf(table('310.00'))).length).toBeGreaterThan(0);
  });
});

describe('the 财政拨款收支总表 against the fund tables', () => {
  const lines = (carried: string, fund: string) => [
    '财政拨款收支总表',
    '单位：元',
    '收入⇥⇥支出⇥',
    '项目⇥预算数⇥项目⇥预算数',
    '一般公共预算拨款⇥3000.00⇥一般公共服务支出⇥3100.00',
    `政府性基金拨款⇥${fund}⇥城乡社区支出⇥${fund}`,
    `本年收入合计⇥${(3000 + Number(fund)).toFixed(2)}⇥本年支出合计⇥${(3000 + Number(fund) + Number(carried)).toFixed(2)}`,
    `上年结转⇥${carried}⇥结转下年⇥`,
    `收入总计⇥${(3000 + Number(fund) + Number(carried)).toFixed(2)}⇥支出总计⇥${(3000 + Number(fund) + Number(carried)).toFixed(2)}`,
    '一般公共预算支出表',
    '单位：元',
    '科目名称⇥合计',
    '合计⇥3000.00',
    '政府性基金收支表',
    '单位：元',
    '收入⇥⇥支出⇥',
    '项目⇥预算数⇥项目⇥预算数',
    `一、政府性基金拨款⇥${fund}⇥一、城乡社区支出⇥${fund}`,
    `本年收入合计⇥${fund}⇥本年支出合计⇥${fund}`,
  ];
  const fiscal = (carried: string, fund: string) =>
    crossChecks(lines(carried, fund), '财政拨款收支总表 本年支出合计');

  it('reads a two-sided 政府性基金收支表’s total from its 本年支出合计', async () => {
    const checks = await fiscal('0.00', '500.00');
    expect(checks.map((c) => c.status)).toEqual(['pass']);
    expect(checks[0]?.message).toContain('政府性基金收支表 / 支出 / 本年支出合计');
  });

  it('counts the 上年结转 where 本年支出合计 spends it (the template’s other convention)', async () => {
    const checks = await fiscal('100.00', '500.00');
    expect(checks.map((c) => c.status)).toEqual(['pass']);
    expect(checks[0]?.message).toContain('fiscal_carried_forward');
  });
});

describe('a group’s 小计', () => {
  it('is no department total: the source under it equal to it is its only part', async () => {
    const checks = await checksOf([
      '收入预算总表',
      '单位：万元',
      '项目名称⇥⇥金额',
      '收入总计⇥⇥21,955.35',
      '一般公共预算资金⇥小计⇥21,940.96',
      '⇥公共财政拨款(补助)资金⇥21,940.96',
      '其他资金⇥小计⇥14.39',
      '⇥其他收入⇥14.39',
    ]);
    expect(checks.filter((c) => c.scope.includes('its 1 units'))).toEqual([]);
    expect(failed(checks)).toEqual([]);
  });
});

describe('unit numbers that read as subject codes', () => {
  /** Line items of the document's first table: label and subject code. */
  async function labelsOf(lines: readonly string[]) {
    const doc = await extractLines(lines);
    return [...new Set(doc.line_items.map((i) => `${i.row_label}|${i.subject_code}`))];
  }

  it('keeps a 单位编码 of three digits (宣传部 is unit 201, and 201 is 一般公共服务支出) in the label', async () => {
    const lines = [
      '收入总表',
      '单位：元',
      '单位编码⇥单位名称⇥合计',
      '⇥合计⇥900.00',
      '201⇥中共某市委宣传部⇥900.00',
      '201001⇥中共某市委宣传部⇥600.00',
      '201002⇥某市文化事务服务中心⇥300.00',
    ];
    expect(await labelsOf(lines)).toEqual([
      '合计|',
      '201 / 中共某市委宣传部|',
      '201001 / 中共某市委宣传部|',
      '201002 / 某市文化事务服务中心|',
    ]);
    expect(failed(await checksOf(lines))).toEqual([]);
    const broken = lines.map((l) => (l.startsWith('201002') ? '201002⇥某市文化事务服务中心⇥200.00' : l));
    expect(failed(await checksOf(broken)).map((c) => c.scope)).toContain(
      '收入总表 / 201 / 中共某市委宣传部 / 合计 = Σ its units',
    );
  });

  it('reads a procurement table’s 类 | 款 | 项 and its 单位编码 apart, and ends a unit at the next one', async () => {
    const lines = [
      '政府采购预算表',
      '单位：元',
      '类⇥款⇥项⇥单位编码⇥采购项目⇥预算金额',
      '⇥⇥⇥⇥合计⇥23.00',
      '201⇥33⇥02⇥201⇥中共某市委宣传部⇥20.00',
      '201⇥33⇥02⇥201001⇥中共某市委宣传部⇥20.00',
      '201⇥33⇥02⇥⇥城市宣传经费⇥15.00',
      '201⇥33⇥02⇥⇥舆情信息工作经费⇥5.00',
      '207⇥06⇥07⇥201⇥中共某市委宣传部⇥3.00',
      '207⇥06⇥07⇥201001⇥中共某市委宣传部⇥3.00',
      '207⇥06⇥07⇥⇥农村电影放映工程⇥3.00',
    ];
    const labels = await labelsOf(lines);
    expect(labels).toContain('201 / 中共某市委宣传部|2013302');
    expect(labels).toContain('201 / 中共某市委宣传部|2070607');
    expect(failed(await checksOf(lines))).toEqual([]);
  });

  it('passes over rows that repeat a unit’s figure down to its projects (单位 → 专用项目 → …)', async () => {
    const checks = await checksOf([
      '专项业务经费支出表',
      '金额单位：元',
      '单位编码⇥单位（项目）名称⇥项目金额',
      '⇥合计⇥1000',
      '1⇥全额⇥1000',
      '234001⇥某市气象局⇥1000',
      '⇥专用项目⇥1000',
      '⇥其他履职尽责专项业务费⇥1000',
      '⇥防雷及气象执法经费⇥300',
      '⇥人工影响天气作业项目维持业务费⇥700',
    ]);
    expect(failed(checks)).toEqual([]);
  });
});
