import { parseAmount } from '../normalize/amount.ts';
import { cleanCellText, cleanLabel, labelKey } from '../normalize/cellText.ts';
import { completeClippedHeading } from '../normalize/clippedHeaders.ts';
import { rowKey } from '../normalize/stitch.ts';
import { splitCodedLabel } from '../normalize/subjectCode.ts';
import type { RawRow } from './rawTable.ts';

/**
 * Splits a table's rows into header and body, and computes the header path of every grid column:
 * the header cells above it, top to bottom, where a header cell spans the blank cells to its right
 * inside the span of the cell above it (`预算数 / 基本支出 / 人员经费`).
 */

export const TOTAL_LABEL =
  /^(?:合计|总计|小计|共计|金额合计|本年收入合计|本年支出合计|收入总计|支出总计|收支总计|本年合计)$/;

export function cellIsAmount(raw: string): boolean {
  return parseAmount(raw).kind === 'amount';
}

/** Prose (a sentence) is never a header cell: a row holding one is body, e.g. a wrapped cell piece. */
export function isProse(text: string): boolean {
  return text.length >= 8 && /[，。；;]/.test(text);
}

/**
 * A body row holds an amount, starts with a subject code, holds prose, or is a total row with
 * nothing else.
 */
export function isBodyRow(row: RawRow): boolean {
  const texts = row.cells.map((c) => cleanCellText(c.raw));
  const filled = texts.filter((t) => t !== '');
  if (row.cells.some((c) => cellIsAmount(c.raw))) return true;
  if (filled.some(isProse)) return true;
  const first = filled[0];
  if (first === undefined) return false;
  if (splitCodedLabel(first).code) return true;
  return filled.length === 1 && TOTAL_LABEL.test(labelKey(first));
}

const LEVEL_1_ORDINAL = /^[一二三四五六七八九十]+[、.．]\S/u;

function opensWithOrdinal(row: RawRow): boolean {
  const first = row.cells.map((c) => cleanCellText(c.raw)).find((t) => t !== '');
  return first !== undefined && LEVEL_1_ORDINAL.test(first);
}

/** Header words of the national templates: a row of nothing else is a header row wherever it stands. */
const HEADER_WORD =
  /^(?:项目|预算数|决算数|金额|科目编码|科目名称|科目|编码|名称|行次|栏次|序号|合计|小计|类|款|项|年初预算数|调整预算数|本年预算数?|上年预算数?|\d{4}年(?:预算|决算)数?|功能分类科目|经济分类科目|单位名称|部门名称|单位编码)$/;

/** Column names of amounts (`一般公共预算财政拨款`, `政府性基金预算财政拨款`), never with a row's ordinal. */
const AMOUNT_COLUMN_NAME = /^[^一二三四五六七八九十（(\d]{1,14}(?:拨款|资金|经费)$/u;

export function isHeaderVocabularyRow(row: RawRow): boolean {
  const filled = row.cells.map((c) => labelKey(cleanCellText(c.raw))).filter((t) => t !== '');
  return filled.length >= 2 && filled.every((t) => HEADER_WORD.test(t) || AMOUNT_COLUMN_NAME.test(t));
}

export interface HeaderSplit {
  readonly header: readonly RawRow[];
  readonly body: readonly RawRow[];
  /** Body rows that repeat a header row (a page-split table's repeated header): dropped. */
  readonly repeatedHeaders: readonly RawRow[];
}

export function splitHeaderAndBody(rows: readonly RawRow[]): HeaderSplit {
  const ruled = rows.findIndex((r) => r.ruleAfter);
  let headerCount: number;
  if (ruled >= 0 && ruled < 4) {
    headerCount = ruled + 1;
    // A markdown table has one header row above its `|---|` line; a second one (`项目 | 预算数`) is
    // printed as the first row below it.
    while (headerCount < 6 && rows[headerCount] && isHeaderVocabularyRow(rows[headerCount]!)) headerCount++;
  } else {
    // A row that opens with a 一、 ordinal (`一、部门预算 | | 一、部门预算 |`) is a body row with blank
    // amounts, not a header row; only below the first row, which is always header.
    headerCount = rows.findIndex((r, i) => isBodyRow(r) || (i > 0 && opensWithOrdinal(r)));
    if (headerCount < 0) headerCount = Math.min(rows.length, 2);
    headerCount = Math.min(headerCount, 6);
  }
  const header = rows.slice(0, headerCount);
  const headerKeys = new Set(header.map(rowKey).filter((k) => k !== ''));
  const body: RawRow[] = [];
  const repeatedHeaders: RawRow[] = [];
  for (const row of rows.slice(headerCount)) {
    if (headerKeys.has(rowKey(row))) repeatedHeaders.push(row);
    else body.push(row);
  }
  return { header, body, repeatedHeaders };
}

export function gridWidth(rows: readonly RawRow[]): number {
  return rows.reduce((max, r) => Math.max(max, r.cells.length), 0);
}

/** The nearest header cell above (r, c): `row:column`, or `none`. */
function ancestor(owner: readonly number[][], r: number, c: number): string {
  for (let above = r - 1; above >= 0; above--) {
    const o = owner[above]![c] ?? -1;
    if (o >= 0) return `${above}:${o}`;
  }
  return 'none';
}

/** Header paths for columns `0 … width-1`. */
export function headerPaths(header: readonly RawRow[], width: number): string[][] {
  // owner[r][c]: the column whose header cell covers (r, c), or -1 when none does.
  const owner: number[][] = [];
  const labels: string[][] = [];
  header.forEach((row, r) => {
    owner.push([]);
    labels.push([]);
    for (let c = 0; c < width; c++) {
      const text = completeClippedHeading(cleanLabel(row.cells[c]?.raw ?? ''));
      if (text !== '') {
        owner[r]![c] = c;
        labels[r]![c] = text;
        continue;
      }
      const left = c > 0 ? (owner[r]![c - 1] ?? -1) : -1;
      // A cell spans right only under the same parent: the nearest header cell above, not merely
      // the row above, which may be blank over both columns (`公用经费` must not run under 项目支出).
      const sameParent = r === 0 || ancestor(owner, r, c) === ancestor(owner, r, c - 1);
      if (left >= 0 && sameParent) {
        owner[r]![c] = left;
        labels[r]![c] = labels[r]![left] ?? '';
      } else {
        owner[r]![c] = -1;
        labels[r]![c] = '';
      }
    }
  });
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let r = 0; r < header.length; r++) {
      const label = labels[r]![c] ?? '';
      if (label !== '' && path[path.length - 1] !== label) path.push(label);
    }
    paths.push(path);
  }
  return paths;
}
