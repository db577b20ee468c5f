import type { Problem, Provenance } from '../model.ts';
import { parseAmount, parseAmountWithUnit } from '../normalize/amount.ts';
import { cleanCellText, cleanLabel, labelKey } from '../normalize/cellText.ts';
import { type MoneyUnit, unitFromHeader } from '../normalize/unit.ts';
import type { IndicatorDraft } from '../tables/extractedTable.ts';
import { type GridLineItem, readGrid } from '../tables/gridItems.ts';
import { gridWidth, headerPaths } from '../tables/header.ts';
import type { RawRow } from '../tables/rawTable.ts';
import type { TableKind } from '../tables/tableKinds.ts';
import { type FilledCell, filledCells, readIndicatorRow } from './indicatorRow.ts';
import { readPricedList } from './pricedList.ts';
import { splitProjectName, withoutGroupHeading } from './projectCode.ts';
import { type ProseIndicator, readNumberedIndicators, readSentenceIndicators } from './proseTargets.ts';
import { type Section, splitSections } from './sections.ts';
import { fieldOfHeader, level2BelongsTo, type PerformanceField } from './vocabulary.ts';

/**
 * Reads a performance table (project or department targets) into its amounts and indicators.
 * The table is split into its parts (form rows, amount block, indicator grid); each part is read
 * by the reader for its shape.
 */

export interface PerformanceReading {
  readonly items: GridLineItem[];
  readonly indicators: IndicatorDraft[];
  readonly problems: Problem[];
  readonly unit: MoneyUnit | undefined;
  readonly headerPaths: string[][];
  readonly bodyRows: number;
}

interface Context {
  readonly kind: TableKind;
  readonly items: GridLineItem[];
  readonly indicators: IndicatorDraft[];
  readonly problems: Problem[];
  formProject: string;
  unit: MoneyUnit | undefined;
  /** Carried across sections: a header repeated on the next page must not forget the project. */
  indicatorState: IndicatorState | undefined;
}

function item(
  fields: Pick<GridLineItem, 'rowLabel' | 'columnLabel' | 'value' | 'at' | 'rowIndex' | 'columnIndex'> &
    Partial<GridLineItem>,
): GridLineItem {
  return {
    subjectCode: '',
    economicCode: '',
    govEconomicCode: '',
    projectCode: '',
    originalText: '',
    side: '',
    isTotal: /合计|总计/.test(fields.rowLabel),
    ...fields,
  };
}

function headerTexts(rows: readonly RawRow[]): string[] {
  return rows.flatMap((r) => r.cells.map((c) => cleanCellText(c.raw)));
}

const PROJECT_CODE_KEY = /^项目(?:编码|代码|编号)$/;

/** Key–value form rows: `项目名称 | 专项业务费`, `投入目标 | 预算资金 | 621.70万元 | 其中：财政拨款数 | 621.70万元`. */
function readForm(rows: readonly RawRow[], ctx: Context, rowOffset: number): void {
  rows.forEach((row, r) => {
    const cells = filledCells(row.cells);
    cells.forEach((cell, i) => {
      const key = labelKey(cell.text);
      if (key === '项目名称' && cells[i + 1]) ctx.formProject = cells[i + 1]!.text;
      // `项目编码 | 370200250000000142` below the name: the project's code, not an amount.
      if (PROJECT_CODE_KEY.test(key) && cells[i + 1] && /^[0-9A-Z-]{6,}$/.test(labelKey(cells[i + 1]!.text)))
        ctx.formProject = `${labelKey(cells[i + 1]!.text)}-${splitProjectName(ctx.formProject).name}`;
    });
    cells.forEach((cell, i) => {
      const key = cells[i - 1];
      const list = key && !parseAmountWithUnit(cell.text) ? readPricedList(cell.text) : [];
      if (list.length > 1) {
        for (const entry of list) {
          ctx.items.push(
            item({
              rowLabel: splitProjectName(ctx.formProject).name,
              projectCode: splitProjectName(ctx.formProject).code,
              columnLabel: `${cleanLabel(key!.text)} / ${entry.label}`,
              value: entry.value,
              originalText: entry.printed === entry.value ? '' : entry.printed,
              at: cell.at,
              rowIndex: rowOffset + r,
              columnIndex: cell.column,
            }),
          );
        }
        return;
      }
      const withUnit = parseAmountWithUnit(cell.text);
      const plain = parseAmount(cell.text);
      if (!withUnit && plain.kind !== 'amount') return;
      if (!key || parseAmount(key.text).kind === 'amount' || PROJECT_CODE_KEY.test(labelKey(key.text)))
        return;
      ctx.items.push(
        item({
          rowLabel: splitProjectName(ctx.formProject).name,
          projectCode: splitProjectName(ctx.formProject).code,
          columnLabel: cleanLabel(key.text),
          value: withUnit?.value ?? (plain.kind === 'amount' ? plain.value : ''),
          originalText: cell.text,
          at: cell.at,
          rowIndex: rowOffset + r,
          columnIndex: cell.column,
        }),
      );
      if (withUnit) ctx.unit ??= withUnit.unit;
    });
  });
}

function pushProseIndicators(found: readonly ProseIndicator[], project: string, ctx: Context): void {
  const { code, name } = splitProjectName(project);
  for (const p of found) {
    for (const reading of p.readings) {
      ctx.indicators.push({
        projectName: name,
        projectCode: code,
        level1: p.level1,
        level2: p.level2 ?? '',
        indicator: p.name,
        operator: reading.operator,
        targetValue: reading.value,
        targetUnit: reading.unit,
        targetText: p.targetText,
        at: p.at,
      });
    }
  }
}

/** An amount block, possibly with prose indicator columns (Guangzhou 绩效指标, Shenzhen key projects). */
function readAmounts(section: Extract<Section, { kind: 'amounts' }>, ctx: Context, rowOffset: number): void {
  const topLeft = cleanLabel(section.header[0]?.cells[0]?.raw ?? '');
  const grid = readGrid([...section.header, ...section.body], { labelFallback: topLeft || undefined });
  ctx.unit ??= headerTexts(section.header)
    .map(unitFromHeader)
    .find((u) => u !== undefined);
  ctx.problems.push(...grid.problems);
  for (const it of grid.items) {
    const project = splitProjectName(withoutGroupHeading(it.rowLabel));
    ctx.items.push({
      ...it,
      rowLabel: project.name,
      projectCode: project.code,
      rowIndex: rowOffset + it.rowIndex,
    });
  }
  if (ctx.kind !== 'project_performance') return;
  const leaves = grid.paths.map((p) => labelKey(p[p.length - 1] ?? ''));
  const numbered = leaves.indexOf('绩效指标');
  const sentences = leaves.indexOf('绩效目标');
  const column = numbered >= 0 ? numbered : sentences;
  if (column < 0) return;
  const labelColumns = grid.roles.flatMap((role, c) => (role === 'label' ? [c] : []));
  for (const body of grid.repairedBody) {
    for (const row of body) {
      const cell = row.cells[column];
      if (!cell || cleanCellText(cell.raw) === '') continue;
      const project = labelColumns
        .map((c) => cleanCellText(row.cells[c]?.raw ?? ''))
        .filter((t) => t !== '')
        .join(' / ');
      const found = numbered >= 0 ? readNumberedIndicators(cell) : readSentenceIndicators(cell);
      if (numbered >= 0 && found.length === 0 && !/不宜公开|涉密/.test(cleanCellText(cell.raw))) {
        ctx.problems.push({
          severity: 'warning',
          code: 'indicator-prose-unread',
          message: `no indicator could be read from the 绩效指标 text of "${project}"`,
          stage: 'performance',
          at: cell.at,
        });
      }
      pushProseIndicators(found, project, ctx);
    }
  }
}

interface IndicatorState {
  project: string;
  level1: string;
  level2: string;
  cutAt: Provenance | undefined;
}

function readIndicators(
  section: Extract<Section, { kind: 'indicators' }>,
  ctx: Context,
  rowOffset: number,
): void {
  const width = gridWidth([...section.header, ...section.body]);
  const paths = headerPaths(section.header, width);
  const fields = paths.map(
    (p) => fieldOfHeader(p[p.length - 1] ?? '') ?? (p.length > 0 ? fieldOfHeader(p[0] ?? '') : undefined),
  );
  const schema = {
    fields: new Set(fields.filter((f): f is PerformanceField => f !== undefined)),
    valueColumns: fields.filter((f) => f === 'value').length,
    operatorColumn: fields.indexOf('operator'),
    valueColumn: fields.lastIndexOf('value'),
  };
  ctx.unit ??= headerTexts(section.header)
    .map(unitFromHeader)
    .find((u) => u !== undefined);
  const firstIndicatorColumn = fields.findIndex(
    (f) => f === 'level1' || f === 'level2' || f === 'name' || f === 'operator' || f === 'value',
  );
  const valueColumn = fields.lastIndexOf('value');
  const leadingAmounts = fields.flatMap((f, c) => (f === 'amount' && c < firstIndicatorColumn ? [c] : []));
  const trailingAmounts = fields.flatMap((f, c) => (f === 'amount' && c > valueColumn ? [c] : []));
  const pathOf = (c: number | undefined) => (c === undefined ? '' : (paths[c] ?? []).join(' / '));
  ctx.indicatorState ??= { project: ctx.formProject, level1: '', level2: '', cutAt: undefined };
  const state = ctx.indicatorState;

  const amountItem = (cell: FilledCell, column: number | undefined, rowIndex: number) => {
    const { code, name } = splitProjectName(state.project);
    const reading = parseAmount(cell.text);
    if (reading.kind !== 'amount') return;
    ctx.items.push(
      item({
        rowLabel: name,
        projectCode: code,
        columnLabel: pathOf(column),
        value: reading.value,
        at: cell.at,
        rowIndex,
        columnIndex: cell.column,
      }),
    );
  };

  section.body.forEach((row, r) => {
    const cells = filledCells(row.cells);
    if (cells.length === 0) return;
    const reading = readIndicatorRow(cells, schema);
    if (reading.project && (schema.fields.has('project') || schema.fields.has('task'))) {
      if (reading.project.text !== state.project) {
        state.project = reading.project.text;
        state.level1 = '';
        state.level2 = '';
      }
    }
    const rowIndex = rowOffset + r;
    reading.amounts.forEach((cell, k) => {
      const aligned = fields[cell.column] === 'amount' && leadingAmounts.includes(cell.column);
      amountItem(cell, aligned ? cell.column : leadingAmounts[k], rowIndex);
    });
    reading.extraAmounts.forEach((cell, k) => {
      const aligned = trailingAmounts.includes(cell.column);
      amountItem(cell, aligned ? cell.column : trailingAmounts[k], rowIndex);
    });
    if (reading.level1 !== undefined) {
      if (reading.level1 !== state.level1) state.level2 = '';
      state.level1 = reading.level1;
    }
    if (reading.level2 !== undefined) {
      state.level2 = reading.level2;
      // The printed (merged) 一级 cell is kept even where the national framework puts this 二级指标
      // under another 一级指标 (Guangzhou prints 社会效益指标 inside a merged 产出指标 cell); said, not changed.
      if (reading.level1 === undefined && !level2BelongsTo(reading.level2, state.level1)) {
        ctx.problems.push({
          severity: 'warning',
          code: 'level2-outside-level1',
          message: `二级指标 "${reading.level2}" stands under "${state.level1}", which the national framework does not do`,
          stage: 'performance',
          at: row.at,
        });
      }
    }
    if (reading.unreadOperator) {
      ctx.problems.push({
        severity: 'warning',
        code: 'indicator-operator-unread',
        message: `an indicator row has no readable operator (指标性质) before its target (cell "${reading.unreadOperator.text}"); the indicator is not read, and its number is not taken for an amount`,
        stage: 'performance',
        at: reading.unreadOperator.at,
      });
      return;
    }
    if (reading.cutShort) {
      state.cutAt = row.at;
      return;
    }
    const ind = reading.indicator;
    if (!ind) return;
    if (state.cutAt) {
      ctx.problems.push({
        severity: 'warning',
        code: 'indicator-split-over-rows',
        message: `indicator cells split over two rows by the converter (line ${state.cutAt.line ?? '?'} and ${ind.name.at.line ?? '?'}); read once`,
        stage: 'performance',
        at: ind.name.at,
      });
      state.cutAt = undefined;
    }
    const { code, name } = splitProjectName(state.project);
    for (const bound of [{ operator: ind.operator, value: ind.value, unit: ind.unit }, ...ind.more]) {
      ctx.indicators.push({
        projectName: name,
        projectCode: code,
        level1: state.level1,
        level2: state.level2,
        indicator: ind.name.text,
        operator: bound.operator,
        targetValue: bound.value,
        targetUnit: bound.unit,
        targetText: ind.targetText,
        at: ind.name.at,
      });
    }
  });
  if (state.cutAt) {
    ctx.problems.push({
      severity: 'warning',
      code: 'indicator-cut-short',
      message: 'an indicator row ends after its level words; its name and target are missing in the source',
      stage: 'performance',
      at: state.cutAt,
    });
  }
}

export function readPerformanceTable(
  rows: readonly RawRow[],
  kind: TableKind,
  unit: MoneyUnit | undefined,
): PerformanceReading {
  const ctx: Context = {
    kind,
    items: [],
    indicators: [],
    problems: [],
    formProject: '',
    unit,
    indicatorState: undefined,
  };
  let offset = 0;
  const allPaths: string[][] = [];
  for (const section of splitSections(rows)) {
    if (section.kind === 'form') {
      readForm(section.rows, ctx, offset);
      offset += section.rows.length;
      continue;
    }
    allPaths.push(...headerPaths(section.header, gridWidth(section.header)).map((p) => [...p]));
    if (section.kind === 'amounts') readAmounts(section, ctx, offset);
    else readIndicators(section, ctx, offset);
    offset += section.header.length + section.body.length;
  }
  return {
    items: ctx.items,
    indicators: ctx.indicators,
    problems: ctx.problems,
    unit: ctx.unit,
    headerPaths: allPaths,
    bodyRows: rows.length,
  };
}
