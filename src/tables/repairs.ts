import type { Cell } from '../model.ts';
import { parseAmount } from '../normalize/amount.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import { isOrganisationName } from '../normalize/organisation.ts';
import type { ColumnRole } from './columns.ts';
import type { RawRow } from './rawTable.ts';

/**
 * Repairs of what converters do to grid rows: cells shifted sideways, a tall cell's text split
 * over several rows, a header printed twice side by side. Each repair is reported by its caller.
 */

function filled(cell: Cell | undefined): boolean {
  return cell !== undefined && cleanCellText(cell.raw) !== '';
}

function isAmountCell(cell: Cell | undefined): boolean {
  return cell !== undefined && parseAmount(cell.raw).kind === 'amount';
}

/** How well a row fits the column roles when its cells are moved by `shift` columns. */
function fitScore(row: RawRow, roles: readonly ColumnRole[], shift: number): number {
  let score = 0;
  row.cells.forEach((cell, i) => {
    if (!filled(cell)) return;
    const role = roles[i + shift];
    if (role === undefined) {
      score -= 3;
      return;
    }
    const amount = isAmountCell(cell);
    if (role === 'amount') score += amount ? 2 : -2;
    // 科目编码 and 行次 / 序号 columns hold numbers that are not amounts.
    else if (amount && role !== 'code' && role !== 'skip') score -= 2;
  });
  return score;
}

/**
 * A converter sometimes drops or adds empty cells at the start of a row (Shenzhen 表11 line 386),
 * so amounts land under text headers. Returns the shift (−2 … +2) that fits the roles best, 0
 * when the row fits as printed.
 */
export function bestShift(row: RawRow, roles: readonly ColumnRole[]): number {
  const misplaced = row.cells.some(
    (cell, i) => isAmountCell(cell) && roles[i] !== 'amount' && roles[i] !== 'code' && roles[i] !== 'skip',
  );
  if (!misplaced) return 0;
  const base = fitScore(row, roles, 0);
  let best = 0;
  let bestScore = base;
  for (const shift of [1, -1, 2, -2]) {
    const score = fitScore(row, roles, shift);
    if (score > bestScore) {
      best = shift;
      bestScore = score;
    }
  }
  return best;
}

export function shiftRow(row: RawRow, shift: number): RawRow {
  if (shift === 0) return row;
  const cells: Cell[] = [];
  row.cells.forEach((cell, i) => {
    const j = i + shift;
    if (j >= 0) cells[j] = cell;
  });
  for (let j = 0; j < cells.length; j++) cells[j] ??= { raw: '', at: row.at };
  return { ...row, cells };
}

const SENTENCE_END = /[。！？.!?；;）)]$/;

/**
 * Rows whose only filled cells are prose (`text` columns) are pieces of a tall cell that the
 * converter split over several lines. A piece that does not end a sentence continues into the next
 * row; one that does continues the previous row's cell.
 */
export function mergeWrappedFragments(body: readonly RawRow[], roles: readonly ColumnRole[]): RawRow[] {
  const isFragment = (row: RawRow) =>
    row.cells.some(filled) && row.cells.every((cell, i) => !filled(cell) || roles[i] === 'text');
  const out: RawRow[] = [];
  let carry: RawRow[] = [];
  const join = (base: RawRow, before: readonly RawRow[], after: readonly RawRow[]): RawRow => {
    const width = Math.max(base.cells.length, ...[...before, ...after].map((r) => r.cells.length));
    const cells: Cell[] = [];
    for (let c = 0; c < width; c++) {
      const pieces = [...before, base, ...after].map((r) => r.cells[c]).filter((x): x is Cell => filled(x));
      const own = base.cells[c] ?? { raw: '', at: base.at };
      if (pieces.length <= 1) cells.push(pieces[0] && !filled(own) ? pieces[0] : own);
      else
        cells.push({
          raw: pieces.map((p) => p.raw).join(''),
          at: own.at,
          pieces: pieces.flatMap((p) => p.pieces ?? [p]),
        });
    }
    return { ...base, cells };
  };
  for (const row of body) {
    if (!isFragment(row)) {
      out.push(carry.length > 0 ? join(row, carry, []) : row);
      carry = [];
      continue;
    }
    const text = row.cells
      .filter(filled)
      .map((c) => cleanCellText(c.raw))
      .join('');
    const previous = out[out.length - 1];
    if (SENTENCE_END.test(text) && previous && carry.length === 0)
      out[out.length - 1] = join(previous, [], [row]);
    else carry.push(row);
  }
  const last = out[out.length - 1];
  if (carry.length > 0 && last) out[out.length - 1] = join(last, [], carry);
  return out;
}

const ORDINAL_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])/u;

/**
 * A whole organisation's name on a row of its own (`广州血液中心` above its projects) heads the rows
 * below it; the tail of a wrapped name is shorter (`管理局`, `服务中心`).
 */
function unitHeading(piece: string): boolean {
  return [...piece].length >= 5 && isOrganisationName(piece);
}

/**
 * A long 科目名称 wrapped by the converter onto a row of its own below its amounts
 * (`2130705 | 对村民委员会和村党 | 820.73` then ` | 支部的补助 | `): the piece is joined to the label above.
 * Only a short piece alone in a label column, under a full-width label (the wrap happened because
 * the cell was full), with no ordinal or total word of its own, is taken for one; two labels that
 * each end as budget labels end (`其中：财政拨款资金结转` over `非财政拨款资金结余`) are two rows.
 */
export function mergeWrappedLabelPieces(body: readonly RawRow[], roles: readonly ColumnRole[]): RawRow[] {
  const out: RawRow[] = [];
  for (const row of body) {
    const filledAt = row.cells.flatMap((cell, i) => (filled(cell) ? [i] : []));
    const column = filledAt[0];
    const previous = out[out.length - 1];
    const piece = column === undefined ? '' : cleanCellText(row.cells[column]!.raw);
    const above = column === undefined || !previous ? '' : cleanCellText(previous.cells[column]?.raw ?? '');
    const isPiece =
      filledAt.length === 1 &&
      column !== undefined &&
      roles[column] === 'label' &&
      previous?.cells.some((cell, i) => roles[i] === 'amount' && isAmountCell(cell)) &&
      [...above].length >= 8 &&
      [...piece].length <= 10 &&
      !/\d/.test(piece) &&
      !ORDINAL_START.test(piece) &&
      !/^(?:合计|总计|小计|其中)/.test(piece) &&
      !/[。；;]$/.test(above) &&
      !(LABEL_END.test(above) && LABEL_END.test(piece)) &&
      !unitHeading(piece);
    if (!isPiece || !previous || column === undefined) {
      out.push(row);
      continue;
    }
    const cells = [...previous.cells];
    const own = previous.cells[column]!;
    cells[column] = {
      raw: `${own.raw}${row.cells[column]!.raw.trim()}`,
      at: own.at,
      pieces: [...(own.pieces ?? [own]), row.cells[column]!],
    };
    out[out.length - 1] = { ...previous, cells };
  }
  return out;
}

/**
 * `支出结构 | 资金总额 | 其中:财政资金 | 投入计划 | 支出结构 | 资金总额 | …`: the same column group printed
 * twice side by side (003 十). Returns the start of each group, or [] when the header does not repeat.
 */
export function repeatedGroupStarts(paths: readonly (readonly string[])[]): number[] {
  // Whole paths, not leaves: `财政拨款 / 小计 …` and `非财政拨款 / 小计 …` are different groups.
  const leaves = paths.map((p) => p.join('/'));
  for (let len = 2; len * 2 <= leaves.length; len++) {
    for (let start = 0; start + 2 * len <= leaves.length; start++) {
      const first = leaves.slice(start, start + len);
      const second = leaves.slice(start + len, start + 2 * len);
      if (first.every((l) => l !== '') && first.join('\u241f') === second.join('\u241f')) {
        return [0, start + len];
      }
    }
  }
  return [];
}

/** How a printed row label starts a new row: `八、`, `1.`, `（一）`, `其中：`, a code, a total word. */
const ROW_START =
  /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|其中|\d{3,}|合计|总计|小计|[A-Z][-、.])/;

/** How budget labels end: a head that ends otherwise (`八、社会保障和就`) was cut by the page. */
const LABEL_END = /(?:支出|收入|费|资金|拨款|结余|结转|合计|总计|小计|预算|经费|项目|[）)])$/;

/**
 * A label cell wrapped across a page break: the new page starts with a row holding nothing but the
 * rest of a label (`业支出` under `八、社会保障和就` on the page before). Joined to the last row of the
 * previous page; only where the piece cannot start a row of its own.
 */
export function joinLabelsWrappedOverPageBreak(
  body: readonly RawRow[],
  roles: readonly ColumnRole[],
): RawRow[] {
  const out: RawRow[] = [];
  for (const row of body) {
    const previous = out[out.length - 1];
    const filledColumns = row.cells.flatMap((cell, i) => (filled(cell) ? [i] : []));
    const continues =
      previous !== undefined &&
      previous.at.page !== undefined &&
      row.at.page !== undefined &&
      row.at.page > previous.at.page &&
      filledColumns.length === 1 &&
      roles[filledColumns[0]!] === 'label' &&
      filled(previous.cells[filledColumns[0]!]) &&
      !LABEL_END.test(cleanCellText(previous.cells[filledColumns[0]!]!.raw)) &&
      !ROW_START.test(cleanCellText(row.cells[filledColumns[0]!]!.raw));
    if (!continues) {
      out.push(row);
      continue;
    }
    const c = filledColumns[0]!;
    const head = previous.cells[c]!;
    const tail = row.cells[c]!;
    const cells = [...previous.cells];
    cells[c] = {
      raw: head.raw + tail.raw,
      at: head.at,
      pieces: [...(head.pieces ?? [head]), ...(tail.pieces ?? [tail])],
    };
    out[out.length - 1] = { ...previous, cells };
  }
  return out;
}
