import { describe, expect, it } from 'vitest';
import { readGrid } from '../../src/tables/gridItems.ts';
import { kindFromContent } from '../../src/tables/kindByContent.ts';
import { kindFromTitle } from '../../src/tables/tableKinds.ts';
import { rowsOf } from '../helpers.ts';

const items = (lines: readonly string[]) => readGrid(rowsOf(lines.join('\n'))).items;

const ECONOMIC = ['科目编码⇥科目名称⇥合计', '301⇥工资福利支出⇥10.00', '30101⇥基本工资⇥10.00'];
const FUNCTIONAL = ['科目编码⇥科目名称⇥合计', '201⇥一般公共服务支出⇥10.00', '20101⇥人大事务⇥10.00'];
const TWO_SIDED = ['收入⇥⇥支出⇥', '项目⇥预算数⇥项目⇥预算数', '一、财政拨款⇥10.00⇥201⇥10.00'];

describe('kindFromContent', () => {
  it('reads a 一般公共预算支出表 keyed by 经济分类 codes as the economic-class table', () => {
    expect(kindFromContent('general_budget_expense', items(ECONOMIC))).toMatchObject({
      kind: 'general_budget_economic_expense',
    });
    expect(kindFromContent('general_budget_expense', items(FUNCTIONAL))).toEqual({
      kind: 'general_budget_expense',
    });
  });
  it('reads a one-sided “收支总表” keyed by 功能分类 codes as a 支出总表', () => {
    expect(kindFromContent('income_expense_summary', items(FUNCTIONAL)).kind).toBe('expense_summary');
    expect(kindFromContent('income_expense_summary', items(TWO_SIDED)).kind).toBe('income_expense_summary');
  });
  it('reads a performance evaluation’s funds table as other, whatever its title says', () => {
    const evaluation = [
      '项目名称⇥预算批复⇥预算到位⇥实际执行⇥指标结余',
      '合计⇥13,237.00⇥13,237.00⇥12,679.21⇥557.79',
    ];
    expect(kindFromContent('project_expense_summary', items(evaluation))).toMatchObject({ kind: 'other' });
    const budget = ['项目名称⇥预算数⇥其中：财政拨款', '合计⇥13,237.00⇥13,237.00'];
    expect(kindFromContent('project_expense_summary', items(budget)).kind).toBe('project_expense_summary');
  });
  it('names the new kinds from titles', () => {
    expect(kindFromTitle('财政拨款支出表（功能科目）')).toBe('fiscal_appropriation_expense');
    expect(kindFromTitle('一般公共预算支出表（按经济分类）')).toBe('general_budget_economic_expense');
    expect(kindFromTitle('一般公共预算拨款支出预算表')).toBe('general_budget_expense');
    expect(kindFromTitle('一般公共预算机关运行经费支出预算表')).toBe('other');
  });
});
