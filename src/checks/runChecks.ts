import type { Check } from '../../schemas/check.ts';
import { childrenSumToParent } from './childrenSumToParent.ts';
import { crossTableTotal } from './crossTableTotal.ts';
import { incomeEqualsExpense } from './incomeEqualsExpense.ts';
import type { CheckInput } from './model.ts';
import { proseMatchesTable } from './proseMatchesTable.ts';
import { readProseStatements } from './proseStatements.ts';
import { rowTotalEqualsParts } from './rowTotalEqualsParts.ts';

/** Every reconciliation check of one document, in a fixed order. */
export function runChecks(input: CheckInput, statements = readProseStatements(input.prose)): Check[] {
  return [
    ...childrenSumToParent(input),
    ...rowTotalEqualsParts(input),
    ...incomeEqualsExpense(input),
    ...crossTableTotal(input),
    ...proseMatchesTable(input, statements),
  ];
}
