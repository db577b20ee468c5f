import type { ExtractedTableRecord } from '../../schemas/document.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { labelKey } from '../normalize/cellText.ts';
import type { TableKind } from '../tables/tableKinds.ts';
import { type AmountRow, bareLabel, type CheckInput, rowsOf } from './model.ts';

/**
 * The figures a budget document prints more than once: the expense total in the 收支总表, the
 * 支出总表 and the performance table; the 一般公共预算 total in the 财政拨款 table and in its own
 * table; the 三公 total in its table and in the text. Each is located by table kind, row and column.
 */

export type QuantityName =
  | 'income_total'
  | 'expense_total'
  | 'expense_this_year'
  | 'income_summary_total'
  | 'income_this_year'
  | 'income_general_budget'
  | 'income_carried_forward'
  | 'income_summary_this_year'
  | 'expense_summary_total'
  | 'expense_summary_basic'
  | 'expense_summary_project'
  | 'fiscal_expense_this_year'
  | 'fiscal_carried_forward'
  | 'general_expense_total'
  | 'general_expense_basic'
  | 'general_expense_project'
  | 'fiscal_expense_basic'
  | 'fiscal_expense_project'
  | 'general_basic_total'
  | 'gov_fund_total'
  | 'state_capital_total'
  | 'three_public_total'
  | 'three_public_abroad'
  | 'three_public_reception'
  | 'three_public_vehicles'
  | 'procurement_total'
  | 'department_performance_total';

export interface Located {
  readonly item: LineItem;
  readonly where: string;
}

/** A one-segment column label that totals the row (`合计`, `支出总计`, `“三公”经费合计`, `…预算总额`). */
const TOP_TOTAL_COLUMN = /(?:合计|总计|小计|总额)$/u;
const THIS_YEAR_INCOME = /^本年收入合计$/u;

function tablesOf(input: CheckInput, kind: TableKind): ExtractedTableRecord[] {
  return input.tables.filter((t) => t.table_kind === kind);
}

function sideValue(
  input: CheckInput,
  kind: TableKind,
  side: '收入' | '支出',
  pattern: RegExp,
): Located | undefined {
  for (const table of tablesOf(input, kind)) {
    for (const row of rowsOf(table, input.lineItems)) {
      if (row.side !== side || !pattern.test(bareLabel(row.label))) continue;
      const item = [...row.cells.values()][0];
      if (item) return { item, where: `${table.table_title} / ${row.side} / ${row.label}` };
    }
  }
  return undefined;
}

/** The row that totals a one-sided table: its 合计/总计 row, else its only row. */
function totalRow(rows: readonly AmountRow[], year: string): AmountRow | undefined {
  const oneSided = rows.filter((r) => r.side === '');
  const yearRow = year ? oneSided.find((r) => labelKey(r.label).endsWith(`${year}年`)) : undefined;
  if (yearRow) return yearRow;
  return (
    oneSided.find((r) => /^(?:合计|总计|金额合计)$/u.test(labelKey(r.label))) ??
    (oneSided.length === 1 ? oneSided[0] : undefined) ??
    // The department's row above its coded rows (Shenzhen 表3, 表7).
    (oneSided[0] &&
    !oneSided[0].subjectCode &&
    !oneSided[0].economicCode &&
    oneSided.slice(1).every((r) => r.subjectCode || r.economicCode)
      ? oneSided[0]
      : undefined)
  );
}

function columnValue(
  input: CheckInput,
  kind: TableKind,
  column: (label: string) => boolean,
  what: string,
): Located | undefined {
  for (const table of tablesOf(input, kind)) {
    const row = totalRow(rowsOf(table, input.lineItems), input.year);
    if (!row) continue;
    const matches = [...row.cells].filter(([label]) => column(label));
    // A 三公 table printing last year beside this year (`2025年 / 合计`, `2026年 / 合计`): the
    // document's own year is the one its text states.
    const ofYear = input.year
      ? matches.find(([label]) => labelKey(label).includes(`${input.year}年`))
      : undefined;
    // Or `上年 / …` beside `当年 / …` (and `增减变化情况 / …`): this year's.
    const current = matches.find(([label]) => /^(?:当年|本年)/u.test(first(label)));
    const notOther = matches.filter(([label]) => !/^(?:上年|增减)/u.test(first(label)));
    const chosen =
      ofYear ??
      current ??
      (matches.some(([label]) => /\d{4}年/u.test(label)) && input.year ? undefined : notOther[0]);
    if (chosen)
      return { item: chosen[1], where: `${table.table_title} / ${row.label || what} / ${chosen[0]}` };
  }
  return undefined;
}

/** 本年支出合计, or 支出总计 when the table prints no 本年 line and no carried-over balance. */
function thisYearExpense(input: CheckInput, kind: TableKind): Located | undefined {
  const thisYear = sideValue(input, kind, '支出', /^本年支出合计$/u);
  if (thisYear) return thisYear;
  const carried = sideValue(input, kind, '支出', /^(?:结转下年|年终结[转余]|年末结[转余])/u);
  if (carried && carried.item.value.replace(/[0.]/g, '') !== '') return undefined;
  return sideValue(input, kind, '支出', /^支出总计$/u);
}

const leaf = (label: string) => labelKey(label.split(' / ').pop() ?? '');
const first = (label: string) => labelKey(label.split(' / ')[0] ?? '');
const isTopTotal = (label: string) => !label.includes(' / ') && TOP_TOTAL_COLUMN.test(labelKey(label));

export function locate(input: CheckInput, name: QuantityName): Located | undefined {
  switch (name) {
    case 'income_total':
      return sideValue(input, 'income_expense_summary', '收入', /^收入总计$/u);
    case 'expense_total':
      return sideValue(input, 'income_expense_summary', '支出', /^支出总计$/u);
    case 'expense_this_year':
      return thisYearExpense(input, 'income_expense_summary');
    case 'fiscal_expense_this_year':
      return thisYearExpense(input, 'fiscal_appropriation_summary');
    case 'fiscal_carried_forward':
      return sideValue(input, 'fiscal_appropriation_summary', '收入', /^上年结转(?:结余)?$/u);
    case 'income_summary_total':
      // A 收入决算表 totals only this year's income (本年收入合计): that is the other identity.
      return columnValue(
        input,
        'income_summary',
        (l) => !THIS_YEAR_INCOME.test(labelKey(l)) && (isTopTotal(l) || /^(?:合计|总计)$/u.test(first(l))),
        '合计',
      );
    case 'income_summary_this_year':
      return columnValue(input, 'income_summary', (l) => THIS_YEAR_INCOME.test(labelKey(l)), '合计');
    case 'income_this_year':
      return sideValue(input, 'income_expense_summary', '收入', /^本年收入合计$/u);
    case 'income_general_budget':
      return sideValue(input, 'income_expense_summary', '收入', /^一般公共预算(?:财政)?拨款(?:收入)?$/u);
    case 'income_carried_forward':
      return sideValue(input, 'income_expense_summary', '收入', /^上年结转(?:结余)?$/u);
    case 'expense_summary_total':
      return columnValue(
        input,
        'expense_summary',
        (l) => isTopTotal(l) || /^(?:合计|总计)$/u.test(first(l)),
        '合计',
      );
    case 'expense_summary_basic':
      return columnValue(
        input,
        'expense_summary',
        (l) => leaf(l) === '基本支出' && !l.includes('非财政'),
        '合计',
      );
    case 'expense_summary_project':
      return columnValue(
        input,
        'expense_summary',
        (l) => leaf(l) === '项目支出' && !l.includes('非财政'),
        '合计',
      );
    case 'general_expense_total':
      return columnValue(
        input,
        'general_budget_expense',
        (l) => isTopTotal(l) || /^(?:预算数\/)?(?:合计|总计)$/u.test(labelKey(l).replace(/^预算数\//u, '')),
        '合计',
      );
    case 'general_expense_basic':
      return columnValue(
        input,
        'general_budget_expense',
        (l) => leaf(l) === '基本支出' || (/基本支出/.test(l) && leaf(l) === '小计'),
        '合计',
      );
    case 'general_expense_project':
      return columnValue(
        input,
        'general_budget_expense',
        (l) => leaf(l) === '项目支出' || (/项目支出/.test(l) && leaf(l) === '小计'),
        '合计',
      );
    case 'fiscal_expense_basic':
    case 'fiscal_expense_project':
      return fiscalExpense(input, name === 'fiscal_expense_basic' ? '基本支出' : '项目支出');
    case 'general_basic_total':
      return columnValue(input, 'general_budget_basic_expense', (l) => leaf(l) === '合计', '合计');
    case 'gov_fund_total':
      return fundTableTotal(input, 'gov_fund_expense');
    case 'state_capital_total':
      return fundTableTotal(input, 'state_capital_expense');
    case 'three_public_total':
      return columnValue(input, 'three_public_expense', isTopTotal, '合计');
    case 'three_public_abroad':
      return columnValue(input, 'three_public_expense', (l) => /因公出国/.test(l), '合计');
    case 'three_public_reception':
      return columnValue(input, 'three_public_expense', (l) => leaf(l) === '公务接待费', '合计');
    case 'three_public_vehicles':
      return columnValue(
        input,
        'three_public_expense',
        (l) => /公务用车购置及运行/.test(first(l)) && (leaf(l) === '小计' || !l.includes(' / ')),
        '合计',
      );
    case 'procurement_total':
      return (
        columnValue(input, 'gov_procurement', (l) => /金额|合计/.test(l), '合计') ??
        columnValue(input, 'expense_summary', (l) => /采购/.test(first(l)) && leaf(l) === '小计', '合计')
      );
    case 'department_performance_total':
      return columnValue(
        input,
        'department_performance',
        (l) => /^(?:预算支出总额|资金总额|预算金额.*\/总额|.*总额)$/u.test(labelKey(l).replace(/\//g, '/')),
        '合计',
      );
  }
}

/**
 * 财政拨款 basic or project expense: the 财政拨款支出表's column, else the 一般公共预算 table's when
 * the department has no 政府性基金 or 国有资本经营 appropriation to add to it.
 */
function fiscalExpense(input: CheckInput, leafLabel: '基本支出' | '项目支出'): Located | undefined {
  const fiscal = columnValue(input, 'fiscal_appropriation_expense', (l) => leaf(l) === leafLabel, '合计');
  if (fiscal) return fiscal;
  const nothingElse = (q: QuantityName) => {
    const other = locate(input, q);
    return !other || other.item.value.replace(/[0.]/g, '') === '';
  };
  if (!nothingElse('gov_fund_total') || !nothingElse('state_capital_total')) return undefined;
  return locate(input, leafLabel === '基本支出' ? 'general_expense_basic' : 'general_expense_project');
}

/** A fund's expense table's total: its 合计, or its 本年支出合计 when printed as two sides (Xi'an). */
function fundTableTotal(input: CheckInput, kind: TableKind): Located | undefined {
  return (
    columnValue(input, kind, (l) => leaf(l) === '合计' || isTopTotal(l), '合计') ??
    thisYearExpense(input, kind)
  );
}

/**
 * A unit's own figure, where the text states one (`…龙华分局部门预算收入5,127.91万元`) and a 收入总表 or
 * 支出总表 lists the unit as a row: that row's first amount, its total.
 */
export function unitFigure(input: CheckInput, name: QuantityName, unit: string): Located | undefined {
  const kind: TableKind | undefined =
    name === 'income_total' ? 'income_summary' : name === 'expense_total' ? 'expense_summary' : undefined;
  if (!kind) return undefined;
  const key = labelKey(unit);
  for (const table of tablesOf(input, kind)) {
    const rows = rowsOf(table, input.lineItems);
    const row = rows.find((r) => labelKey(bareLabel(r.label)) === key);
    // The department's own row repeats the table's total: the department's figure, not a unit's.
    if (!row || row === totalRow(rows, input.year)) continue;
    const item = [...row.cells.values()][0];
    if (item) return { item, where: `${table.table_title} / ${row.label}` };
  }
  return undefined;
}

/** Whether the document has a table of this kind at all (a missing 政府性基金 table is no value). */
export function hasTable(input: CheckInput, kind: TableKind): boolean {
  return input.tables.some((t) => t.table_kind === kind);
}
