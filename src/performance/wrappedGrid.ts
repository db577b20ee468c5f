import type { Provenance } from '../model.ts';
import { collapseWhitespace } from '../normalize/whitespace.ts';
import { parseTarget, type TargetReading } from './target.ts';

/**
 * An indicator grid printed by pdftotext without column structure: every cell wrapped over
 * several lines, cells of one row joined by single spaces (`数量 车辆保障 ≥25`), other rows as a
 * cascade of short lines (`接待任务完` / `成率` / `>98%` / `按照本年度接待团组数完成` / `接待任务`).
 * Columns: 二级指标 | 绩效指标 | 指标目标值 | 目标值来源, with 目标内容 (level 1) on lines of their own.
 *
 * Reading rules, all from the layout of such grids:
 * - a row starts with a level-2 word once the previous row has its target;
 * - name pieces fill the name column, which is narrow (its width is the usual length of wrapped
 *   pieces); a line longer than that is the target;
 * - a line starting with an operator or a digit is the target (with source after a space);
 * - a qualitative target without a source on its line runs to the row's last line, which is the source;
 * - after a page break, a short line continuing a row that already had its target continues the name.
 */

export interface WrappedLine {
  readonly text: string;
  readonly line: number;
  /** Blank lines directly above this one (a page break leaves many). */
  readonly gapBefore: number;
}

export interface WrappedIndicator {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly targetText: string;
  readonly readings: readonly TargetReading[];
  readonly at: Provenance;
}

const LEVEL1_LINE =
  /^(?:产出目标|效果目标|效益目标|满意度目标|成本目标|产出指标|效益指标|满意度指标|成本指标)$/u;
const LEVEL2_WORD =
  /^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|满意度|服务对象满意度)(?:指标)?$/u;
const TARGET_START = /^(?:[<>≤≥=＜＞＝≧≦]|\d)/u;
const OPEN_TARGET = /(?:[<>≤≥=＜＞＝]|&&|且)$/u;
const UNIT_TOKEN = /^(?:[\p{Script=Han}%]{1,3}|\d{1,2}月|\d{1,2}日)$/u;
const PAGE_BREAK_GAP = 3;

/** Display width: a Chinese character counts 1, a Latin letter or digit ½ (they are half-width). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(/\s+/g, '')) w += /[\x21-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Splits a line at the spaces that separate cells (not those next to Latin words such as `APEC`). */
export function splitCells(text: string): string[] {
  const tokens = text.trim().split(/\s+/u);
  const cells: string[] = [];
  for (const token of tokens) {
    const previous = cells[cells.length - 1];
    const latinJoin = previous !== undefined && (/[A-Za-z]$/.test(previous) || /^[A-Za-z]/.test(token));
    if (latinJoin) cells[cells.length - 1] = `${previous} ${token}`;
    else cells.push(token);
  }
  return cells;
}

/** The usual width of a wrapped name piece: the most common width of lines followed by a continuation. */
export function estimateNameWidth(lines: readonly WrappedLine[]): number {
  const counts = new Map<number, number>();
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (!next || splitCells(line.text).length > 1 || TARGET_START.test(line.text)) return;
    if (LEVEL1_LINE.test(line.text) || LEVEL2_WORD.test(line.text)) return;
    // Only pieces that are continued by another piece: a cell's last line is shorter than the column.
    if (splitCells(next.text).length > 1 || TARGET_START.test(next.text)) return;
    if (LEVEL1_LINE.test(next.text) || LEVEL2_WORD.test(next.text)) return;
    const w = Math.round(displayWidth(line.text));
    counts.set(w, (counts.get(w) ?? 0) + 1);
  });
  let best = 5;
  let bestCount = 0;
  for (const [w, n] of counts) if (n > bestCount || (n === bestCount && w < best)) [best, bestCount] = [w, n];
  return best;
}

interface RowDraft {
  level2: string;
  nameParts: string[];
  nameAt: Provenance | undefined;
  target: string | undefined;
  /** Lines of a qualitative target without a source on its line; the last one is the source. */
  openLines: string[];
  targetOpen: boolean;
  complete: boolean;
}

function takeTarget(cells: readonly string[]): { target: string; open: boolean } {
  let target = cells[0] ?? '';
  let i = 1;
  // A unit or date part after a bare number belongs to the target (`=4 个`, `2019年 12月`).
  while (i < cells.length && /[\d年]$/.test(target) && UNIT_TOKEN.test(cells[i] ?? '')) {
    target = `${target} ${cells[i]}`;
    i++;
  }
  return { target, open: OPEN_TARGET.test(target) && i >= cells.length };
}

export function readWrappedGrid(lines: readonly WrappedLine[]): WrappedIndicator[] {
  const nameWidth = estimateNameWidth(lines);
  const out: WrappedIndicator[] = [];
  let level1 = '';
  let row: RowDraft | undefined;

  const finish = () => {
    if (!row) return;
    if (row.target === undefined && row.openLines.length > 0) {
      // Qualitative target running over lines: all but the last line; the last is the source.
      const parts = row.openLines.length > 1 ? row.openLines.slice(0, -1) : row.openLines;
      row.target = parts.join('');
    }
    const name = collapseWhitespace(row.nameParts.join(''));
    if (name !== '' && row.target !== undefined) {
      const targetText = collapseWhitespace(row.target);
      out.push({
        level1,
        level2: row.level2,
        name,
        targetText,
        readings: parseTarget(targetText),
        at: row.nameAt ?? {},
      });
    }
    row = undefined;
  };

  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    const hasTarget = !row || row.target !== undefined || row.openLines.length > 0;
    if (LEVEL1_LINE.test(text) && hasTarget) {
      finish();
      level1 = text;
      continue;
    }
    const cells = splitCells(text);
    if (LEVEL2_WORD.test(cells[0] ?? '') && hasTarget) {
      finish();
      row = {
        level2: cells[0]!,
        nameParts: [],
        nameAt: undefined,
        target: undefined,
        openLines: [],
        targetOpen: false,
        complete: false,
      };
      const rest = cells.slice(1);
      if (rest.length === 0) continue;
      if (TARGET_START.test(rest[0] ?? '')) {
        const t = takeTarget(rest);
        row.target = t.target;
        row.targetOpen = t.open;
        continue;
      }
      row.nameParts.push(rest[0]!);
      row.nameAt = { line: line.line };
      if (rest.length > 1) {
        const t = takeTarget(rest.slice(1));
        row.target = t.target;
        row.targetOpen = t.open;
        row.complete = true;
      }
      continue;
    }
    if (!row) continue;
    if (row.target !== undefined) {
      if (row.targetOpen) {
        row.target += text;
        row.targetOpen = OPEN_TARGET.test(text);
        continue;
      }
      // A page break inside a row: the name cell continues on the next page.
      if (
        row.complete &&
        line.gapBefore >= PAGE_BREAK_GAP &&
        cells.length === 1 &&
        displayWidth(text) <= nameWidth
      ) {
        row.nameParts.push(text);
        row.complete = false;
      }
      continue;
    }
    if (row.openLines.length > 0) {
      row.openLines.push(text);
      continue;
    }
    if (TARGET_START.test(text)) {
      const t = takeTarget(cells);
      row.target = t.target;
      row.targetOpen = t.open;
      continue;
    }
    if (cells.length > 1) {
      // Name pieces are done: this line is `target source`.
      row.target = cells[0];
      continue;
    }
    if (displayWidth(text) <= nameWidth + 0.5) {
      if (row.nameParts.length === 0) row.nameAt = { line: line.line };
      row.nameParts.push(text);
      continue;
    }
    row.openLines.push(text);
  }
  finish();
  return out;
}
