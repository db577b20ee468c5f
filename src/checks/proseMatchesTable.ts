import type { Check } from '../../schemas/check.ts';
import { toDecimal } from '../normalize/decimal.ts';
import { equalityCheck, skip } from './emit.ts';
import { type CheckInput, itemInWan } from './model.ts';
import { type ProseStatement, readProseStatements } from './proseStatements.ts';
import { locate, type QuantityName, unitFigure } from './quantities.ts';

/**
 * Amounts stated in the narrative must agree with the tables: each statement (proseStatements.ts)
 * against the table cell that prints its quantity.
 */

export function proseMatchesTable(input: CheckInput, statements = readProseStatements(input.prose)): Check[] {
  return statements.map((statement) => proseCheck(input.documentId, statement, input));
}

/**
 * `部门预算支出 105,590.77 万元` is the 支出总计 in most narratives and, where the tables print a
 * 结转下年, the year's 本年支出合计 in others (Xi'an 2022): the template's two conventions, the
 * second compared only when the first does not hold, and named when it does.
 */
const OTHER_CONVENTION: Partial<Record<QuantityName, readonly [QuantityName, string]>> = {
  expense_total: ['expense_this_year', '本年支出合计'],
  income_total: ['income_this_year', '本年收入合计'],
};

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
  const check = conventionCheck(documentId, statement, tables, tablesOf);
  const other = OTHER_CONVENTION[statement.quantity];
  if (check.status !== 'fail' || !other) return check;
  const [quantity, label] = other;
  const second = conventionCheck(documentId, { ...statement, quantity, label }, tables, tablesOf);
  if (second.status !== 'pass') return check;
  return {
    ...second,
    scope: check.scope,
    message: `${second.message} (the template's other convention: ${label})`,
  };
}

function conventionCheck(
  documentId: string,
  statement: ProseStatement,
  tables: CheckInput,
  tablesOf: string,
): Check {
  const unit = statement.subject ? unitFigure(tables, statement.quantity, statement.subject) : undefined;
  const place = statement.line !== undefined ? `line ${statement.line}` : `page ${statement.page ?? '?'}`;
  const label = unit ? `${statement.subject} ${statement.label}` : statement.label;
  const scope = `text (${place}) “${statement.text}” vs ${tablesOf ? `${tablesOf} ` : ''}table ${label}`;
  // The place of a prose check is the sentence: that is what a reader goes to verify.
  const at = {
    ...(statement.line !== undefined ? { line: statement.line } : {}),
    ...(statement.page !== undefined ? { page: statement.page } : {}),
  };
  const located = unit ?? locate(tables, statement.quantity);
  if (!located)
    return {
      ...skip(documentId, 'prose_matches_table', scope, `no table prints ${statement.label}`),
      ...at,
    };
  // The text states 万元; a table in 元 is compared in 万元 (exactly: the point moves four places).
  const inYuan = located.item.unit === '元' && statement.unit === '万元';
  const item = (inYuan ? itemInWan(located.item) : undefined) ?? located.item;
  const check = equalityCheck(
    documentId,
    'prose_matches_table',
    scope,
    item,
    toDecimal(statement.value),
    `${located.where}${inYuan ? ` (${located.item.value} 元)` : ''} vs the text`,
  );
  return { ...truncationAccepted(check, item.value, statement.value), ...at };
}

/**
 * Narratives state a finer table figure rounded or cut to fewer places (`94,386.49` for
 * 94,386.499996): the cut figure is the same figure, not a mismatch.
 */
function truncationAccepted(check: Check, tableValue: string, statedValue: string): Check {
  if (check.status !== 'fail') return check;
  const table = toDecimal(tableValue);
  const stated = toDecimal(statedValue);
  if (stated.scale >= table.scale) return check;
  const cut = table.units / 10n ** BigInt(table.scale - stated.scale);
  if (cut !== stated.units) return check;
  return {
    ...check,
    status: 'pass',
    message: `${check.message} (the text cuts the figure to ${stated.scale} places)`,
  };
}
