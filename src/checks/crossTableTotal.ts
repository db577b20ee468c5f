import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { addDecimals } from '../normalize/decimal.ts';
import { equalityCheck, skip } from './emit.ts';
import { amountOf, type CheckInput, itemInWan } from './model.ts';
import { hasTable, type Located, locate, type QuantityName } from './quantities.ts';

/**
 * The same quantity printed in several tables must agree. Each identity names the quantities on
 * both sides; a side that sums tables treats a table that is absent or blank as zero only when the
 * document prints that table (`本部门无政府性基金预算支出`).
 */

interface Identity {
  readonly left: QuantityName;
  readonly right: readonly QuantityName[];
  readonly what: string;
  /** A second convention of the template, compared when the first does not hold. */
  readonly orElse?: { readonly left: QuantityName; readonly right: readonly QuantityName[] };
  /**
   * The left may cover a part of the right: less is no contradiction (there is nothing to check),
   * more is.
   */
  readonly mayCoverPart?: boolean;
}

const IDENTITIES: readonly Identity[] = [
  { left: 'income_total', right: ['income_summary_total'], what: '收支总表 收入总计 = 收入总表 合计' },
  {
    left: 'income_this_year',
    right: ['income_summary_this_year'],
    what: '收支总表 本年收入合计 = 收入决算表 本年收入合计',
  },
  {
    left: 'expense_this_year',
    right: ['expense_summary_total'],
    // Xi'an's 2019 支出总表 is laid out by source of funds, 上年结转 and 上年实户资金余额 included:
    // its 合计 is the 支出总计, 结转下年 in it.
    orElse: { left: 'expense_total', right: ['expense_summary_total'] },
    what: '收支总表 本年支出合计 = 支出总表 合计',
  },
  {
    left: 'fiscal_expense_this_year',
    right: ['general_expense_total', 'gov_fund_total', 'state_capital_total'],
    // Xi'an's 2021 本年支出合计 spends the 上年结转 too, where the fund tables leave it out (不含上年结转).
    orElse: {
      left: 'fiscal_expense_this_year',
      right: ['general_expense_total', 'gov_fund_total', 'state_capital_total', 'fiscal_carried_forward'],
    },
    what: '财政拨款收支总表 本年支出合计 = 一般公共预算 + 政府性基金 + 国有资本经营 支出',
  },
  {
    left: 'general_expense_basic',
    right: ['general_basic_total'],
    what: '一般公共预算支出表 基本支出 = 一般公共预算基本支出表 合计',
  },
  {
    // Two conventions: Beijing prints 预算支出总额 = 支出总计 (with 年终结转结余), Xi'an 预算总额 =
    // 本年支出合计 (without the 结转下年 it prints). The check says which one held.
    left: 'department_performance_total',
    right: ['expense_total'],
    orElse: { left: 'department_performance_total', right: ['expense_this_year'] },
    // Xi'an's 2022 tables set targets for the tasks only (工信局: 5,364.27 of 105,590.77, the
    // 100,000.00 industry fund left out): fewer funds than the budget's are the table's choice.
    mayCoverPart: true,
    what: '部门整体绩效目标表 预算总额 = 收支总表 支出总计',
  },
];

const OPTIONAL_TABLES: Partial<Record<QuantityName, Parameters<typeof hasTable>[1]>> = {
  gov_fund_total: 'gov_fund_expense',
  state_capital_total: 'state_capital_expense',
};

export function crossTableTotal(input: CheckInput): Check[] {
  const out: Check[] = [];
  for (const identity of IDENTITIES) {
    const check = identityCheck(input, identity.what, identity.left, identity.right);
    if (!check) continue;
    const orElse = identity.orElse;
    if (check.status === 'fail' && orElse) {
      const other = identityCheck(input, identity.what, orElse.left, orElse.right);
      if (other?.status === 'pass') {
        const convention = `${orElse.left} = ${orElse.right.join(' + ')}`;
        out.push({ ...other, message: `${other.message} (the template's other convention: ${convention})` });
        continue;
      }
    }
    out.push(identity.mayCoverPart ? partCovered(check) : check);
  }
  return out;
}

/** A failed identity whose left side is smaller than its right: a part, not a contradiction. */
function partCovered(check: Check): Check {
  if (check.status !== 'fail' || !check.difference.startsWith('-')) return check;
  return {
    ...check,
    status: 'skip',
    message: `${check.message}: the table covers a part of the budget (${check.expected} of ${check.actual}), which no identity fixes`,
  };
}

function identityCheck(
  input: CheckInput,
  scope: string,
  leftName: QuantityName,
  right: readonly QuantityName[],
): Check | undefined {
  const left = locate(input, leftName);
  const parts: Located[] = [];
  const missing: QuantityName[] = [];
  const zero: string[] = [];
  for (const name of right) {
    const found = locate(input, name);
    const optional = OPTIONAL_TABLES[name];
    if (found) parts.push(found);
    // A 政府性基金 / 国有资本经营 table that is blank or not printed holds nothing: zero.
    else if (optional) zero.push(hasTable(input, optional) ? `${name} (blank)` : `${name} (no table)`);
    else missing.push(name);
  }
  if (!left && parts.length === 0) return undefined; // the document prints none of these tables
  if (!left || missing.length > 0 || parts.length === 0) {
    const absent = [...(left ? [] : [leftName]), ...missing].join(', ');
    return skip(input.documentId, 'cross_table_total', scope, `not printed: ${absent}`, left?.item);
  }
  const common = inCommonUnit([left.item, ...parts.map((p) => p.item)]);
  if (!common)
    return skip(input.documentId, 'cross_table_total', scope, 'the tables print other units', left.item);
  const [leftItem, ...partItems] = common;
  const sum = addDecimals(partItems.map((item) => amountOf(item)));
  const converted = partItems.some((item, k) => item !== parts[k]?.item) || leftItem !== left.item;
  const zeros = zero.length > 0 ? ` (zero: ${zero.join(', ')})` : '';
  const what = `${left.where} vs ${parts.map((p) => p.where).join(' + ')}${zeros}${converted ? ' (compared in 万元)' : ''}`;
  return equalityCheck(input.documentId, 'cross_table_total', scope, leftItem!, sum, what);
}

/**
 * The figures in one unit: as printed when they share it, else all in 万元 (a 部门整体绩效目标表 in
 * 万元 beside a 收支总表 in 元: the point moves four places, exactly).
 */
function inCommonUnit(items: readonly LineItem[]): LineItem[] | undefined {
  if (items.every((item) => item.unit === items[0]?.unit)) return [...items];
  const out = items.map(itemInWan);
  return out.every((item) => item !== undefined) ? (out as LineItem[]) : undefined;
}
