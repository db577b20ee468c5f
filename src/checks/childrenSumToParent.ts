import type { Check } from '../../schemas/check.ts';
import { economicClassOf } from '../normalize/economicClasses.ts';
import { isOrganisationName } from '../normalize/organisation.ts';
import { readSubjectCode } from '../normalize/subjectCode.ts';
import { rowAgainstRows, skip } from './emit.ts';
import { type AmountRow, type CheckInput, rowName, rowsOf, tableName } from './model.ts';

/**
 * 类 = Σ 款 and 款 = Σ 项: by 科目编码 (function and economic codes) where the table prints parent
 * rows; by the printed ordinal hierarchy (一、 above 1. / (一)) and by economic 类 names
 * (工资福利支出 above 基本工资 …) in tables without codes.
 */

const CHECK = 'children_sum_to_parent';

type CodeField = 'subjectCode' | 'economicCode';

function scopeFor(parent: AmountRow): (column: string) => string {
  return (column) => `${tableName(parent.table)} / ${rowName(parent)} / ${column}`;
}

/**
 * A table grouped by 预算单位 prints the same codes once per unit, under a row naming the unit:
 * each unit's rows are a hierarchy of their own, never children of another unit's 类. A unit's
 * block starts where a 类 code comes again, and — in a table where 类 codes come again — at a row
 * without any code (the unit). A 款 or 项 printed twice within a block (one 部门 code under two
 * 政府 codes) is two parts of the same parent.
 */
export function codeBlocks(rows: readonly AmountRow[], field: CodeField): AmountRow[][] {
  const isClass = (r: AmountRow) => readSubjectCode(r[field])?.level === 1;
  const seen = new Set<string>();
  const grouped = rows.some((r) => {
    const key = `${r.side}\u0000${r[field]}`;
    if (isClass(r) && seen.has(key)) return true;
    seen.add(key);
    return false;
  });
  const blocks: AmountRow[][] = [];
  let current: AmountRow[] = [];
  let classes = new Set<string>();
  const close = () => {
    if (current.length > 0) blocks.push(current);
    current = [];
    classes = new Set();
  };
  for (const row of rows) {
    const key = `${row.side}\u0000${row[field]}`;
    const unitRow = grouped && row.subjectCode === '' && row.economicCode === '' && !row.isTotal;
    if (unitRow || (isClass(row) && classes.has(key))) close();
    if (row[field] === '') continue;
    if (isClass(row)) classes.add(key);
    current.push(row);
  }
  close();
  return blocks;
}

function codeChecks(input: CheckInput, rows: readonly AmountRow[], field: CodeField): Check[] {
  return codeBlocks(rows, field).flatMap((block) => blockCodeChecks(input, block, field));
}

/**
 * The nearest ancestor the table prints: an economic 目 `3010201` whose 款 `30102` is not printed is
 * a part of the 类 `301` (Xi'an's 表6 lists 30101 基本工资 beside 3010201 津贴补贴 under 301). Function
 * codes keep their printed parent: a 项 under a bare 类 is how grouped tables (a procurement table's
 * 类/款/项 columns) print a unit's rows, not a part of a sum.
 */
function printedAncestor(code: string, isPrinted: (code: string) => boolean): string | undefined {
  const read = readSubjectCode(code);
  let parent = read?.parent;
  if (read?.scheme !== 'economic') return parent;
  while (parent !== undefined && !isPrinted(parent)) parent = readSubjectCode(parent)?.parent;
  return parent;
}

function blockCodeChecks(input: CheckInput, coded: readonly AmountRow[], field: CodeField): Check[] {
  // Children grouped by (side, parent code) once: a 10,000-row table must not cost 10⁸ code readings.
  const childrenOf = new Map<string, AmountRow[]>();
  const printed = new Set(coded.map((row) => `${row.side}\u0000${row[field]}`));
  for (const row of coded) {
    const parentCode = printedAncestor(row[field], (code) => printed.has(`${row.side}\u0000${code}`));
    if (parentCode === undefined) continue;
    const key = `${row.side}\u0000${parentCode}`;
    const list = childrenOf.get(key);
    if (list) list.push(row);
    else childrenOf.set(key, [row]);
  }
  return coded.flatMap((parent) => {
    const children = childrenOf.get(`${parent.side}\u0000${parent[field]}`) ?? [];
    if (children.length === 0) return [];
    return rowAgainstRows(
      input.documentId,
      CHECK,
      parent,
      children,
      scopeFor(parent),
      'no child row prints a value in this column',
    );
  });
}

const LEVEL_1 = /^[一二三四五六七八九十]+、/u;
const LEVEL_2 = /^(?:[（(][一二三四五六七八九十]+[)）]|\d+\s*[.．、](?!\d))/u;

function ordinalLevel(label: string): 1 | 2 | 0 {
  if (LEVEL_1.test(label)) return 1;
  if (LEVEL_2.test(label)) return 2;
  return 0;
}

/**
 * `一、政府预算拨款` = `1. 一般公共预算拨款` + `2. …`, column by column: a side printing several label
 * groups (功能 | 部门经济 | 政府经济) numbers each its own way. Skipped in a column where unnumbered
 * rows sit in between.
 */
function ordinalChecks(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  return rows.flatMap((parent, i) => {
    if (ordinalLevel(parent.label) !== 1) return [];
    return [...parent.cells].flatMap(([column, total]) => {
      const children: AmountRow[] = [];
      let unnumbered = false;
      for (const row of rows.slice(i + 1)) {
        if (row.side !== parent.side || row.isTotal) break;
        if (!row.cells.has(column)) continue;
        const level = ordinalLevel(row.label);
        if (level === 1) break;
        if (level === 0) {
          unnumbered = true;
          break;
        }
        children.push(row);
      }
      if (children.length === 0) return [];
      const scope = scopeFor(parent)(column);
      if (unnumbered)
        return [
          skip(
            input.documentId,
            CHECK,
            scope,
            'the rows below are not numbered: their level is not printed',
            total,
          ),
        ];
      const inColumn = { ...parent, cells: new Map([[column, total]]) };
      return rowAgainstRows(input.documentId, CHECK, inColumn, children, scopeFor(parent));
    });
  });
}

/**
 * `工资福利支出` = Σ the categories printed below it, up to the next 类, total or unit row, or the
 * next row numbered as it is (`9、对个人和家庭的补助` then `10、对社保基金补助`: siblings, whatever
 * the name).
 */
function economicNameChecks(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  return rows.flatMap((parent, i) => {
    if (!economicClassOf(parent.label)) return [];
    const numbered = ordinalLevel(parent.label);
    const children: AmountRow[] = [];
    for (const row of rows.slice(i + 1)) {
      if (
        row.side !== parent.side ||
        row.isTotal ||
        economicClassOf(row.label) ||
        isOrganisationName(row.label) ||
        (numbered !== 0 && ordinalLevel(row.label) === numbered)
      )
        break;
      children.push(row);
    }
    if (children.length === 0) return [];
    return rowAgainstRows(
      input.documentId,
      CHECK,
      parent,
      children,
      scopeFor(parent),
      'no category below prints a value in this column',
    );
  });
}

export function childrenSumToParent(input: CheckInput): Check[] {
  return input.tables.flatMap((table) => {
    const rows = rowsOf(table, input.lineItems);
    const hasCodes = rows.some((r) => r.subjectCode !== '' || r.economicCode !== '');
    if (hasCodes)
      return [...codeChecks(input, rows, 'subjectCode'), ...codeChecks(input, rows, 'economicCode')];
    return [...ordinalChecks(input, rows), ...economicNameChecks(input, rows)];
  });
}
