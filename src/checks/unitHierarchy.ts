import type { Check } from '../../schemas/check.ts';
import { labelKey } from '../normalize/cellText.ts';
import { compareDecimals } from '../normalize/decimal.ts';
import { isOrganisationName } from '../normalize/organisation.ts';
import { readSubjectCode } from '../normalize/subjectCode.ts';
import { rowAgainstRows } from './emit.ts';
import { type AmountRow, amountOf, type CheckInput, rowName, tableName } from './model.ts';

/**
 * Tables that list a department and its units (预算单位) print a hierarchy of organisations, not
 * parts of one sum: the department row repeats the total, its units add up to the department, and
 * in a table grouped by unit each unit heads a block of coded rows of its own. These functions read
 * that hierarchy from the rows; the checks then sum each level once.
 */

const CHECK = 'row_total_equals_parts';

function isCoded(row: AmountRow): boolean {
  return row.subjectCode !== '' || row.economicCode !== '';
}

/**
 * The department's own row: the first row under a total that prints the same figure in every
 * column the total prints, with more rows below it (its units). A lone row equal to the total is
 * the table's only part and needs no special reading.
 */
export function departmentRow(total: AmountRow, others: readonly AmountRow[]): AmountRow | undefined {
  // A 小计 totals a group of the table (一般公共预算资金 › 小计 › its sources), never a department.
  if (/^小计$/u.test(labelKey(total.label.split(' / ').pop() ?? ''))) return undefined;
  const first = others.find((r) => r.rowIndex > total.rowIndex && !r.isTotal);
  if (!first || isCoded(first) || unitCodeOf(first) !== undefined) return undefined;
  if (!others.some((r) => r.rowIndex > first.rowIndex && !r.isTotal)) return undefined;
  return sameFigures(total, first) ? first : undefined;
}

/** Two rows that print the same figure in every column the first prints. */
export function sameFigures(a: AmountRow, b: AmountRow): boolean {
  if (a.cells.size === 0) return false;
  for (const [column, item] of a.cells) {
    const own = b.cells.get(column);
    if (!own || compareDecimals(amountOf(own), amountOf(item)) !== 0) return false;
  }
  return true;
}

/**
 * The rows a parent adds up, past a chain of single-child rows that repeat its figures
 * (`251001 西安市自然资源和规划局` → `专用项目` → `其他履职尽责专项业务费` → the projects): each link is
 * its parent's only part, and the last one is the sum of the rows after it.
 */
export function pastEqualChain(parent: AmountRow, below: readonly AmountRow[]): readonly AmountRow[] {
  let k = 0;
  let link = parent;
  while (k < below.length - 1 && sameFigures(link, below[k]!)) {
    link = below[k]!;
    k++;
  }
  return below.slice(k);
}

/** Rows without codes that head a block of coded rows: the units of a table grouped by unit. */
export function blockHeads(rows: readonly AmountRow[]): AmountRow[] {
  return rows.filter(
    (row, i) => !isCoded(row) && !row.isTotal && rows[i + 1] !== undefined && isCoded(rows[i + 1]!),
  );
}

/** A unit code printed before the unit's name (`114 / 西安市人民政府办公厅`, `114001 / …`). */
export function unitCodeOf(row: AmountRow): string | undefined {
  const m = /^(\d{3,})(?: \/ |$)/u.exec(row.label);
  if (!m) return undefined;
  // Digits that read as a subject code (Xi'an's 宣传部 is unit `201`), or a row with a subject code
  // of its own (Xi'an 表12 prints the function code on every row, `253003 / 西安市城建档案馆`
  // included), make a unit only before an organisation's name.
  const name = row.label.split(' / ').slice(1).join('');
  if ((readSubjectCode(m[1]!) || isCoded(row)) && !isOrganisationName(name)) return undefined;
  return m[1];
}

/**
 * Unit-coded rows whose code extends no other printed unit code: the top of the unit hierarchy.
 * Units numbered by code (`263001 西安市商务局`, `263002 …`) are the units whatever rows lie between
 * them and whatever those rows are named (`…博览会`, `…平台` are projects).
 */
export function unitCodeRoots(rows: readonly AmountRow[]): AmountRow[] | undefined {
  const coded = rows.filter((r) => unitCodeOf(r) !== undefined);
  const codes = coded.map((r) => unitCodeOf(r)!);
  const nested = codes.some((c) => codes.some((o) => o !== c && c.startsWith(o)));
  if (nested) return rootsOf(coded, codes);
  // Not nested: only codes printed before a unit's name, and never a year (`2021 / 合计`).
  const named = coded.filter((r) => r.label.includes(' / ') && !/^(?:19|20)\d\d$/u.test(unitCodeOf(r)!));
  return named.length >= 2 ? named : undefined;
}

function rootsOf(coded: readonly AmountRow[], codes: readonly string[]): AmountRow[] {
  return coded.filter((r) => {
    const code = unitCodeOf(r)!;
    return !codes.some((o) => o !== code && code.startsWith(o));
  });
}

function unitCodeParentOf(code: string, codes: readonly string[]): string | undefined {
  return codes.filter((o) => o !== code && code.startsWith(o)).sort((a, b) => b.length - a.length)[0];
}

/** Each unit-coded row with sub-units equals the sum of them (`114` = `114001` + `114002`). */
export function unitCodeChecks(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  if (!unitCodeRoots(rows)) return [];
  const coded = rows.filter((r) => unitCodeOf(r) !== undefined);
  const codes = coded.map((r) => unitCodeOf(r)!);
  return coded.flatMap((parent, k) => {
    const code = unitCodeOf(parent)!;
    // A table grouped by function code prints `241` and its `241001`… once per group: the sub-units
    // are those that follow, up to the next coded row outside the unit.
    const after = coded.slice(k + 1);
    const outside = after.findIndex((r) => !unitCodeOf(r)!.startsWith(code) || unitCodeOf(r) === code);
    const block = outside < 0 ? after : after.slice(0, outside);
    const children = block.filter(
      (r) => r.side === parent.side && unitCodeParentOf(unitCodeOf(r)!, codes) === code,
    );
    if (children.length === 0) return [];
    const scope = (column: string) =>
      `${tableName(parent.table)} / ${rowName(parent)} / ${column} = Σ its units`;
    return rowAgainstRows(input.documentId, CHECK, parent, children, scope);
  });
}

/** The roots of the code forest of some coded rows (rows none of whose ancestors is printed). */
export function codeRoots(rows: readonly AmountRow[]): AmountRow[] {
  const codeOf = (r: AmountRow) => r.subjectCode || r.economicCode;
  const codes = new Set(rows.map(codeOf).filter((c) => c !== ''));
  return rows.filter((r) => {
    let parent = readSubjectCode(codeOf(r))?.parent;
    while (parent) {
      if (codes.has(parent)) return false;
      parent = readSubjectCode(parent)?.parent;
    }
    return codeOf(r) !== '';
  });
}

/** Each unit heading a block of coded rows equals the 类 rows of its block. */
export function blockHeadChecks(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  const heads = blockHeads(rows);
  return heads.flatMap((head) => {
    const start = rows.indexOf(head) + 1;
    const block: AmountRow[] = [];
    for (const row of rows.slice(start)) {
      if (!isCoded(row) || row.side !== head.side) break;
      block.push(row);
    }
    const roots = codeRoots(block);
    if (roots.length === 0) return [];
    const scope = (column: string) =>
      `${tableName(head.table)} / ${rowName(head)} / ${column} = Σ its 类 rows`;
    return rowAgainstRows(input.documentId, CHECK, head, roots, scope);
  });
}
