import type { LayoutExtractor, TableClassification } from '../../extractors/types.ts';
import type { Problem, SourceDocument } from '../model.ts';
import { labelKey } from '../normalize/cellText.ts';
import { stitchPageSplitTables } from '../normalize/stitch.ts';
import { type MoneyUnit, unitFromHeader } from '../normalize/unit.ts';
import { readPerformanceTable } from '../performance/readPerformanceTable.ts';
import type { ExtractedTable } from '../tables/extractedTable.ts';
import { readGrid } from '../tables/gridItems.ts';
import { kindFromContent } from '../tables/kindByContent.ts';
import { withoutPageFurniture } from '../tables/pageFurniture.ts';
import { firstProvenance, lastProvenance, type RawTable } from '../tables/rawTable.ts';
import { segmentTables } from '../tables/segment.ts';
import { kindFromTitle, PERFORMANCE_KINDS } from '../tables/tableKinds.ts';

/**
 * The generic core: blocks → tables (segmented, stitched) → kind → line items and indicators.
 * A layout extractor may override the classification of a table and add tables read from forms.
 */

/** Kind of a table from its header words when its title does not name one (or it has none). */
function classifyByHeader(table: RawTable): TableClassification | undefined {
  const head = table.rows.slice(0, 3).flatMap((r) => r.cells.map((c) => labelKey(c.raw)));
  const has = (pattern: RegExp) => head.some((h) => pattern.test(h));
  if (has(/绩效目标|绩效指标|一级指标|三级指标/)) {
    const heading = table.context[0]?.replace(/^第[一二三四五六七八九十]+部分/, '').trim();
    const department = has(/年度主要任务|整体/) && !has(/^项目名称/);
    return {
      kind: department ? 'department_performance' : 'project_performance',
      title: heading,
      reason: 'header names performance targets',
    };
  }
  return undefined;
}

export function classifyTable(table: RawTable, layout: LayoutExtractor): TableClassification {
  const override = layout.classifyTable?.(table);
  if (override) return override;
  if (table.title !== undefined) {
    const kind = kindFromTitle(table.title);
    if (kind) return { kind, reason: `title "${table.title}"` };
  }
  return (
    classifyByHeader(table) ?? {
      kind: 'other',
      reason:
        table.title === undefined
          ? 'untitled table with no known header'
          : `title "${table.title}" is not a standard table`,
    }
  );
}

function tableUnit(table: RawTable, layout: LayoutExtractor) {
  if (table.unit) return table.unit;
  const fromHeader = table.rows
    .slice(0, 4)
    .flatMap((r) => r.cells.map((c) => unitFromHeader(c.raw)))
    .find((u) => u !== undefined);
  return fromHeader ?? layout.defaultUnit;
}

export function extractTable(table: RawTable, layout: LayoutExtractor): ExtractedTable {
  const classification = classifyTable(table, layout);
  const title = classification.title ?? table.title ?? '';
  const base = {
    kind: classification.kind,
    title,
    number: table.number ?? '',
    start: firstProvenance(table),
    end: lastProvenance(table),
    parts: table.parts.length,
    recognizedBy: `${layout.family}: ${classification.reason}`,
  };
  if (PERFORMANCE_KINDS.has(classification.kind)) {
    const reading = readPerformanceTable(table.rows, classification.kind, tableUnit(table, layout));
    return {
      ...base,
      unit: reading.unit,
      bodyRows: reading.bodyRows,
      headerPaths: reading.headerPaths,
      items: reading.items,
      indicators: reading.indicators,
      problems: reading.problems,
    };
  }
  const grid = readGrid(table.rows);
  const problems: Problem[] = [...grid.problems];
  const unit = tableUnit(table, layout);
  if (!unit && grid.items.length > 0) {
    problems.push({
      severity: 'warning',
      code: 'unit-unknown',
      message: `table "${title}" states no money unit`,
      stage: 'extract',
      at: base.start,
    });
  }
  const content = kindFromContent(base.kind, grid.items);
  return {
    ...base,
    kind: content.kind,
    recognizedBy: content.reason ? `${base.recognizedBy}; ${content.reason}` : base.recognizedBy,
    unit,
    bodyRows: grid.split.body.length,
    headerPaths: grid.paths,
    items: grid.items,
    indicators: [],
    problems,
  };
}

function lineOrPage(t: ExtractedTable): number {
  return (t.start.page ?? 0) * 1e7 + (t.start.line ?? 0);
}

/**
 * A table that states no unit takes the unit most of the document's amounts are in, else 万元 (the
 * unit of nearly all published budget tables); either way the table carries a warning.
 */
function fillMissingUnits(tables: readonly ExtractedTable[]): ExtractedTable[] {
  const counts = new Map<MoneyUnit, number>();
  for (const t of tables) if (t.unit) counts.set(t.unit, (counts.get(t.unit) ?? 0) + t.items.length);
  const dominant = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return tables.map((t) => {
    if (t.unit || t.items.length === 0) return t;
    const unit = dominant ?? '万元';
    const problem: Problem = {
      severity: 'warning',
      code: 'unit-assumed',
      message: `table "${t.title}" states no money unit; its amounts are taken as ${unit}${dominant ? ' like the rest of the document' : ''}`,
      stage: 'extract',
      at: t.start,
    };
    return { ...t, unit, problems: [...t.problems.filter((p) => p.code !== 'unit-unknown'), problem] };
  });
}

export function extractTables(doc: SourceDocument, layout: LayoutExtractor): ExtractedTable[] {
  const raw = stitchPageSplitTables(segmentTables(withoutPageFurniture(doc.blocks)));
  const tables = raw.map((t) => extractTable(t, layout));
  const forms = layout.readForms?.(doc) ?? [];
  return fillMissingUnits([...tables, ...forms].sort((a, b) => lineOrPage(a) - lineOrPage(b)));
}
