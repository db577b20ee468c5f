import type { Block, Problem, SourceDocument } from '../src/model.ts';
import { parseAmount } from '../src/normalize/amount.ts';
import { stripMarkup } from '../src/normalize/markup.ts';
import { collapseWhitespace } from '../src/normalize/whitespace.ts';
import { readPricedList } from '../src/performance/pricedList.ts';
import { readWrappedGrid, type WrappedLine } from '../src/performance/wrappedGrid.ts';
import type { ExtractedTable, IndicatorDraft } from '../src/tables/extractedTable.ts';
import type { GridLineItem } from '../src/tables/gridItems.ts';
import type { LayoutExtractor } from './types.ts';

/**
 * Shenzhen 2019 项目绩效目标表: one form per project, dumped by pdftotext with every cell wrapped
 * over several lines. Header fields (项目名称, 项目总金额 12218245.00 — amounts in 元, 采购品目 with its
 * purchase list), then the indicator grid 目标内容 / 二级指标 / 绩效指标 / 指标目标值 / 目标值来源.
 */

const FORM_TITLE = /^项目绩效目标表$/u;
const GRID_HEADER = /^目标内容\s+二级指标\s+绩效指标\s+指标目标值/u;
const AMOUNT_FIELD = /([\p{Script=Han}（）()]*?(?:金额|资金))\s*([\d,]+(?:\.\d+)?)(?=\s|$)/gu;

interface Line {
  readonly text: string;
  readonly line: number;
  readonly gapBefore: number;
}

function textLines(blocks: readonly Block[]): Line[] {
  const out: Line[] = [];
  let gap = 0;
  for (const b of blocks) {
    if (b.kind === 'blank') {
      gap++;
      continue;
    }
    if (b.kind !== 'text') continue;
    const text = stripMarkup(b.raw).trim();
    if (text === '') {
      gap++;
      continue;
    }
    out.push({ text, line: b.at.line ?? 0, gapBefore: gap });
    gap = 0;
  }
  return out;
}

function lineItem(
  project: string,
  columnLabel: string,
  value: string,
  printed: string,
  line: number,
  index: number,
): GridLineItem {
  return {
    rowLabel: project,
    subjectCode: '',
    economicCode: '',
    govEconomicCode: '',
    projectCode: '',
    columnLabel,
    value,
    originalText: printed === value ? '' : printed,
    at: { line },
    side: '',
    isTotal: /合计/.test(columnLabel),
    // A form is one row of fields: its amounts are columns of that row.
    rowIndex: 0,
    columnIndex: index,
  };
}

/** The purchase list between `采购品目` and `项目概况`, joined across its wrapped lines. */
function readPurchases(lines: readonly Line[], project: string, items: GridLineItem[]): void {
  // One space per line break: a break inside this list is a wrap (`12` / `台 24000 元`).
  let joined = '';
  const lineAt: number[] = [];
  for (const l of lines) {
    const piece = `${l.text} `;
    for (let i = 0; i < piece.length; i++) lineAt.push(l.line);
    joined += piece;
  }
  for (const item of readPricedList(joined)) {
    items.push(
      lineItem(
        project,
        `采购品目 / ${item.label}`,
        item.value,
        item.printed,
        lineAt[item.offset] ?? 0,
        items.length,
      ),
    );
  }
}

function readForm(lines: readonly Line[]): ExtractedTable {
  const items: GridLineItem[] = [];
  const problems: Problem[] = [];
  let project = '';
  const gridStart = lines.findIndex((l) => GRID_HEADER.test(l.text));
  const head = gridStart >= 0 ? lines.slice(0, gridStart) : lines;
  for (const l of head) {
    const name = /^项目名称\s+(.+)$/u.exec(l.text);
    if (name) project = collapseWhitespace(name[1] ?? '');
  }
  let purchases: Line[] | undefined;
  for (const l of head) {
    if (purchases && /^项目概况/.test(l.text)) {
      readPurchases(purchases, project, items);
      purchases = undefined;
    }
    if (purchases) {
      purchases.push(l);
      continue;
    }
    for (const m of l.text.matchAll(AMOUNT_FIELD)) {
      const reading = parseAmount(m[2] ?? '');
      const label = (m[1] ?? '').trim();
      if (reading.kind === 'amount' && label !== '')
        items.push(lineItem(project, label, reading.value, m[2] ?? '', l.line, items.length));
    }
    const listStart = /采购品目\s*(.*)$/u.exec(l.text);
    if (listStart) purchases = listStart[1] ? [{ ...l, text: listStart[1] }] : [];
  }
  const gridLines: WrappedLine[] = gridStart >= 0 ? lines.slice(gridStart + 1) : [];
  const indicators: IndicatorDraft[] = readWrappedGrid(gridLines).flatMap((w) =>
    w.readings.map((r) => ({
      projectName: project,
      projectCode: '',
      level1: w.level1,
      level2: w.level2,
      indicator: w.name,
      operator: r.operator,
      targetValue: r.value,
      targetUnit: r.unit,
      targetText: w.targetText,
      at: w.at,
    })),
  );
  if (project === '') {
    problems.push({
      severity: 'warning',
      code: 'form-without-project',
      message: 'a 项目绩效目标表 form has no 项目名称',
      stage: 'performance',
      at: { line: lines[0]?.line ?? 0 },
    });
  }
  if (gridStart < 0) {
    problems.push({
      severity: 'warning',
      code: 'form-without-indicators',
      message: `form "${project}" has no indicator grid`,
      stage: 'performance',
      at: { line: lines[0]?.line ?? 0 },
    });
  }
  return {
    kind: 'project_performance',
    title: '项目绩效目标表',
    number: '',
    unit: '元',
    start: { line: lines[0]?.line ?? 0 },
    end: { line: lines[lines.length - 1]?.line ?? 0 },
    parts: 1,
    bodyRows: lines.length,
    headerPaths: [['目标内容'], ['二级指标'], ['绩效指标'], ['指标目标值'], ['目标值来源']],
    recognizedBy: 'shenzhen2019-forms: 项目绩效目标表 form with 目标内容/二级指标/绩效指标 grid',
    items,
    indicators,
    problems,
  };
}

export const shenzhen2019FormsExtractor: LayoutExtractor = {
  family: 'shenzhen2019-forms',
  description: 'Shenzhen 2019 项目绩效目标表 forms (pdftotext dump, amounts in 元)',
  detect(_doc, text) {
    const forms = (text.match(/^\s*项目绩效目标表\s*$/gmu) ?? []).length;
    const grids = (text.match(/目标内容\s*二级指标\s*绩效指标/gu) ?? []).length;
    if (forms >= 1 && grids >= 1)
      return { score: 10, reason: `${forms} 项目绩效目标表 forms with indicator grids` };
    return { score: 0, reason: 'no 项目绩效目标表 forms' };
  },
  readForms(doc: SourceDocument) {
    const lines = textLines(doc.blocks);
    const starts = lines.flatMap((l, i) => (FORM_TITLE.test(l.text) ? [i] : []));
    // A form whose fields and grid are table rows (a PDF with its grid) is read by the core; only
    // forms dumped as wrapped text lines are read here.
    return starts
      .map((start, k) => readForm(lines.slice(start, starts[k + 1] ?? lines.length)))
      .filter((form) => form.items.length > 0 || form.indicators.length > 0);
  },
  defaultUnit: '元',
  metadata: () => ({ city: '深圳' }),
};
