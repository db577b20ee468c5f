import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { subtractDecimals } from '../normalize/decimal.ts';
import { equalityCheck, skip, sumCheck } from './emit.ts';
import { type AmountRow, amountOf, bareLabel, type CheckInput, rowsOf, tableName } from './model.ts';
import { readSumTree } from './sumTree.ts';

/**
 * In every two-sided table: 收入总计 = 支出总计, 本年收入合计 + 上年结转 (and the other rows printed
 * between them) = 收入总计 and 本年支出合计 + 年终结转结余 (likewise) = 支出总计.
 */

function find(rows: readonly AmountRow[], side: '收入' | '支出', pattern: RegExp): LineItem | undefined {
  for (const row of rows) {
    if (row.side !== side || !pattern.test(bareLabel(row.label))) continue;
    const first = [...row.cells.values()][0];
    if (first) return first;
  }
  return undefined;
}

function findRow(rows: readonly AmountRow[], side: '收入' | '支出', pattern: RegExp): AmountRow | undefined {
  return rows.find((row) => row.side === side && pattern.test(bareLabel(row.label)));
}

/**
 * The rows a side prints between its 本年 total and its 总计: 上年结转 (预算) or 年初结转和结余 (决算),
 * and wherever printed 上级补助收入, 附属单位上缴收入, 用事业基金弥补收支差额, 对附属单位补助支出,
 * 上缴上级支出, 结转下年. A `其中` row breaks down the row above it: it and the rows after it are not
 * parts of the 总计.
 */
function rowsBetween(
  rows: readonly AmountRow[],
  side: '收入' | '支出',
  from: AmountRow,
  to: AmountRow,
): AmountRow[] {
  const between: AmountRow[] = [];
  for (const row of rows) {
    if (row.side !== side || row.rowIndex <= from.rowIndex || row.rowIndex >= to.rowIndex) continue;
    if (/^其中/u.test(bareLabel(row.label))) break;
    if (row.cells.size > 0) between.push(row);
  }
  return between;
}

/**
 * The top rows among those between: `上年结转结余` above its `一、一般公共预算拨款` breakdown is one
 * part, read from the figures (sumTree.ts) when they admit such a reading; else all are parts.
 */
function topRows(between: readonly AmountRow[], current: LineItem, total: LineItem): readonly AmountRow[] {
  if (between.length < 2) return between;
  const first = (r: AmountRow) => amountOf([...r.cells.values()][0]!);
  const rest = subtractDecimals(amountOf(total), amountOf(current));
  const forest = readSumTree(between.map(first), rest);
  return forest?.some((n) => n.children.length > 0) ? forest.map((n) => between[n.at]!) : between;
}

export function incomeEqualsExpense(input: CheckInput): Check[] {
  const out: Check[] = [];
  for (const table of input.tables) {
    const rows = rowsOf(table, input.lineItems);
    if (!rows.some((r) => r.side === '收入') || !rows.some((r) => r.side === '支出')) continue;
    const name = tableName(table);
    const incomeTotal = find(rows, '收入', /^收入总计$|^收入合计$/u);
    const expenseTotal = find(rows, '支出', /^支出总计$|^支出合计$/u);
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
    const pairs: Array<[string, '收入' | '支出', RegExp, LineItem | undefined]> = [
      ['本年收入合计 + 上年结转 = 收入总计', '收入', /^本年收入合计$/u, incomeTotal],
      ['本年支出合计 + 年终结转结余 = 支出总计', '支出', /^本年支出合计$/u, expenseTotal],
    ];
    for (const [what, side, thisYear, total] of pairs) {
      const currentRow = findRow(rows, side, thisYear);
      const current = currentRow ? [...currentRow.cells.values()][0] : undefined;
      const totalRow = rows.find(
        (r) => r.side === side && r.cells.size > 0 && [...r.cells.values()][0] === total,
      );
      if (!current || !total || !currentRow || !totalRow) continue;
      const between = topRows(rowsBetween(rows, side, currentRow, totalRow), current, total);
      const parts = [current, ...between.map((r) => [...r.cells.values()][0]!)];
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
