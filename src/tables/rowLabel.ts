import type { Cell } from '../model.ts';
import { cleanLabel } from '../normalize/cellText.ts';
import { readSubjectCode, splitCodedLabel } from '../normalize/subjectCode.ts';
import type { RawRow } from './rawTable.ts';

/** The row label and the codes printed in a row's label cells. */
export interface RowLabel {
  readonly label: string;
  readonly subjectCode: string;
  readonly economicCode: string;
  readonly govEconomicCode: string;
}

/**
 * Joins the label cells of a row with ` / `, splitting 科目编码 off into the code fields:
 * `2010301-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资` →
 * `行政运行 / 工资奖金津补贴 / 基本工资`, 2010301, 30101 (部门), 50101 (政府).
 */
/**
 * A code printed in pieces over 类 | 款 | 项 columns (`201 | 06 | 01` → `2010601`). Spreadsheet
 * exports sometimes drop the leading zero of a 款 or 项 (`301 | 2` for 30102): a one-digit piece is
 * two digits wide in every classification, so it is padded.
 */
function joinSplitCode(cells: readonly Cell[], codeColumns: ReadonlySet<number>): string | undefined {
  const pieces = [...codeColumns].sort((a, b) => a - b).map((i) => cleanLabel(cells[i]?.raw ?? ''));
  if (pieces.length < 2 || !pieces.some((p) => p !== '') || !pieces.every((p) => /^\d*$/.test(p)))
    return undefined;
  const joined = pieces.map((p, k) => (k > 0 && p.length === 1 ? `0${p}` : p)).join('');
  return readSubjectCode(joined) && /^\d{3}$/.test(pieces[0] ?? '') ? joined : undefined;
}

export function readRowLabel(cells: readonly Cell[], codeColumns: ReadonlySet<number> = new Set()): RowLabel {
  const parts: string[] = [];
  let subjectCode = '';
  let economicCode = '';
  let govEconomicCode = '';
  const split = joinSplitCode(cells, codeColumns);
  if (split) {
    const code = readSubjectCode(split)!;
    if (code.scheme === 'function') subjectCode = split;
    else if (code.scheme === 'economic') economicCode = split;
    else govEconomicCode = split;
  }
  cells.forEach((cell, i) => {
    const text = cleanLabel(cell.raw);
    if (text === '' || (split && codeColumns.has(i))) return;
    const coded = codeColumns.has(i)
      ? { code: readSubjectCode(text), name: readSubjectCode(text) ? '' : text }
      : splitCodedLabel(text);
    if (coded.code) {
      if (coded.code.scheme === 'function') subjectCode = coded.code.code;
      else if (coded.code.scheme === 'economic') economicCode = coded.code.code;
      else govEconomicCode = coded.code.code;
    }
    if (coded.name !== '') parts.push(coded.name);
  });
  return {
    label: parts.join(' / '),
    subjectCode,
    economicCode: economicCode || govEconomicCode,
    govEconomicCode,
  };
}

/**
 * 类 | 款 | 项 columns where each row prints only its own piece (`208 | | `, ` | 05 | `, ` | | 05`, as
 * 部门决算 tables do): the missing leading pieces are the ones of the rows above, so that every
 * row's code reads whole (2080505). Rows whose pieces are not all digits are left as they are.
 */
export function carrySplitCodePieces(rows: readonly RawRow[], codeColumns: readonly number[]): RawRow[] {
  if (codeColumns.length < 2) return [...rows];
  let above: string[] = [];
  return rows.map((row) => {
    const pieces = codeColumns.map((c) => cleanLabel(row.cells[c]?.raw ?? ''));
    const first = pieces.findIndex((p) => p !== '');
    if (first < 0 || !pieces.every((p) => /^\d*$/.test(p))) return row;
    if (first === 0) {
      above = pieces;
      return row;
    }
    // Pieces to carry need a row above that printed them; a table that opens on a 款 row has none.
    if (above.length < first || above.slice(0, first).some((p) => p === '')) return row;
    const whole = [...above.slice(0, first), ...pieces.slice(first)];
    above = whole;
    const cells = [...row.cells];
    codeColumns.forEach((c, k) => {
      if (k < first) cells[c] = { raw: whole[k]!, at: row.cells[c]?.at ?? row.at };
    });
    return { ...row, cells };
  });
}
