import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { equalityCheck, skip, sumCheck } from './emit.ts';
import { type AmountRow, bareLabel, type CheckInput, rowsOf, tableName } from './model.ts';

/**
 * In every two-sided table: 收入总计 = 支出总计, 本年收入合计 + 上年结转 = 收入总计 and
 * 本年支出合计 + 年终结转结余 = 支出总计.
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
    const pairs: Array<[string, '收入' | '支出', RegExp, RegExp, LineItem | undefined]> = [
      // 预算 prints 上年结转; 决算 prints 年初结转和结余.
      [
        '本年收入合计 + 上年结转 = 收入总计',
        '收入',
        /^本年收入合计$/u,
        /^(?:上年|年初)(?:财政拨款)?结[转余]/u,
        incomeTotal,
      ],
      [
        '本年支出合计 + 年终结转结余 = 支出总计',
        '支出',
        /^本年支出合计$/u,
        /^(?:结转下年|(?:年终|年末)(?:财政拨款)?结[转余])/u,
        expenseTotal,
      ],
    ];
    for (const [what, side, thisYear, carried, total] of pairs) {
      const current = find(rows, side, thisYear);
      if (!current || !total) continue;
      const carriedRow = findRow(rows, side, carried);
      const carriedItem = carriedRow ? [...carriedRow.cells.values()][0] : undefined;
      const parts = carriedItem ? [current, carriedItem] : [current];
      out.push(
        sumCheck({
          documentId: input.documentId,
          check: 'income_equals_expense',
          scope: `${name} / ${what}`,
          total,
          parts,
          partCount: 2,
        }),
      );
    }
  }
  return out;
}
