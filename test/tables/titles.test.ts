import { describe, expect, it } from 'vitest';
import { kindFromTitle } from '../../src/tables/tableKinds.ts';
import { matchTableNumberLine, matchTableTitle } from '../../src/tables/titles.ts';

describe('table titles', () => {
  it.each([
    ['预算01表 收支总表', '收支总表', '预算01表'],
    ['收支总表', '收支总表', undefined],
    ['一般公共预算支出表（按功能分类）', '一般公共预算支出表（按功能分类）', undefined],
    ['附表3 部门支出预算总体情况表', '部门支出预算总体情况表', '附表3'],
    ['表一 收入总表', '收入总表', '表一'],
    ['公开01表 部门收支总表', '部门收支总表', '公开01表'],
    ['一、部门收支预算总体情况表', '部门收支预算总体情况表', '一'],
    ['(十一) 部门整体支出绩效目标表', '部门整体支出绩效目标表', '十一'],
    ['部门（单位）整体支出绩效目标表', '部门（单位）整体支出绩效目标表', undefined],
    ['项目支出绩效目标表（含转移支付项目）', '项目支出绩效目标表（含转移支付项目）', undefined],
  ])('%s', (line, title, number) => {
    expect(matchTableTitle(line)).toEqual({ title, number });
  });
  it.each([
    '第四部分 2024年部门预算附表',
    '详见附表十一。',
    '目 录',
    '附表',
    '2022年“三公”经费预算597万元，比2021年预算增加256万元。',
  ])('is not a title: %s', (line) => {
    expect(matchTableTitle(line)).toBeUndefined();
  });
  it('recognises number lines printed above the title', () => {
    expect(matchTableNumberLine('表 1')).toBe('表1');
    expect(matchTableNumberLine('表 11')).toBe('表11');
    expect(matchTableNumberLine('1')).toBeUndefined();
  });
});

describe('kindFromTitle', () => {
  it.each([
    ['收支总表', 'income_expense_summary'],
    ['部门收支预算总体情况表', 'income_expense_summary'],
    ['收入支出决算总表', 'income_expense_summary'],
    ['收入总表', 'income_summary'],
    ['部门收入预算总体情况表', 'income_summary'],
    ['收入决算表', 'income_summary'],
    ['支出总表', 'expense_summary'],
    ['支出决算表', 'expense_summary'],
    ['基本支出总表', 'basic_expense_summary'],
    ['项目支出总表', 'project_expense_summary'],
    ['政府预算拨款收支总表', 'fiscal_appropriation_summary'],
    ['财政拨款收支预算总体情况表', 'fiscal_appropriation_summary'],
    ['财政拨款收入支出决算总表', 'fiscal_appropriation_summary'],
    ['一般公共预算支出表（按功能分类）', 'general_budget_expense'],
    ['一般公共预算财政拨款支出决算表', 'general_budget_expense'],
    ['一般公共预算基本支出情况表（细化至经济分类款级科目）', 'general_budget_basic_expense'],
    ['财政拨款“三公”经费支出表', 'three_public_expense'],
    ['政府性基金预算支出情况表', 'gov_fund_expense'],
    ['国有资本经营预算支出表', 'state_capital_expense'],
    ['政府采购预算明细表', 'gov_procurement'],
    ['财政拨款政府购买服务明细表', 'gov_purchased_services'],
    ['市对区转移支付支出预算表', 'transfer_payment'],
    ['项目支出绩效目标表', 'project_performance'],
    ['专项业务费项目绩效目标表', 'project_performance'],
    ['单位整体支出绩效目标表', 'department_performance'],
    ['部门（单位）整体支出绩效目标表', 'department_performance'],
  ])('%s → %s', (title, kind) => {
    expect(kindFromTitle(title)).toBe(kind);
  });
  it('names no kind for other titles', () => {
    expect(kindFromTitle('部门人员情况表')).toBeUndefined();
  });
});

describe('kindFromTitle with one misread character', () => {
  it('reads an OCR-misread title when every reading names one kind', () => {
    expect(kindFromTitle('专项业务费项目缇效目标表')).toBe('project_performance');
    expect(kindFromTitle('一般公共预算支出表')).toBe('general_budget_expense');
    expect(kindFromTitle('人员名单表')).toBeUndefined();
  });

  it('takes a more specific kind when the misread made a general title out of it', () => {
    // As printed, 财政拨欺收支预算总体情况表 is a plain 收支总表; 欺 is in no title.
    expect(kindFromTitle('财政拨欺收支预算总体情况表')).toBe('fiscal_appropriation_summary');
    expect(kindFromTitle('一般公共预算基木支出情况表')).toBe('general_budget_basic_expense');
    // 舫 could be 般 (一般公共预算支出, eight characters) or 三 (三公, two): the longer match wins.
    expect(kindFromTitle('一舫公共预算财政拨款支出表')).toBe('general_budget_expense');
    // 姚 is in no title, 绩 is: 绩姚 → 绩效, not 表姚 (项目支出表).
    expect(kindFromTitle('项目支出绩姚目标表')).toBe('project_performance');
  });

  it('never rewrites a character that titles use: a right title keeps its kind', () => {
    expect(kindFromTitle('收入预算总表')).toBe('income_summary');
    expect(kindFromTitle('部门支出预算总体情况表')).toBe('expense_summary');
    expect(kindFromTitle('一般公共预算支出情况表')).toBe('general_budget_expense');
    expect(kindFromTitle('部门收入预算总体情况表')).toBe('income_summary');
    expect(kindFromTitle('一般公共预算支出表（按功能分类）')).toBe('general_budget_expense');
  });
});
