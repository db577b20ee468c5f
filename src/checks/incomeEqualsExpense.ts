import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { equalityCheck, skip, sumCheck } from './emit.ts';
import { type AmountRow, bareLabel, type CheckInput, rowsOf, tableName } from './model.ts';

/**
 * In every two-sided table: 收入总计 = 支出总计, 本年收入合计 + 上年结转 (and the other rows printed
 * between them) = 收入总计 and 本年支出合计 + 年终结转结余 (likewise) = 支出总计.
 */

/** The first row of a side whose label matches and which prints a figure. */
function findRow(rows: readonly AmountRow[], side: '收入' | '支出', pattern: RegExp): AmountRow | undefined {
  return rows.find((r) => r.side === side && r.cells.size > 0 && pattern.test(bareLabel(r.label)));
}

function firstItem(row: AmountRow | undefined): LineItem | undefined {
  return row ? [...row.cells.values()][0] : undefined;
}

/**
 * What a side adds to its 本年 total to reach its 总计: 上年结转 (预算) or 年初结转和结余 (决算), and
 * wherever printed 上级补助收入, 附属单位上缴收入, 用事业基金弥补收支差额, 使用非财政拨款结余,
 * 对附属单位补助支出, 上缴上级支出, 结转下年. Named, not taken by place: a 本年支出合计 printed at the
 * top of its side has its subjects between it and the 总计.
 */
const BELOW_THE_LINE =
  /^(?:[一二三四五六七八九十]+、)?(?:(?:上年|年初|年终|年末)(?:财政拨款)?结[转余]|结转下年|上级补助收入|附属单位上缴收入|用事业基金弥补收支差额|使用非财政拨款结余|对附属单位(?:的)?补助支出|上缴上级支出|上年实户资金余额|未安排支出的实户资金)/u;

/** The rows printed between a side's 本年 total and its 总计 that add to the former. */
function rowsBetween(
  rows: readonly AmountRow[],
  side: '收入' | '支出',
  from: AmountRow,
  to: AmountRow,
): AmountRow[] {
  return rows.filter(
    (row) =>
      row.side === side &&
      row.rowIndex > from.rowIndex &&
      row.rowIndex < to.rowIndex &&
      row.cells.size > 0 &&
      BELOW_THE_LINE.test(bareLabel(row.label)),
  );
}

export function incomeEqualsExpense(input: CheckInput): Check[] {
  const out: Check[] = [];
  for (const table of input.tables) {
    const rows = rowsOf(table, input.lineItems);
    if (!rows.some((r) => r.side === '收入') || !rows.some((r) => r.side === '支出')) continue;
    const name = tableName(table);
    const incomeTotalRow = findRow(rows, '收入', /^收入总计$|^收入合计$/u);
    const expenseTotalRow = findRow(rows, '支出', /^支出总计$|^支出合计$/u);
    const incomeTotal = firstItem(incomeTotalRow);
    const expenseTotal = firstItem(expenseTotalRow);
    const scope = `${name} / 收入总计 = 支出总计`;
    if (incomeTotal && expenseTotal) {
      out.push(
        equalityCheck(
          input.documentId,
          'income_equals_expense',
          scope,
          incomeTotal,
          expenseTotal,
          '收入总计 and 支出总计',
        ),
      );
    } else {
      out.push(
        skip(
          input.documentId,
          'income_equals_expense',
          scope,
          `${incomeTotal ? '支出' : '收入'}总计 is not printed`,
        ),
      );
    }
    const pairs: Array<[string, '收入' | '支出', RegExp, AmountRow | undefined]> = [
      ['本年收入合计 + 上年结转 = 收入总计', '收入', /^本年收入合计$/u, incomeTotalRow],
      ['本年支出合计 + 年终结转结余 = 支出总计', '支出', /^本年支出合计$/u, expenseTotalRow],
    ];
    for (const [what, side, thisYear, totalRow] of pairs) {
      const currentRow = findRow(rows, side, thisYear);
      const current = firstItem(currentRow);
      const total = firstItem(totalRow);
      if (!current || !total || !currentRow || !totalRow) continue;
      const between = rowsBetween(rows, side, currentRow, totalRow);
      const parts = [current, ...between.map((r) => firstItem(r)!)];
      out.push(
        sumCheck({
          documentId: input.documentId,
          check: 'income_equals_expense',
          scope: `${name} / ${what}`,
          total,
          parts,
          partCount: Math.max(2, between.length + 1),
        }),
      );
    }
  }
  return out;
}
