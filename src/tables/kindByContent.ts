import { economicClassOf } from '../normalize/economicClasses.ts';
import type { GridLineItem } from './gridItems.ts';
import type { TableKind } from './tableKinds.ts';

/**
 * A table's kind follows what it holds, not only its title: rows keyed by 经济分类 codes or names
 * (301…, 501…, 工资福利支出) make an economic-class table, rows keyed by 功能分类 codes (201…) a
 * function-class one, and a table without 收入 / 支出 sides is not a 收支总表. The title's kind is
 * kept unless the rows say otherwise.
 */

export interface ContentKind {
  readonly kind: TableKind;
  /** Why the rows changed the title's kind; absent when they did not. */
  readonly reason?: string;
}

interface RowKeys {
  readonly functionRows: number;
  readonly economicRows: number;
  readonly sided: boolean;
}

function rowKeys(items: readonly GridLineItem[]): RowKeys {
  const functionRows = new Set<string>();
  const economicRows = new Set<string>();
  for (const it of items) {
    const row = `${it.side}:${it.rowIndex}`;
    if (it.subjectCode !== '') functionRows.add(row);
    else if (it.economicCode !== '' || it.govEconomicCode !== '' || economicClassOf(it.rowLabel))
      economicRows.add(row);
  }
  return {
    functionRows: functionRows.size,
    economicRows: economicRows.size,
    sided: items.some((it) => it.side !== ''),
  };
}

const BY_ECONOMIC_CLASS = 'rows keyed by 经济分类 codes or names';
const BY_FUNCTION_CLASS = 'rows keyed by 功能分类 codes';

/**
 * Columns of a performance evaluation's funds table (资金到位 and execution: 预算到位, 指标结余,
 * 到位率): the money of a finished project, not a budget's table, whatever its title.
 */
const EVALUATION_COLUMN = /预算到位|资金到位|到位率|指标结余/u;

export function kindFromContent(kind: TableKind, items: readonly GridLineItem[]): ContentKind {
  if (kind !== 'other' && items.some((it) => EVALUATION_COLUMN.test(it.columnLabel)))
    return { kind: 'other', reason: 'columns of a performance evaluation (预算到位, 指标结余)' };
  const keys = rowKeys(items);
  const economic = keys.economicRows >= 2 && keys.economicRows > keys.functionRows;
  const functional = keys.functionRows >= 2 && keys.functionRows > keys.economicRows;
  if (kind === 'general_budget_expense' && economic)
    return { kind: 'general_budget_economic_expense', reason: BY_ECONOMIC_CLASS };
  if (kind === 'general_budget_economic_expense' && functional)
    return { kind: 'general_budget_expense', reason: BY_FUNCTION_CLASS };
  if (kind === 'income_expense_summary' && !keys.sided && functional)
    return { kind: 'expense_summary', reason: `${BY_FUNCTION_CLASS}, no 收入 / 支出 sides` };
  if (kind === 'fiscal_appropriation_summary' && !keys.sided && functional)
    return { kind: 'fiscal_appropriation_expense', reason: `${BY_FUNCTION_CLASS}, no 收入 / 支出 sides` };
  return { kind };
}
