import type { Problem } from '../model.ts';
import { parseAmount, parseAmountWithUnit } from '../normalize/amount.ts';
import { cleanCellText, cleanLabel, labelKey } from '../normalize/cellText.ts';
import { type MoneyUnit, unitFromHeader } from '../normalize/unit.ts';
import type { IndicatorDraft } from '../tables/extractedTable.ts';
import { type GridLineItem, readGrid } from '../tables/gridItems.ts';
import { gridWidth, headerPaths } from '../tables/header.ts';
import type { RawRow } from '../tables/rawTable.ts';
import type { TableKind } from '../tables/tableKinds.ts';
import { filledCells } from './indicatorRow.ts';
import { readIndicators } from './indicatorSection.ts';
import { readPricedList } from './pricedList.ts';
import { splitProjectName, withoutGroupHeading } from './projectCode.ts';
import { type ProseIndicator, readNumberedIndicators, readSentenceIndicators } from './proseTargets.ts';
import { type Context, headerTexts, item } from './readingContext.ts';
import { type Section, splitSections } from './sections.ts';

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
