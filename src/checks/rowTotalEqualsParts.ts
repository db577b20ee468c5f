import type { Check } from '../../schemas/check.ts';
import { labelKey } from '../normalize/cellText.ts';
import { economicClassOf } from '../normalize/economicClasses.ts';
import { rowAgainstRows, skip, sumCheck } from './emit.ts';
import { figureLevelChecks, hasLevels, levelsFromFigures, type RowNode } from './figureLevels.ts';
import { type AmountRow, type CheckInput, codeLevel, rowName, rowsOf, tableName } from './model.ts';
import {
  blockHeadChecks,
  blockHeads,
  codeRoots,
  departmentRow,
  unitCodeChecks,
  unitCodeRoots,
} from './unitHierarchy.ts';
import { isProcurementCategory, unitHierarchy, unitRows } from './unitRows.ts';

const CHECK = 'row_total_equals_parts';

/**
 * Totals equal their parts, read from the table's own structure:
 * - across a row: a total column (合计, 小计, 总计, 总额 …) equals its sibling columns under the same
 *   header (a sibling group counts through its own subtotal);
 * - down a table: a total row (合计, 总计, or the department row above coded rows) equals its
 *   top-level rows (the 类 rows, or the unit rows of a project table).
 * Columns headed 其中 (of which), 扣除 (net of) or 采购 (a cross-cutting breakdown) are not parts.
 */

const SUMMARY = /^(?:合计|小计|总计|总额|总数)$|(?:合计|总计|总额|总数)$/u;
const NOT_A_PART = /^(?:其中|含|扣除)|采购/u;

function isSummary(segment: string): boolean {
  return SUMMARY.test(labelKey(segment));
}

interface ColumnRule {
  readonly total: string;
  readonly parts: readonly string[];
}

/** For each total column, the columns that make it up (or none when the header does not say). */
export function columnRules(columns: readonly string[]): ColumnRule[] {
  const paths = columns.map((c) => c.split(' / '));
  const rules: ColumnRule[] = [];
  paths.forEach((path) => {
    const last = path[path.length - 1] ?? '';
    if (!isSummary(last)) return;
    const parent = path.slice(0, -1);
    const groups = new Map<string, string[][]>();
    for (const other of paths) {
      if (other.length <= parent.length || other.join(' / ') === path.join(' / ')) continue;
      if (!parent.every((seg, i) => other[i] === seg)) continue;
      if (other.slice(parent.length).some((seg) => NOT_A_PART.test(labelKey(seg)))) continue;
      const head = other[parent.length] ?? '';
      const list = groups.get(head) ?? [];
      list.push(other);
      groups.set(head, list);
    }
    // `小计 | 其中：基本支出 | 项目支出`: whether a 其中 leaf is a part or a subset the header does not say.
    const ofWhichLeaf = paths.some(
      (other) =>
        other.length === parent.length + 1 &&
        parent.every((seg, i) => other[i] === seg) &&
        /^(?:其中|含)[:：]/u.test(other[parent.length] ?? ''),
    );
    if (ofWhichLeaf) return;
    const parts: string[] = [];
    for (const [head, members] of groups) {
      const leaf = members.find((m) => m.length === parent.length + 1);
      const subtotal = members.find(
        (m) => m.length === parent.length + 2 && isSummary(m[m.length - 1] ?? ''),
      );
      const representative = leaf ?? subtotal;
      if (!representative) return; // a group without a subtotal: the header does not say what adds up
      if (head === '') return;
      parts.push(representative.join(' / '));
    }
    // `“三公”经费合计` beside 会议费 and 培训费: the three categories are its parts, the others are not.
    const own = /三公/u.test(last) ? parts.filter((p) => !/会议费|培训费/u.test(p)) : parts;
    if (own.length > 0) rules.push({ total: path.join(' / '), parts: own });
  });
  return rules;
}

function horizontal(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  const out: Check[] = [];
  const bySide = new Map<string, AmountRow[]>();
  for (const r of rows) {
    // Appended in place: copying the list for each row was quadratic (20,000 rows: 6.8 s).
    const list = bySide.get(r.side);
    if (list) list.push(r);
    else bySide.set(r.side, [r]);
  }
  for (const sideRows of bySide.values()) {
    if (sideRows[0]?.side !== '') continue; // two-sided tables: columns are sides, not parts
    const columns = [...new Set(sideRows.flatMap((r) => [...r.cells.keys()]))];
    for (const rule of columnRules(columns)) {
      // A rule holds only where the table prints the total with its parts: in a performance form,
      // a column of another part of the form is not a part.
      const together = sideRows.some(
        (r) => r.cells.has(rule.total) && rule.parts.some((p) => r.cells.has(p)),
      );
      if (!together) continue;
      for (const row of sideRows) {
        const total = row.cells.get(rule.total);
        if (!total) continue;
        const parts = rule.parts.flatMap((p) => (row.cells.get(p) ? [row.cells.get(p)!] : []));
        const scope = `${tableName(row.table)} / ${rowName(row)} / ${rule.total} = ${rule.parts.join(' + ')}`;
        if (parts.length === 0) {
          out.push(
            skip(input.documentId, 'row_total_equals_parts', scope, 'none of the parts is printed', total),
          );
          continue;
        }
        out.push(
          sumCheck({
            documentId: input.documentId,
            check: 'row_total_equals_parts',
            scope,
            total,
            parts,
            partCount: rule.parts.length,
          }),
        );
      }
    }
  }
  return out;
}

const THREE_PUBLIC_CATEGORY =
  /^(?:\d+[.、．]?)?(?:因公出国[（(]境[)）]费|公务接待费|公务用车购置及运行(?:维护)?费)/u;

interface TopLevel {
  readonly parts: readonly AmountRow[];
  /** The hierarchy below the total when only its figures show it. */
  readonly levels?: readonly RowNode[];
}

/** The rows a total row adds up, or undefined when the table does not show its levels. */
function topLevelRows(total: AmountRow, rows: readonly AmountRow[]): readonly AmountRow[] | undefined {
  return topLevelReading(total, rows)?.parts;
}

function topLevelReading(total: AmountRow, rows: readonly AmountRow[]): TopLevel | undefined {
  const others = rows.filter((r) => r !== total && r.side === total.side && !r.isTotal);
  if (others.length === 0) return undefined;
  const printed = printedTopLevel(total, others);
  if (printed) return { parts: printed };
  if (total.side !== '') return undefined;
  // Nothing printed tells the levels: read them from the figures, else every row is a part.
  const levels = levelsFromFigures(total, others);
  return levels && hasLevels(levels) ? { parts: levels.map((n) => n.row), levels } : { parts: others };
}

/** The total's parts as the table prints them: department, units, codes, categories, numbering. */
function printedTopLevel(total: AmountRow, others: readonly AmountRow[]): readonly AmountRow[] | undefined {
  const department = departmentRow(total, others);
  if (department) return [department];
  if (others.some((r) => codeLevel(r) !== undefined) && !codesRepeatDown(others)) {
    // Grouped by unit: the units add up to the total, each unit its own 类 rows (blockHeadChecks).
    const heads = blockHeads(others);
    return heads.length > 0 ? heads : codeRoots(others);
  }
  // 货物 / 工程 / 服务, each above its units and their purchases.
  const categories = others.filter(isProcurementCategory);
  if (categories.length > 0 && categories.length < others.length) return categories;
  const unitRoots = unitCodeRoots(others);
  if (unitRoots) return unitRoots;
  const units = unitHierarchy(others);
  if (units) return units;
  // "三公" printed down the rows: 合计 = the three categories; 公务用车购置费 and 运行（维护）费 printed
  // below their category (`其中：…`) are parts of it, not of the total.
  const threePublic = others.filter((r) => THREE_PUBLIC_CATEGORY.test(labelKey(r.label)));
  if (threePublic.length >= 2 && threePublic.length < others.length) return threePublic;
  const numbered = others.filter((r) => /^[一二三四五六七八九十]+、/u.test(r.label));
  const numberedAbove = numbered.filter((r) => r.rowIndex < total.rowIndex);
  // A side numbered 一、部门预算 › 1、… 15、: its top rows are the parts, whatever names the rows
  // under them bear (`12、债务还本支出` is no class name, yet a part of 一、).
  if (total.side !== '' && numberedAbove.length > 0) return numberedAbove;
  // Economic categories without codes: the 类 rows (工资福利支出 …) add up to the total.
  const classes = others.filter((r) => economicClassOf(r.label) !== undefined);
  if (classes.length > 0 && classes.length < others.length) return classes;
  if (numbered.length > 0) return total.side === '' ? numbered : numberedAbove;
  return undefined;
}

/**
 * Rows that each print the code of what they buy or fund (Xi'an 表12: 全额, the unit and its
 * purchases all under 2040201) carry the code as a property, not as their level: the same function
 * code on a row and the next one.
 */
function codesRepeatDown(rows: readonly AmountRow[]): boolean {
  return rows.some((row, i) => {
    const next = rows[i + 1];
    return row.subjectCode !== '' && next !== undefined && next.subjectCode === row.subjectCode;
  });
}

const TOTAL_ROW = /^(?:合计|总计|金额合计)$/u;
// On a side of a two-sided table only the 本年 totals add up the numbered rows; 总计 adds the
// carried-over balances too (income_equals_expense checks those).
const SIDE_TOTAL_ROW = /^(?:本年收入合计|本年支出合计|收入合计|支出合计)$/u;

/** A side that prints 本年收入合计 calls its grand total 收入合计 (Fuzhou): that one is no 本年 total. */
function isSideThisYearTotal(row: AmountRow, label: string, rows: readonly AmountRow[]): boolean {
  if (!SIDE_TOTAL_ROW.test(label)) return false;
  if (label.startsWith('本年')) return true;
  return !rows.some((r) => r.side === row.side && labelKey(r.label) === `本年${label}`);
}

function vertical(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  const coded = rows.some((r) => codeLevel(r) !== undefined);
  const totals = rows.filter((r) => {
    const label = labelKey(r.label).replace(/^[一二三四五六七八九十]+、/u, '');
    if (r.isTotal && (r.side === '' ? TOTAL_ROW.test(label) : isSideThisYearTotal(r, label, rows)))
      return true;
    // The department's own row above its coded rows is their total (Shenzhen 表7).
    return coded && codeLevel(r) === undefined && r === rows.find((x) => x.side === r.side) && r.label !== '';
  });
  return totals.flatMap((total) => {
    const reading = topLevelReading(total, rows);
    if (!reading) return [];
    const { parts, levels } = reading;
    const scope = (column: string) =>
      `${tableName(total.table)} / ${rowName(total)} / ${column} = Σ ${parts.length} rows`;
    return [
      ...rowAgainstRows(
        input.documentId,
        CHECK,
        total,
        parts,
        scope,
        'no part row prints a value in this column',
      ),
      ...(levels ? figureLevelChecks(input, levels) : []),
    ];
  });
}

/** The department row under a total adds up its units, the rows below it. */
function departmentChecks(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  return rows.flatMap((total) => {
    if (!total.isTotal) return [];
    const department = departmentRow(
      total,
      rows.filter((r) => r !== total && r.side === total.side),
    );
    if (!department) return [];
    const below = rows.filter((r) => r !== total && r.rowIndex > department.rowIndex);
    const parts = topLevelRows(department, below.length > 0 ? [department, ...below] : []);
    if (!parts || parts.length === 0) return [];
    const scope = (column: string) =>
      `${tableName(department.table)} / ${rowName(department)} / ${column} = Σ its ${parts.length} units`;
    return rowAgainstRows(input.documentId, CHECK, department, parts, scope);
  });
}

export function rowTotalEqualsParts(input: CheckInput): Check[] {
  const out: Check[] = [];
  for (const table of input.tables) {
    const rows = rowsOf(table, input.lineItems);
    // Appended one by one: a spread of a 100,000-row table's checks would overflow the call stack.
    const groups = [
      horizontal(input, rows),
      vertical(input, rows),
      unitRows(input, rows),
      departmentChecks(input, rows),
      blockHeadChecks(input, rows),
      unitCodeChecks(input, rows),
    ];
    for (const checks of groups) for (const check of checks) out.push(check);
  }
  return out;
}
