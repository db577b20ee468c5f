import { cleanCellText } from '../normalize/cellText.ts';
import { cellIsAmount } from '../tables/header.ts';
import type { RawRow } from '../tables/rawTable.ts';
import { fieldOfHeader, isIndicatorHeaderCell } from './vocabulary.ts';

/**
 * A performance table is a form with grids inside it: key–value rows (项目名称, 单位名称, 投入目标 …),
 * an amount block (预算金额 / 资金总额 …) and an indicator grid (一级指标 / 二级指标 / 三级指标 / 指标值).
 * Each grid starts at its own header rows; this splits the rows at those headers.
 */

export type Section =
  | { readonly kind: 'form'; readonly rows: readonly RawRow[] }
  | { readonly kind: 'amounts'; readonly header: readonly RawRow[]; readonly body: readonly RawRow[] }
  | { readonly kind: 'indicators'; readonly header: readonly RawRow[]; readonly body: readonly RawRow[] };

type RowClass = 'indicator-header' | 'amount-header' | 'data';

const SHORT = 16;

function classify(row: RawRow): RowClass {
  const texts = row.cells.map((c) => cleanCellText(c.raw)).filter((t) => t !== '');
  if (texts.length < 2 || row.cells.some((c) => cellIsAmount(c.raw))) return 'data';
  if (texts.some((t) => t.length > SHORT + 8)) return 'data';
  const fields = texts.map(fieldOfHeader);
  const indicatorWords = texts.filter(isIndicatorHeaderCell).length;
  const coreIndicator = fields.some(
    (f) => f === 'level1' || f === 'level2' || f === 'name' || f === 'operator' || f === 'value',
  );
  if (indicatorWords >= 2 && coreIndicator) return 'indicator-header';
  const amounts = fields.filter((f) => f === 'amount').length;
  const labels = fields.filter((f) => f === 'project' || f === 'task').length;
  if (amounts >= 2 || (amounts >= 1 && labels >= 1)) return 'amount-header';
  return 'data';
}

export function splitSections(rows: readonly RawRow[]): Section[] {
  const sections: Section[] = [];
  let form: RawRow[] = [];
  let current: { kind: 'amounts' | 'indicators'; header: RawRow[]; body: RawRow[] } | undefined;
  const flush = () => {
    if (current) sections.push(current);
    current = undefined;
  };
  for (const row of rows) {
    const kind = classify(row);
    if (kind === 'data') {
      if (current) current.body.push(row);
      else form.push(row);
      continue;
    }
    if (form.length > 0) {
      sections.push({ kind: 'form', rows: form });
      form = [];
    }
    // A second header row right below a header (`⇥⇥财政资金⇥其他资金`) continues it.
    if (current && current.body.length === 0) {
      current.header.push(row);
      if (kind === 'indicator-header') current.kind = 'indicators';
      continue;
    }
    flush();
    current = { kind: kind === 'indicator-header' ? 'indicators' : 'amounts', header: [row], body: [] };
  }
  flush();
  if (form.length > 0) sections.push({ kind: 'form', rows: form });
  return sections;
}
