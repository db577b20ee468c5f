import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { addDecimals, type Decimal } from '../normalize/decimal.ts';
import { economicClassOf } from '../normalize/economicClasses.ts';
import { readSubjectCode } from '../normalize/subjectCode.ts';
import { skip, sumCheck } from './emit.ts';
import { type AmountRow, amountOf, type CheckInput, rowName, rowsOf, tableName } from './model.ts';

/**
 * 类 = Σ 款 and 款 = Σ 项, by 科目编码 (function and economic codes) where the table prints parent
 * rows, and by the printed ordinal hierarchy (一、 above 1. / (一)) in tables without codes.
 */

type CodeField = 'subjectCode' | 'economicCode';

function codeChecks(input: CheckInput, rows: readonly AmountRow[], field: CodeField): Check[] {
  const out: Check[] = [];
  const coded = rows.filter((r) => r[field] !== '');
  for (const parent of coded) {
    const children = coded.filter(
      (r) => readSubjectCode(r[field])?.parent === parent[field] && r.side === parent.side,
    );
    if (children.length === 0) continue;
    for (const [column, total] of parent.cells) {
      const parts = children.flatMap((c) => (c.cells.get(column) ? [c.cells.get(column)!] : []));
      const scope = `${tableName(parent.table)} / ${rowName(parent)} / ${column}`;
      if (parts.length === 0) {
        out.push(
          skip(
            input.documentId,
            'children_sum_to_parent',
            scope,
            'no child row prints a value in this column',
            total,
          ),
        );
        continue;
      }
      out.push(
        sumCheck({
          documentId: input.documentId,
          check: 'children_sum_to_parent',
          scope,
          total,
          parts,
          partCount: children.length,
        }),
      );
    }
  }
  return out;
}

const LEVEL_1 = /^[一二三四五六七八九十]+、/u;
const LEVEL_2 = /^(?:[（(][一二三四五六七八九十]+[)）]|\d+\s*[.．、](?!\d))/u;

function ordinalLevel(label: string): 1 | 2 | 0 {
  if (LEVEL_1.test(label)) return 1;
  if (LEVEL_2.test(label)) return 2;
  return 0;
}

/** `一、政府预算拨款` = `1. 一般公共预算拨款` + `2. …` + `3. …`; skipped when unnumbered rows sit in between. */
function ordinalChecks(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  const out: Check[] = [];
  rows.forEach((parent, i) => {
    if (ordinalLevel(parent.label) !== 1) return;
    const children: AmountRow[] = [];
    let unnumbered = false;
    for (const row of rows.slice(i + 1)) {
      if (row.side !== parent.side || row.isTotal) break;
      const level = ordinalLevel(row.label);
      if (level === 1) break;
      if (level === 0) {
        unnumbered = true;
        break;
      }
      children.push(row);
    }
    if (children.length === 0) return;
    for (const [column, total] of parent.cells) {
      const scope = `${tableName(parent.table)} / ${rowName(parent)} / ${column}`;
      if (unnumbered) {
        out.push(
          skip(
            input.documentId,
            'children_sum_to_parent',
            scope,
            'the rows below are not numbered: their level is not printed',
            total,
          ),
        );
        continue;
      }
      const parts = children.flatMap((c) => (c.cells.get(column) ? [c.cells.get(column)!] : []));
      out.push(
        sumCheck({
          documentId: input.documentId,
          check: 'children_sum_to_parent',
          scope,
          total,
          parts,
          partCount: children.length,
        }),
      );
    }
  });
  return out;
}

const ORGANISATION = /(?:办公室|办公厅|局|委员会|中心|政府|院|站|所|队|馆)(?:[（(][^（()）]*[)）])?$/u;

/** `工资福利支出` = Σ the categories printed below it, in tables that print economic names without codes. */
function economicNameChecks(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  const out: Check[] = [];
  rows.forEach((parent, i) => {
    if (!economicClassOf(parent.label)) return;
    const children: AmountRow[] = [];
    for (const row of rows.slice(i + 1)) {
      const ends =
        row.side !== parent.side || row.isTotal || economicClassOf(row.label) || ORGANISATION.test(row.label);
      if (ends) break;
      children.push(row);
    }
    if (children.length === 0) return;
    for (const [column, total] of parent.cells) {
      const parts = children.flatMap((c) => (c.cells.get(column) ? [c.cells.get(column)!] : []));
      const scope = `${tableName(parent.table)} / ${rowName(parent)} / ${column}`;
      out.push(
        sumCheck({
          documentId: input.documentId,
          check: 'children_sum_to_parent',
          scope,
          total,
          parts,
          partCount: children.length,
        }),
      );
    }
  });
  return out;
}

export function childrenSumToParent(input: CheckInput): Check[] {
  const out: Check[] = [];
  for (const table of input.tables) {
    const rows = rowsOf(table, input.lineItems);
    const hasCodes = rows.some((r) => r.subjectCode !== '' || r.economicCode !== '');
    if (hasCodes) {
      out.push(...codeChecks(input, rows, 'subjectCode'), ...codeChecks(input, rows, 'economicCode'));
    } else {
      out.push(...ordinalChecks(input, rows), ...economicNameChecks(input, rows));
    }
  }
  return out;
}

/** Sum of the values of some items (exported for the other checks). */
export function sumOf(items: readonly LineItem[]): Decimal {
  return addDecimals(items.map(amountOf));
}
