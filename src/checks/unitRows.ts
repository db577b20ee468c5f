import type { Check } from '../../schemas/check.ts';
import { labelKey } from '../normalize/cellText.ts';
import { economicClassOf } from '../normalize/economicClasses.ts';
import { isOrganisationName } from '../normalize/organisation.ts';
import { rowAgainstRows } from './emit.ts';
import { figureLevelChecks, hasLevels, levelsFromFigures } from './figureLevels.ts';
import { type AmountRow, type CheckInput, codeLevel, rowName, tableName } from './model.ts';
import { unitBlockHeads } from './unitBlocks.ts';
import { pastEqualChain, unitCodeOf, unitCodeRoots } from './unitHierarchy.ts';

/**
 * Project and procurement tables grouped by unit (预算单位): which rows are units, and each unit
 * against the rows of its block.
 */

const CHECK = 'row_total_equals_parts';

/** A 政府采购 table's category rows (采购品目大类): each heads the units that buy in it. */
const PROCUREMENT_CATEGORY = /^(?:[一二三四五六七八九十]+、|\d+[.、．]?)?(?:货物|工程|服务)类?$/u;

export function isProcurementCategory(row: AmountRow): boolean {
  return PROCUREMENT_CATEGORY.test(labelKey(row.label));
}

/** A 预算管理类型 row (`1 / 全额`, `2 / 差额`): it heads the units funded that way. */
const FUNDING_TYPE = /^(?:\d+\/)?(?:全额|差额|自收自支|定额|定项|经费自理)$/u;

function isFundingType(row: AmountRow): boolean {
  return FUNDING_TYPE.test(labelKey(row.label));
}

/** A unit (单位) row of a project table: an organisation's name, not a project's. */
function isUnitRow(row: AmountRow): boolean {
  return !row.isTotal && isOrganisationName(row.label);
}

/**
 * Organisation rows that head groups of other rows (a unit and its projects, a unit and its
 * economic categories): they, not every row, add up to the total. Organisation rows with nothing
 * below them are plain sibling rows.
 */
export function unitHierarchy(rows: readonly AmountRow[]): AmountRow[] | undefined {
  if (rows.some((r) => codeLevel(r) !== undefined)) return undefined;
  // The sides of a 收支总表 list income sources and expense subjects, never units: a subject named
  // like an organisation (公立医院, 精神病医院) is a subject.
  if (rows.some((r) => r.side !== '')) return undefined;
  const units = unitBlockHeads(
    rows.filter((r) => !r.isTotal),
    isUnitRow,
  );
  const first = units[0];
  if (!first) return undefined;
  const grouped = rows.some((r) => !isUnitRow(r) && !r.isTotal && r.rowIndex > first.rowIndex);
  return grouped ? units : undefined;
}

/** The rows a unit row adds up: its economic 类 rows when the rows below it print a hierarchy of names. */
function unitMembers(members: readonly AmountRow[]): readonly AmountRow[] {
  const classes = members.filter((m) => economicClassOf(m.label) !== undefined);
  return classes.length > 0 ? classes : members;
}

/** A unit row adds up the rows below it, up to the next unit row. */
export function unitRows(input: CheckInput, rows: readonly AmountRow[]): Check[] {
  // Units numbered by code (305 / 305001 …) are known by their code, not their name: 无锡市少年宫
  // is a unit, 广州市城市规划展览中心 may be a project.
  const byCode = unitCodeRoots(rows) !== undefined;
  if (!byCode && !unitHierarchy(rows)) return [];
  const units = byCode ? rows.filter((r) => unitCodeOf(r) !== undefined) : (unitHierarchy(rows) ?? []);
  // A unit's block ends at the next unit, or at the next 采购品目大类 or 预算管理类型 row the units
  // are listed under.
  const unitSet = new Set(units);
  const blockEnds = rows.filter((r) => unitSet.has(r) || isProcurementCategory(r) || isFundingType(r));
  return units.flatMap((unit) => {
    const next = blockEnds.find((u) => u.rowIndex > unit.rowIndex);
    const below = rows.filter(
      (r) => r.rowIndex > unit.rowIndex && !r.isTotal && (!next || r.rowIndex < next.rowIndex),
    );
    const classes = unitMembers(below);
    // Rows below a unit that print no levels (通用项目 above 大型活动 above its projects): read from the figures.
    const levels = classes === below ? levelsFromFigures(unit, below) : undefined;
    const members =
      levels && hasLevels(levels) ? levels.map((n) => n.row) : unitMembers(pastEqualChain(unit, below));
    if (members.length === 0) return [];
    const scope = (column: string) =>
      `${tableName(unit.table)} / ${rowName(unit)} / ${column} = Σ rows below`;
    return [
      ...rowAgainstRows(input.documentId, CHECK, unit, members, scope),
      ...(levels && hasLevels(levels) ? figureLevelChecks(input, levels) : []),
    ];
  });
}
