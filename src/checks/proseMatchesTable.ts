import type { Check } from '../../schemas/check.ts';
import { toDecimal } from '../normalize/decimal.ts';
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
  const check = equalityCheck(
    documentId,
    'prose_matches_table',
    scope,
    located.item,
    toDecimal(statement.value),
    `${located.where} vs the text`,
  );
  return { ...check, ...at };
}
