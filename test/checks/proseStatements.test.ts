import { describe, expect, it } from 'vitest';
import { type CompanionKey, checkedAgainstReport, pairNarratives } from '../../src/checks/companionProse.ts';
import { readProseStatements } from '../../src/checks/proseStatements.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

/** The prose checks of a text document of TAB-separated lines (⇥ stands for TAB). */
async function proseChecksOf(lines: readonly string[]) {
  const doc = await extractDocument(new TextEncoder().encode(lines.join('\n').replace(/⇥/g, '\t')), {
    documentId: 'prose',
    sourceFile: 'prose.txt',
  });
  return doc.checks.filter((c) => c.check === 'prose_matches_table');
}

const on = (page: number, ...texts: string[]) => texts.map((text) => ({ text, page }));

describe('readProseStatements', () => {
  it('reads amounts through the spaces OCR puts inside words and numbers', () => {
    const found = readProseStatements(
      on(5, '2026 年 度收入预算101, 673. 03 万元, 比 2025 年年初预', '( 三 ) 上年结转结余4,950.85万元'),
    );
    expect(found.map((s) => [s.quantity, s.value, s.page])).toEqual([
      ['income_total', '101673.03', 5],
      ['income_carried_forward', '4950.85', 5],
    ]);
  });

  it('reads a statement that wraps onto the next line of the page, at the line it starts on', () => {
    const found = readProseStatements(
      on(7, '2026年北京市政务服务和数据管理局政府采购预算总', '额55,307.45万元，其中'),
    );
    expect(found).toEqual([
      expect.objectContaining({
        quantity: 'procurement_total',
        value: '55307.45',
        page: 7,
        text: '政府采购预算总额55,307.45万元',
      }),
    ]);
    // Lines of two pages are never joined.
    expect(
      readProseStatements([
        { text: '政府采购预算总', page: 6 },
        { text: '额55,307.45万元', page: 7 },
      ]),
    ).toEqual([]);
  });

  it('takes no 三公 item from the sentence on 机关运行经费 (its 机关 part)', () => {
    const statements = readProseStatements([
      { text: '2020年机关运行经费预算总计82万元，其中：办公经费41.47万元，公务接待费2万元。', line: 1 },
      { text: '公务接待费3.30万元。', line: 2 },
    ]);
    expect(statements.filter((s) => s.quantity === 'three_public_reception').map((s) => s.value)).toEqual([
      '3.30',
    ]);
  });
  it('takes “三公” with the quotes OCR gives it, and never a change for the figure', () => {
    expect(readProseStatements(on(3, '2026年财政拨款“三公“经费预算80.11 万元,比2025'))[0]?.value).toBe(
      '80.11',
    );
    expect(readProseStatements(on(3, '比上年增加基本支出 844.15 万元'))).toEqual([]);
    expect(readProseStatements(on(3, '比2025年年初预算数增加2,669.85万元'))).toEqual([]);
  });
});

describe('what a narrative figure is about', () => {
  const quantities = (...texts: string[]) =>
    readProseStatements(on(6, ...texts)).map((s) => [s.quantity, s.value]);

  it('takes a keyword that opens a clause, never one closing a narrower subject', () => {
    expect(quantities('国有资本经营预算拨款支出预算为0万元，与2025年预算持平。')).toEqual([]);
    expect(quantities('2026年度政府采购支出预算总额225.52万元，其中：')).toEqual([
      ['procurement_total', '225.52'],
    ]);
    expect(quantities('深圳机场T2项目非民航专业工程初步设计评审项目支出304.16万元')).toEqual([]);
    expect(quantities('2026年深圳市信访局部门预算收入4,684.30万元；支出预算为4,684.30万元')).toEqual([
      ['income_total', '4684.30'],
      ['expense_total', '4684.30'],
    ]);
  });

  it('takes the next occurrence on the line when the first one closes a narrower subject', () => {
    expect(quantities('某服务项目支出3万元；本部门项目支出120.5万元')).toEqual([
      ['expense_summary_project', '120.5'],
    ]);
  });

  it('reads the fund of 其中 from the sentence it continues', () => {
    expect(
      quantities(
        '2026年一般公共预算财政拨款支出12,672.73万元，比2025年增加552.5万元。',
        '其中:基本支出5,445.39万元，主要用于保障在职人员工资福利',
      ),
    ).toEqual([['general_expense_basic', '5445.39']]);
    expect(
      quantities(
        '2026年一般公共预算财政拨款支出12,672.73万元。',
        '其中:基本支出5,445.39万元,主要用于保障运转，比2025年增加1万元；项目支出7,227.34万元，主要用于',
      ),
    ).toEqual([
      ['general_expense_project', '7227.34'],
      ['general_expense_basic', '5445.39'],
    ]);
    expect(quantities('六、财政拨款基本支出预算13,979.92万元')).toEqual([
      ['fiscal_expense_basic', '13979.92'],
    ]);
    expect(quantities('支出预算1,000万元。其中：基本支出600万元，项目支出400万元')).toEqual([
      ['expense_summary_project', '400'],
      ['expense_summary_basic', '600'],
    ]);
  });
});

describe('a narrative figure cut to fewer places', () => {
  const report = (stated: string) => [
    '2022年某市审计局部门预算',
    `2022年本部门预算收入${stated}万元。`,
    '收支总表',
    '单位：元',
    '收入⇥⇥支出⇥',
    '项目⇥预算数⇥项目⇥预算数',
    '一、财政拨款⇥943864999.96⇥一、一般公共服务支出⇥943864999.96',
    '收入总计⇥943864999.96⇥支出总计⇥943864999.96',
  ];
  const status = async (stated: string) => (await proseChecksOf(report(stated))).map((c) => c.status);

  it('agrees with the table whether rounded or cut, and with nothing else', async () => {
    expect(await status('94,386.50')).toEqual(['pass']);
    expect(await status('94,386.49')).toEqual(['pass']);
    expect(await status('94,386.48')).toEqual(['fail']);
  });
});

describe('the department’s stated expense under the template’s two conventions', () => {
  const report = (stated: string) => [
    '2022年某市工业和信息化局部门预算',
    `2022年本部门预算支出${stated}万元。`,
    '收支总表',
    '单位：万元',
    '收入⇥⇥支出⇥',
    '项目⇥预算数⇥项目⇥预算数',
    '一、财政拨款⇥105590.77⇥一、资源勘探工业信息等支出⇥105590.77',
    '本年收入合计⇥105590.77⇥本年支出合计⇥105590.77',
    '上年实户资金余额⇥355.70⇥结转下年⇥355.70',
    '收入总计⇥105946.47⇥支出总计⇥105946.47',
  ];
  const checks = (stated: string) => proseChecksOf(report(stated));

  it('is the 支出总计, or the 本年支出合计 (named), and nothing else', async () => {
    expect((await checks('105946.47')).map((c) => c.status)).toEqual(['pass']);
    const thisYear = await checks('105590.77');
    expect(thisYear.map((c) => c.status)).toEqual(['pass']);
    expect(thisYear[0]?.message).toContain('other convention: 本年支出合计');
    expect((await checks('105600.00')).map((c) => c.status)).toEqual(['fail']);
  });
});

const key = (k: Partial<CompanionKey> & Pick<CompanionKey, 'documentId' | 'sourceFile'>): CompanionKey => ({
  department: '',
  year: '2026',
  documentKind: '预算',
  lineItems: 0,
  needsTables: false,
  ...k,
});

describe('pairNarratives', () => {
  const narrative = key({ documentId: 'n', sourceFile: 'in/局_2026年部门预算.pdf', needsTables: true });
  const report = key({ documentId: 'r', sourceFile: 'in/局_附件2：报表.pdf', lineItems: 800 });

  it('pairs a narrative with the one report of the same publisher, folder and year', () => {
    expect([...pairNarratives([narrative, report])]).toEqual([['n', 'r']]);
  });

  it('pairs by department when the file names do not tell', () => {
    const a = key({ documentId: 'a', sourceFile: 'in/a.pdf', department: '北京市 某局', needsTables: true });
    const b = key({ documentId: 'b', sourceFile: 'in/b.pdf', department: '北京市某局', lineItems: 5 });
    expect(pairNarratives([a, b]).get('a')).toBe('b');
  });

  it('does not guess: another folder, another year, or two candidate reports leave it unpaired', () => {
    expect(pairNarratives([narrative, { ...report, sourceFile: 'other/局_附件2：报表.pdf' }]).size).toBe(0);
    expect(pairNarratives([narrative, { ...report, year: '2025' }]).size).toBe(0);
    expect(pairNarratives([narrative, report, { ...report, documentId: 'r2' }]).size).toBe(0);
    // A report with no amounts of its own is no report.
    expect(pairNarratives([narrative, { ...report, lineItems: 0 }]).size).toBe(0);
  });
});

describe('checkedAgainstReport', () => {
  const extract = (text: string, id: string) =>
    extractDocument(new TextEncoder().encode(text), { documentId: id, sourceFile: `in/${id}.txt` });

  it('replaces the narrative’s prose checks with checks against the report’s cells', async () => {
    const narrative = await extract('一、收入预算情况\n2022年部门预算收入 8,785 万元。\n', 'n');
    const report = await extract(
      '收支总表\n单位：万元\n收入\t预算数\t支出\t预算数\n一般公共预算拨款\t8,785\t一般公共服务支出\t8,785\n收入总计\t8,785\t支出总计\t8,785\n',
      'r',
    );
    expect(report.line_items.length).toBeGreaterThan(0);
    expect(narrative.prose_amounts?.map((a) => a.value)).toEqual(['8785']);
    expect(narrative.checks.map((c) => c.status)).toEqual(['skip']);
    const checked = checkedAgainstReport(narrative, report);
    expect(checked.checks).toEqual([
      expect.objectContaining({
        document_id: 'n',
        status: 'pass',
        expected: '8785',
        actual: '8785',
        line: 2,
      }),
    ]);
    expect(checked.checks[0]?.scope).toContain('vs report r table 收入总计');
    const wrong = checkedAgainstReport(
      { ...narrative, prose_amounts: [{ ...narrative.prose_amounts![0]!, value: '8786' }] },
      report,
    );
    expect(wrong.checks[0]?.status).toBe('fail');
  });
});

describe('a unit’s figure stated in its own section', () => {
  const report = (stated: string) => [
    '2026年某市人力资源和社会保障局部门预算',
    '十三、某市社会保险基金管理局龙华分局',
    `某市社会保险基金管理局龙华分局部门预算收入${stated}万元，包括在职人员经费2,781.70万元。`,
    '收入总表',
    '单位：万元',
    '单位名称⇥收入总计⇥一般公共预算拨款⇥其他收入',
    '合计⇥20000.00⇥18000.00⇥2000.00',
    '某市人力资源和社会保障局⇥14872.09⇥13476.10⇥1395.99',
    '某市社会保险基金管理局龙华分局⇥5127.91⇥4523.90⇥604.01',
  ];
  const checks = (stated: string) => proseChecksOf(report(stated));

  it('is checked against the unit’s row, not the department’s total', async () => {
    const right = await checks('5,127.91');
    expect(right.map((c) => c.status)).toEqual(['pass']);
    expect(right[0]?.scope).toContain('某市社会保险基金管理局龙华分局 收入总计');
    expect((await checks('5,172.91')).map((c) => c.status)).toEqual(['fail']);
  });
});
