import type { MetadataHints } from '../../extractors/types.ts';
import type { SourceDocument } from '../model.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import type { MoneyUnit } from '../normalize/unit.ts';
import type { ExtractedTable } from '../tables/extractedTable.ts';

/**
 * Document metadata read from what the document prints: the department (部门名称：, 主管单位：,
 * 单位名称 cells, the cover title), its city, the budget year and whether it is a 预算 or a 决算.
 */

export interface Metadata {
  readonly city: string;
  readonly department: string;
  readonly year: string;
  readonly documentKind: '预算' | '决算' | '';
  readonly unit: MoneyUnit | '';
}

const DEPARTMENT_LINE = /^(?:部门名称|单位名称|主管单位|主管部门|预算单位|编制单位)\s*[:：]\s*(.+)$/u;
const COVER_TITLE = /^(?:(20\d{2})\s*年度?)?\s*(.{4,40}?)\s*(?:20\d{2}\s*年度?)?\s*部门(?:预算|决算)/u;
const CITY = /^(?:中共)?(.{2,4}?)(?:市|省|自治区)/u;
const ORGANISATION =
  /(?:办公室|办公厅|局|委员会|委|厅|院|部|中心|政府|处|所|站|队|馆|会|社|校)(?:[（(].*[)）])?$/u;
const YEAR = /(?:^|[^\d])(20\d{2})\s*年/u;

/** The first lines of the document: cover, title, table of contents. */
function headTexts(doc: SourceDocument, limit: number): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (out.length >= limit) break;
    if (b.kind === 'text') out.push(cleanCellText(b.raw));
  }
  return out;
}

function allTextsAndCells(doc: SourceDocument): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'text') out.push(cleanCellText(b.raw));
    else if (b.kind === 'row') for (const c of b.cells) out.push(cleanCellText(c.raw));
  }
  return out;
}

function cleanDepartment(name: string): string {
  return (
    name
      // The unit line printed right after the name on the same line sticks to it (广州: `…局单位：万元`).
      .replace(/\s*(?:金额)?单位\s*[:：]\s*(?:万元|元)\s*$/u, '')
      .replace(/^\d{2,}\s*[-－]\s*/u, '')
      .replace(/[（(]\s*(?:本级|汇总|行政)\s*[)）]$/u, '')
      .replace(/本级$/u, '')
      .trim()
  );
}

export function readDepartment(doc: SourceDocument): string {
  const texts = allTextsAndCells(doc);
  for (const t of texts) {
    const m = DEPARTMENT_LINE.exec(t);
    if (m?.[1]) return cleanDepartment(m[1]);
  }
  const head = headTexts(doc, 12).join('');
  const cover = COVER_TITLE.exec(head);
  if (cover?.[2]) return cleanDepartment(cover[2]);
  // A 单位名称 cell followed by the name in the next filled cell (performance forms).
  for (const b of doc.blocks) {
    if (b.kind !== 'row') continue;
    const cells = b.cells.map((c) => cleanCellText(c.raw)).filter((t) => t !== '');
    const name = cells[1] ?? '';
    if (/^(?:单位名称|部门名称)$/.test(cells[0] ?? '') && ORGANISATION.test(name))
      return cleanDepartment(name);
  }
  return '';
}

export function readYear(doc: SourceDocument): string {
  for (const t of headTexts(doc, 12)) {
    const m = YEAR.exec(t);
    if (m?.[1]) return m[1];
  }
  for (const t of allTextsAndCells(doc)) {
    const m = /^[（(]?\s*(20\d{2})\s*年度?\s*[)）]?$/u.exec(t);
    if (m?.[1]) return m[1];
  }
  return '';
}

function dominantUnit(tables: readonly ExtractedTable[]): MoneyUnit | '' {
  const counts = new Map<MoneyUnit, number>();
  for (const t of tables)
    if (t.unit && t.items.length > 0) counts.set(t.unit, (counts.get(t.unit) ?? 0) + t.items.length);
  let best: MoneyUnit | '' = '';
  let bestCount = 0;
  for (const [unit, n] of counts) if (n > bestCount) [best, bestCount] = [unit, n];
  return best;
}

export function readMetadata(
  doc: SourceDocument,
  tables: readonly ExtractedTable[],
  hints: MetadataHints,
): Metadata {
  const department = hints.department ?? readDepartment(doc);
  const city = CITY.exec(department)?.[1] ?? hints.city ?? '';
  const titles = tables.map((t) => t.title).join(' ');
  const head = headTexts(doc, 12).join(' ');
  const documentKind =
    hints.documentKind ?? (/决算/.test(head + titles) ? '决算' : tables.length > 0 ? '预算' : '');
  return { city, department, year: hints.year ?? readYear(doc), documentKind, unit: dominantUnit(tables) };
}
