import type { Check } from '../../schemas/check.ts';
import { toDecimal } from '../normalize/decimal.ts';
import { amountInWan } from '../normalize/unit.ts';
import { equalityCheck, skip } from './emit.ts';
import type { CheckInput } from './model.ts';
import { type ProseStatement, readProseStatements } from './proseStatements.ts';
import { locate } from './quantities.ts';

/**
 * Amounts stated in the narrative must agree with the tables: each statement (proseStatements.ts)
 * against the table cell that prints its quantity.
 */

export function proseMatchesTable(input: CheckInput, statements = readProseStatements(input.prose)): Check[] {
  return statements.map((statement) => proseCheck(input.documentId, statement, input));
}

/**
 * One statement against the tables of `tables` (the document's own, or those of the report the
 * narrative belongs to, named by `tablesOf`).
 */
export function proseCheck(
  documentId: string,
  statement: ProseStatement,
  tables: CheckInput,
  tablesOf = '',
): Check {
  const place = statement.line !== undefined ? `line ${statement.line}` : `page ${statement.page ?? '?'}`;
  const scope = `text (${place}) “${statement.text}” vs ${tablesOf ? `${tablesOf} ` : ''}table ${statement.label}`;
  // The place of a prose check is the sentence: that is what a reader goes to verify.
  const at = {
    ...(statement.line !== undefined ? { line: statement.line } : {}),
    ...(statement.page !== undefined ? { page: statement.page } : {}),
  };
  const located = locate(tables, statement.quantity);
  if (!located)
    return {
      ...skip(documentId, 'prose_matches_table', scope, `no table prints ${statement.label}`),
      ...at,
    };
  // The text states 万元; a table in 元 is compared in 万元 (exactly: the point moves four places).
  const wan =
    located.item.unit === '元' && statement.unit === '万元'
      ? amountInWan(located.item.value, '元')
      : undefined;
  const inYuan = wan !== undefined;
  const item = wan !== undefined ? { ...located.item, value: wan, unit: '万元' as const } : located.item;
  const check = equalityCheck(
    documentId,
    'prose_matches_table',
    scope,
    item,
    toDecimal(statement.value),
    `${located.where}${inYuan ? ` (${located.item.value} 元)` : ''} vs the text`,
  );
  return { ...check, ...at };
}
