import type { Provenance } from '../model.ts';
import { parseAmount } from '../normalize/amount.ts';
import { unitFromHeader } from '../normalize/unit.ts';
import { gridWidth, headerPaths } from '../tables/header.ts';
import { type FilledCell, filledCells, readIndicatorRow } from './indicatorRow.ts';
import { splitProjectName } from './projectCode.ts';
import { type Context, headerTexts, type IndicatorState, item } from './readingContext.ts';
import type { Section } from './sections.ts';
import { fieldOfHeader, level2BelongsTo, type PerformanceField } from './vocabulary.ts';

/** The indicator grid of a performance table: 一级/二级指标, indicator, operator and target, by column. */

type IndicatorRowReading = ReturnType<typeof readIndicatorRow>;

/** The 一级/二级指标 a row sets, for the rows below it; a 二级 outside its printed 一级 is said. */
function noteLevels(reading: IndicatorRowReading, state: IndicatorState, at: Provenance, ctx: Context): void {
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
        at,
      });
    }
  }
}

/** One indicator, a draft for each bound it states, after the warning of a row the converter cut. */
function pushIndicator(
  ind: NonNullable<IndicatorRowReading['indicator']>,
  state: IndicatorState,
  ctx: Context,
): void {
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
}

export function readIndicators(
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
    noteLevels(reading, state, row.at, ctx);
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
    if (reading.indicator) pushIndicator(reading.indicator, state, ctx);
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
