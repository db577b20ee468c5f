import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBudgetTable, notBudgetReason, type TableEvidence } from '../../src/pipeline/budgetVerdict.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

const row = (
  rowLabel: string,
  columnLabel: string,
  codes: Partial<Record<'subjectCode' | 'economicCode', string>> = {},
) => ({
  rowLabel,
  columnLabel,
  subjectCode: codes.subjectCode ?? '',
  economicCode: codes.economicCode ?? '',
  govEconomicCode: '',
});

const table = (over: Partial<TableEvidence>): TableEvidence => ({
  kind: 'other',
  title: '',
  items: [],
  indicators: [],
  ...over,
});

describe('isBudgetTable', () => {
  it('takes a table of amounts that names itself a budget table and has budget rows', () => {
    expect(
      isBudgetTable(table({ kind: 'income_summary', title: '收入总表', items: [row('合计', '预算数')] })),
    ).toBe(true);
    // Untitled, but its amount column is a budget column and its rows carry subject codes.
    const coded = [
      row('行政运行', '预算数', { subjectCode: '2010301' }),
      row('一般行政管理事务', '预算数', { subjectCode: '2010302' }),
    ];
    expect(isBudgetTable(table({ items: coded }))).toBe(true);
    expect(isBudgetTable(table({ title: '部门预算表', items: [row('工资福利支出', '金额')] }))).toBe(true);
  });

  it('takes a performance table by its indicators', () => {
    expect(isBudgetTable(table({ kind: 'project_performance', indicators: [{}] }))).toBe(true);
  });

  it('refuses statistics, plans, menus and counters', () => {
    const statistics = [
      row('规模以上工业增加值 / 亿元', '1—2月 数值'),
      row('全社会用电量 / 亿千瓦时', '1—2月 数值'),
    ];
    expect(isBudgetTable(table({ title: '2025年1—2月全市主要经济指标', items: statistics }))).toBe(false);
    const plan = [row('中心城区 / 昆都仑区 / 2030年', '工程垃圾'), row('青山区 / 2030年', '拆除垃圾')];
    expect(
      isBudgetTable(table({ title: '包头市各旗县区建筑垃圾产生量汇总表（万吨/年）', items: plan })),
    ).toBe(false);
    expect(isBudgetTable(table({ items: [row('【返回顶部】【打印本稿】【关闭本页】', '')] }))).toBe(false);
    expect(isBudgetTable(table({ title: '.special-list {', items: [row('', '2025')] }))).toBe(false);
  });

  it('needs amounts: a budget title alone is not a budget table', () => {
    expect(isBudgetTable(table({ kind: 'three_public_expense', title: '政府网站公开年度报表' }))).toBe(false);
  });

  it('needs most rows to be budget rows, not one word among a page of others', () => {
    const mixed = [row('合计', '金额'), row('张三', '金额'), row('李四', '金额'), row('王五', '金额')];
    expect(isBudgetTable(table({ title: '中标结果公示', items: mixed }))).toBe(false);
  });
});

describe('notBudgetReason', () => {
  it('says nothing when a budget table is there, or when there are no numbers at all', () => {
    const budget = table({ kind: 'income_summary', items: [row('合计', '预算数')] });
    const counter = table({ items: [row('分享到', '')] });
    expect(notBudgetReason([counter, budget])).toBeUndefined();
    expect(notBudgetReason([table({})])).toBeUndefined();
    expect(notBudgetReason([counter])).toMatch(/1 table\(s\) with numbers .*none a budget table/);
  });
});

describe('a web page that is not a budget', () => {
  it('ends failed, "not a budget disclosure", with no amounts', async () => {
    const path = 'test/fixtures/html/site-page.html';
    const doc = await extractDocument(readFileSync(path), { documentId: 'site-page', sourceFile: path });
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(/^not a budget disclosure: .*site-page\.html \(.*none a budget table/);
    expect(doc.line_items).toEqual([]);
    expect(doc.indicators).toEqual([]);
    expect(doc.tables).toEqual([]);
  });

  it('a narrative whose prose states budget amounts stays a disclosure: partial, not "not a budget"', async () => {
    const text = '某局2026年部门预算情况说明\n2026年度收入预算101,673.03万元，上年结转结余4,950.85万元。\n';
    const doc = await extractDocument(new TextEncoder().encode(text), {
      documentId: 'prose',
      sourceFile: 'prose.txt',
    });
    expect(doc.status).toBe('partial');
    expect(doc.message).toMatch(/no budget table .*the text states 2 amount/);
    expect(doc.message).not.toMatch(/not a budget disclosure/);
  });

  it('a budget cut short by --max-pages is not called "not a budget"', async () => {
    const path = 'test/fixtures/pdf/000_b0eb34479b848794.pdf';
    const doc = await extractDocument(
      readFileSync(path),
      { documentId: 'cut', sourceFile: path },
      { maxPages: 1 },
    );
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(/no budget table .* \(not every page could be read\)/);
    expect(doc.message).not.toMatch(/not a budget disclosure/);
  });
});
