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
function joinSplitCode(cells: readonly Cell[], columns: readonly number[]): string | undefined {
  const pieces = columns.map((i) => cleanLabel(cells[i]?.raw ?? ''));
  if (pieces.length < 2 || !pieces.some((p) => p !== '') || !pieces.every((p) => /^\d*$/.test(p)))
    return undefined;
  const joined = pieces.map((p, k) => (k > 0 && p.length === 1 ? `0${p}` : p)).join('');
  return readSubjectCode(joined) && /^\d{3}$/.test(pieces[0] ?? '') ? joined : undefined;
}

/**
 * Code columns in runs of neighbours: `类 | 款 | 部门科目名称 | 类 | 款 | 政府科目名称` prints two
 * codes (the 部门 and the 政府 economic code), each over its own 类 | 款 run.
 */
function codeRuns(codeColumns: ReadonlySet<number>): number[][] {
  const runs: number[][] = [];
  for (const c of [...codeColumns].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last.at(-1) === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/**
 * A run of code columns may hold several codes side by side (Xi'an 表12: 功能 类|款|项, 单位编码,
 * …, 部门经济 类|款 and 政府经济 类|款 with no column between): a piece of one or two digits continues
 * the code before it (up to 类 | 款 | 项), any other piece (a 类's three digits, a unit's six) starts
 * the next one.
 */
function codePieceRuns(cells: readonly Cell[], run: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const c of run) {
    const piece = cleanLabel(cells[c]?.raw ?? '');
    const last = out.at(-1);
    // 类 | 款 | 项 at most: a fourth piece is another column's (`1` 全额, the 资金性质).
    const continues = (piece === '' || /^\d{1,2}$/.test(piece)) && (last?.length ?? 0) < 3;
    if (last && continues) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** A code wrapped inside its narrow cell (`2620` over `01`) is one code: `262001`. */
function joinWrappedDigits(text: string): string {
  return /^\d+(?: \d+)+$/u.test(text) ? text.replace(/ /gu, '') : text;
}

/**
 * `cells` are a row's label cells; `codeColumns` those of them under a code header, and
 * `unitCodeColumns` those under 单位编码: a unit's number is no subject code whatever its digits
 * (Xi'an's 宣传部 is unit `201`, and 201 is also 一般公共服务支出), and stays in the label
 * (`201 / 中共西安市委宣传部`).
 */
export function readRowLabel(
  cells: readonly Cell[],
  codeColumns: ReadonlySet<number> = new Set(),
  unitCodeColumns: ReadonlySet<number> = new Set(),
): RowLabel {
  const parts: string[] = [];
  let subjectCode = '';
  let economicCode = '';
  let govEconomicCode = '';
  const joinedColumns = new Set<number>();
  for (const run of codeRuns(codeColumns).flatMap((run) => codePieceRuns(cells, run))) {
    const split = joinSplitCode(cells, run);
    if (!split) continue;
    for (const c of run) joinedColumns.add(c);
    const code = readSubjectCode(split)!;
    if (code.scheme === 'function') subjectCode = split;
    else if (code.scheme === 'economic') economicCode = split;
    else govEconomicCode = split;
  }
  cells.forEach((cell, i) => {
    const text = joinWrappedDigits(cleanLabel(cell.raw));
    if (text === '' || joinedColumns.has(i)) return;
    if (unitCodeColumns.has(i)) {
      parts.push(text);
      return;
    }
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

/**
 * A 款 printed as its own two digits in a code column of full codes (`208`, `05`, `2080505`, as
 * Xi'an's 2019–2022 tables do): the piece continues the 类 above it (`20805`). Only a piece right
 * under a row with a full code is completed, so a 序号 column never turns into codes.
 */
export function completeShortCodes(rows: readonly RawRow[], codeColumns: readonly number[]): RawRow[] {
  if (codeColumns.length !== 1) return [...rows];
  const column = codeColumns[0]!;
  let classCode: string | undefined;
  return rows.map((row) => {
    const text = cleanLabel(row.cells[column]?.raw ?? '');
    const full = readSubjectCode(text);
    if (full) {
      classCode = full.code.slice(0, 3);
      return row;
    }
    if (!/^\d{2}$/.test(text) || !classCode || !readSubjectCode(`${classCode}${text}`)) return row;
    const cells = [...row.cells];
    cells[column] = { raw: `${classCode}${text}`, at: row.cells[column]?.at ?? row.at };
    return { ...row, cells };
  });
}
