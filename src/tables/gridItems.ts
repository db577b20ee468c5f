import type { Problem, Provenance } from '../model.ts';
import { parseAmount } from '../normalize/amount.ts';
import { cleanCellText, labelKey } from '../normalize/cellText.ts';
import { isColumnNumberRow } from './columnNumbers.ts';
import { assignColumnRoles, type ColumnRole, isUnitCodeHeader } from './columns.ts';
import { gridWidth, type HeaderSplit, headerPaths, splitHeaderAndBody } from './header.ts';
import type { RawRow } from './rawTable.ts';
import {
  bestShift,
  joinLabelsWrappedOverPageBreak,
  mergeWrappedFragments,
  mergeWrappedLabelPieces,
  repeatedGroupStarts,
  shiftRow,
} from './repairs.ts';
import { carrySplitCodePieces, completeShortCodes, readRowLabel } from './rowLabel.ts';
import { detectSides, type Side, type SideRange } from './sides.ts';

/**
 * Reads a grid table into line items: one per amount cell, with the row's label and codes and the
 * column's header path. Two-sided tables (收入 | 支出 side by side) are read as two grids.
 */

export type { Side, SideRange } from './sides.ts';

export interface GridLineItem {
  readonly rowLabel: string;
  readonly subjectCode: string;
  readonly economicCode: string;
  readonly govEconomicCode: string;
  readonly projectCode: string;
  readonly columnLabel: string;
  readonly value: string;
  readonly originalText: string;
  readonly at: Provenance;
  readonly side: Side;
  readonly isTotal: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
}

export interface GridOptions {
  /** Row label for rows that print none (a form block whose label is its header's first cell). */
  readonly labelFallback?: string;
}

export interface GridReading {
  readonly split: HeaderSplit;
  /** Body rows after repairs (fragments merged, shifted rows realigned), per side range. */
  readonly repairedBody: readonly (readonly RawRow[])[];
  readonly paths: readonly (readonly string[])[];
  readonly roles: readonly ColumnRole[];
  readonly sides: readonly SideRange[];
  readonly items: readonly GridLineItem[];
  readonly problems: readonly Problem[];
}

const TOTAL_WORDS =
  /^(?:合计|总计|小计|共计)|合计$|总计$|^[一二三四五六七八九十]*[、.]?(?:本年)?(?:收入|支出)(?:合计|总计)$/;

export function isTotalLabel(label: string): boolean {
  const last = labelKey(label.split(' / ').pop() ?? '');
  return TOTAL_WORDS.test(last);
}

function sliceRow(row: RawRow, start: number, end: number): RawRow {
  return { ...row, cells: row.cells.slice(start, end) };
}

interface SideReading {
  readonly roles: ColumnRole[];
  readonly body: RawRow[];
}

function readSide(
  body: readonly RawRow[],
  paths: readonly (readonly string[])[],
  range: SideRange,
  options: GridOptions,
  items: GridLineItem[],
  problems: Problem[],
): SideReading {
  const sidePaths = paths
    .slice(range.start, range.end)
    .map((p) => (range.side === '' || range.inline ? p : p.slice(1)));
  const roles = assignColumnRoles(
    sidePaths,
    body.map((r) => sliceRow(r, range.start, range.end)),
  );
  const realigned = body.map((r) => {
    const row = sliceRow(r, range.start, range.end);
    const shift = bestShift(row, roles);
    if (shift === 0) return row;
    problems.push({
      severity: 'warning',
      code: 'row-realigned',
      message: `row cells shifted by the converter; read ${Math.abs(shift)} column(s) to the ${shift > 0 ? 'right' : 'left'}`,
      stage: 'extract',
      at: row.at,
    });
    return shiftRow(row, shift);
  });
  const codeColumns = new Set(roles.flatMap((role, i) => (role === 'code' ? [i] : [])));
  // Within a side (Xi'an 支出: 功能 | 经济 | 政府经济 groups); a form's key–value pairs keep their header.
  const valuePaths = range.side === '' ? sidePaths.map((p) => [...p]) : withGroupNames(sidePaths, roles);
  const codeOrder = [...codeColumns].sort((a, b) => a - b);
  const sideBody = completeShortCodes(
    carrySplitCodePieces(
      mergeWrappedLabelPieces(
        mergeWrappedFragments(joinLabelsWrappedOverPageBreak(realigned, roles), roles),
        roles,
      ),
      codeOrder,
    ),
    codeOrder,
  );
  const groups = labelGroups(roles);
  sideBody.forEach((row, rowIndex) => {
    const labels = groups.labelColumns.map((labelColumns) => {
      const labelCells = labelColumns.map((i) => row.cells[i] ?? { raw: '', at: row.at });
      const read = readRowLabel(
        labelCells,
        new Set(labelColumns.flatMap((c, k) => (codeColumns.has(c) ? [k] : []))),
        new Set(labelColumns.flatMap((c, k) => (isUnitCodeHeader(sidePaths[c] ?? []) ? [k] : []))),
      );
      return read.label === '' && options.labelFallback ? { ...read, label: options.labelFallback } : read;
    });
    const hasAmount = (group: number) =>
      roles.some(
        (role, c) =>
          role === 'amount' &&
          groups.groupOf[c] === group &&
          parseAmount(row.cells[c]?.raw ?? '').kind === 'amount',
      );
    // A label merged across the group to its right (`当年支出小计` spanning 功能分类, its amount under
    // 支出用途) names that group's amounts when its own group has none.
    for (let g = 1; g < labels.length; g++) {
      if (labels[g]!.label === '' && labels[g - 1]!.label !== '' && !hasAmount(g - 1))
        labels[g] = labels[g - 1]!;
    }
    roles.forEach((role, c) => {
      if (role !== 'amount') return;
      const label = labels[groups.groupOf[c] ?? 0]!;
      const cell = row.cells[c];
      if (!cell) return;
      const reading = parseAmount(cell.raw);
      if (reading.kind === 'text') {
        problems.push({
          severity: 'warning',
          code: 'text-in-amount-column',
          message: `"${cleanCellText(cell.raw).slice(0, 40)}" stands in amount column "${sidePaths[c]?.join(' / ')}"`,
          stage: 'extract',
          at: cell.at,
        });
        return;
      }
      if (reading.kind !== 'amount') return;
      items.push({
        rowLabel: label.label,
        subjectCode: label.subjectCode,
        economicCode: label.economicCode,
        govEconomicCode: label.govEconomicCode,
        projectCode: '',
        columnLabel: [...(range.side === '' ? [] : [range.side]), ...(valuePaths[c] ?? [])].join(' / '),
        value: reading.value,
        originalText: reading.printed === reading.value ? '' : reading.printed,
        at: cell.at,
        side: range.side,
        isTotal: isTotalLabel(label.label),
        rowIndex,
        columnIndex: range.start + c,
      });
    });
  });
  return { roles, body: sideBody };
}

/**
 * `支出功能分科目 | 预算数 | 部门预算支出经济科目 | 预算数`: label groups of one side whose amount columns
 * share a header are told apart by the header of their label column, which then leads the path.
 */
function withGroupNames(paths: readonly (readonly string[])[], roles: readonly ColumnRole[]): string[][] {
  const groups = labelGroups(roles);
  const out = paths.map((p) => [...p]);
  if (groups.labelColumns.length < 2) return out;
  const key = (c: number) => (paths[c] ?? []).join(' / ');
  roles.forEach((role, c) => {
    if (role !== 'amount') return;
    const shared = roles.some(
      (r, o) => r === 'amount' && o !== c && groups.groupOf[o] !== groups.groupOf[c] && key(o) === key(c),
    );
    const labelColumn = groups.labelColumns[groups.groupOf[c] ?? 0]?.at(-1);
    const name = labelColumn === undefined ? undefined : paths[labelColumn]?.at(-1);
    if (shared && name && !out[c]!.includes(name)) out[c] = [name, ...out[c]!];
  });
  return out;
}

/**
 * Label columns grouped by the amounts they name: `名称 | 金额 | 名称 | 金额` (Jiangsu's 功能分类 and
 * 支出用途 side by side) is two groups, and each amount is named by the labels to its left.
 */
export function labelGroups(roles: readonly ColumnRole[]): {
  labelColumns: number[][];
  groupOf: number[];
} {
  const labelColumns: number[][] = [[]];
  const groupOf: number[] = [];
  let amountSinceLabel = false;
  roles.forEach((role, c) => {
    if (role === 'label' || role === 'code') {
      if (amountSinceLabel) labelColumns.push([]);
      labelColumns[labelColumns.length - 1]!.push(c);
      amountSinceLabel = false;
    } else if (role === 'amount') {
      amountSinceLabel = labelColumns[labelColumns.length - 1]!.length > 0;
    }
    groupOf[c] = labelColumns.length - 1;
  });
  return { labelColumns, groupOf };
}

function sideRanges(
  header: readonly RawRow[],
  paths: readonly (readonly string[])[],
  width: number,
): SideRange[] {
  const sides = detectSides(header, width);
  if (sides.length > 0) return sides;
  const groups = repeatedGroupStarts(paths);
  if (groups.length === 2) {
    return [
      { side: '', start: 0, end: groups[1]! },
      { side: '', start: groups[1]!, end: width },
    ];
  }
  return [{ side: '', start: 0, end: width }];
}

export function readGrid(rows: readonly RawRow[], options: GridOptions = {}): GridReading {
  const split = splitHeaderAndBody(rows);
  const width = gridWidth(rows);
  const paths = headerPaths(split.header, width);
  const sides = sideRanges(split.header, paths, width);
  const items: GridLineItem[] = [];
  const problems: Problem[] = [];
  const roles: ColumnRole[] = [];
  const repairedBody: RawRow[][] = [];
  const body = split.body.filter((row) => !isColumnNumberRow(row));
  for (const range of sides) {
    const side = readSide(body, paths, range, options, items, problems);
    roles.push(...side.roles);
    repairedBody.push(side.body);
  }
  return { split, repairedBody, paths, roles, sides, items, problems };
}
