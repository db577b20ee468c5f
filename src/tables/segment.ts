import type { Block, Provenance } from '../model.ts';
import { parseAmount } from '../normalize/amount.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import { type MoneyUnit, unitFromStatement } from '../normalize/unit.ts';
import type { RawRow, RawTable } from './rawTable.ts';
import { titleWithMisreadEnding } from './tableKinds.ts';
import { matchTableNumberLine, matchTableTitle } from './titles.ts';
import { numberedTitleWrapped, titleTail, titleWrappedFrom } from './wrappedTitles.ts';

/**
 * Finds the tables of a document in its block stream. A table is a run of rows (blank lines may
 * interrupt it, as page breaks do) together with the title, unit and meta lines printed above it.
 * Rows with no title above them still make a table: nothing is dropped.
 */

/** `部门：`, `单位名称：`, `部门（单位）：` (Yantai), each followed by the name. */
const META_LINE =
  /^(?:(?:部门|单位|预算单位|预算部门|主管部门|填报单位|填报部门|编制单位|编制部门)(?:名称)?(?:[（(](?:部门|单位)[)）](?:名称)?)?\s*[:：]|(?:金[额颜领顿])?单位\s*[:：;；]|(?:金[额颜领顿])?单位\s*(?:万元|元)\s*$|[（(]?\s*\d{4}\s*年度?\s*[)）]?$|[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*[)）]?$)/u;
const NOTE_LINE = /^(?:注|备注|说明|注释)\s*\d*\s*[:：]|^本(?:套)?(?:报)?表/u;
/** Page furniture that converters leave between the parts of a split table. */
const FURNITURE =
  /^(?:[-—–]\s*\d+\s*[-—–]|[-—–]*\s*第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*[-—–]*|\d{1,4}|[-—–]\s*[ivxlc]+\s*[-—–])$/iu;

const TITLE_QUALIFIER = /^[（(][^（()）。；;:：]{1,30}[)）]$/u;

/** OCR confidence below which a text line is noise for segmentation. */
const UNREADABLE = 60;

/** An OCR'd line of at most three marks, none of them a Chinese character. */
const OCR_CRUMB = /^[^\p{Script=Han}]{1,3}$/u;

/**
 * A short line of words with no sentence punctuation: in a scan, the row of an unruled table whose
 * amount cell is empty (`二十三、灾害防治及应急管理支出`, `(一) 一般公共预算拨款 (五) 教育支出`)
 * comes out of OCR as a text line, not as a row.
 */
const ROW_LABEL_LINE = /^[\p{Script=Han}A-Za-z0-9（）()、.．)）\s“”"-]{1,40}$/u;

interface Pending {
  number: string | undefined;
  title: { title: string; number: string | undefined; at: Provenance } | undefined;
  unit: MoneyUnit | undefined;
  meta: string[];
  heading: string | undefined;
  leadIn: string | undefined;
  proseSinceTable: boolean;
  /** Whether prose stood before the lead-in line: a title that takes the lead-in as its first line undoes it. */
  proseBeforeLeadIn: boolean;
}

interface OpenTable {
  title: Pending['title'];
  context: string[];
  unit: MoneyUnit | undefined;
  meta: string[];
  rows: RawRow[];
  afterProse: boolean;
}

function freshPending(): Pending {
  return {
    number: undefined,
    title: undefined,
    unit: undefined,
    meta: [],
    heading: undefined,
    leadIn: undefined,
    proseSinceTable: false,
    proseBeforeLeadIn: false,
  };
}

function close(open: OpenTable, notes: string[]): RawTable {
  return {
    title: open.title?.title,
    number: open.title?.number,
    titleAt: open.title?.at,
    context: open.context,
    unit: open.unit,
    meta: open.meta,
    rows: open.rows,
    notes,
    parts: [open.rows[0]?.at ?? {}],
    afterProse: open.afterProse,
  };
}

function isWrappedMetaValue(text: string): boolean {
  return text.length <= 16 && !/[。，,；;：:]/.test(text) && !/\d/.test(text);
}

/** A line that ends with the table's unit (`507-湖州市卫生健康委员会 单位：万元`, a template's `金位：元`): the meta line of a table. */
const ENDS_WITH_UNIT = /^[^。；;，,]{0,60}?(?:(?:金[额颜领顿])?单位|金位)\s*[:：]\s*(?:万元|元)\s*$/u;

export function isMetaLine(text: string): boolean {
  return META_LINE.test(text) || ENDS_WITH_UNIT.test(text);
}

/**
 * A row that is a title, a table number or meta lines spread over cells (a spreadsheet export puts
 * `预算01表⇥部门收支总表`, `部门：…⇥⇥单位：万元` and `<title>⇥⇥⇥金额单位：万元` in cells): the lines it
 * stands for, or `undefined` for a row of the table.
 */
export function headingLinesOfRow(raws: readonly string[]): string[] | undefined {
  const filled = raws.map(cleanCellText).filter((t) => t !== '');
  if (filled.length === 0 || filled.length > 4 || filled.some((t) => parseAmount(t).kind === 'amount'))
    return undefined;
  const joined = filled.join(' ');
  if (filled.length > 1 && (matchTableTitle(joined) || matchTableNumberLine(joined))) return [joined];
  const [first = '', ...rest] = filled;
  const titled = matchTableTitle(first) !== undefined || matchTableNumberLine(first) !== undefined;
  if (titled && rest.length > 0 && rest.every(isMetaLine)) return filled;
  if (filled.length > 1 && filled.every(isMetaLine)) return filled;
  if (filled.length === 1 && (matchTableTitle(first) || matchTableNumberLine(first))) return filled;
  return undefined;
}

/**
 * A scrap of a wrapped cell that a PDF converter left above the rows of a table's next page
 * (`(基本建设) 出`): short, no sentence, no title — the table goes on across it, and the scrap is
 * kept with the table's notes.
 */
function isPageTopFragment(text: string, raw: string, at: Provenance, open: OpenTable): boolean {
  const lastPage = open.rows.at(-1)?.at.page;
  if (at.page === undefined || lastPage === undefined || at.page <= lastPage) return false;
  return (
    [...text].length <= 16 &&
    !/[。；;：:，,]/u.test(text) &&
    !matchTableTitle(raw) &&
    !matchTableNumberLine(raw) &&
    !isMetaLine(text) &&
    !/^第[一二三四五六七八九十]+部分|^[一二三四五六七八九十]+、/u.test(text)
  );
}

export function segmentTables(blocks: readonly Block[]): RawTable[] {
  const tables: RawTable[] = [];
  let pending = freshPending();
  let open: OpenTable | undefined;
  let notes: string[] = [];
  const finish = () => {
    if (open) tables.push(close(open, notes));
    open = undefined;
    notes = [];
  };

  let afterMeta = false;
  // `raw` keeps the spaces a title's number is set off by (`表一 部门收支总表`); `text` is the clean line.
  const handleText = (printed: string, at: Provenance, heading: number, wasAfterMeta: boolean): void => {
    // Only OCR misreads a title's 表 (项目绩效目标袁); a text layer's line is taken as printed.
    const raw = (at.confidence !== undefined ? titleWithMisreadEnding(printed) : undefined) ?? printed;
    const text = cleanCellText(raw);
    if (text === '' || FURNITURE.test(text)) return;
    // A line OCR could hardly read (a vertical label, a stamp) must not end the table around it;
    // a misread title is read with doubt too (its 表 was misread), but it is a title.
    if ((at.confidence ?? 100) < UNREADABLE && raw === printed) return;
    // So must a crumb: a few marks with no character in them (`[1]`, `|:`), left by noise or a seal.
    if (at.confidence !== undefined && OCR_CRUMB.test(text)) return;
    if (open) {
      if (NOTE_LINE.test(text)) {
        notes.push(text);
        return;
      }
      // An OCR'd row without amounts does not end its table (it holds no amount to lose).
      if (
        at.confidence !== undefined &&
        ROW_LABEL_LINE.test(text) &&
        !/表$/u.test(text) &&
        !matchTableNumberLine(raw) &&
        !matchTableTitle(raw) &&
        !isMetaLine(text)
      )
        return;
      if (isPageTopFragment(text, raw, at, open)) {
        notes.push(text);
        return;
      }
      finish();
    }
    const number = matchTableNumberLine(raw);
    if (number) {
      pending.number = number;
      return;
    }
    // `“三公”经费、会议费、培训费支出预算` / `表`: a title's last character wrapped onto a line of its own.
    const title = matchTableTitle(raw) ?? titleTail(pending.leadIn, text);
    // `公开 09 表：一般公共预算“三公”经费、会议费、培训费` / `支出预算表`: the second line ends the first.
    const numbered = title && pending.leadIn ? numberedTitleWrapped(pending.leadIn, raw) : undefined;
    if (title) {
      const whole = numbered?.title ?? titleWrappedFrom(pending.leadIn, title.title);
      // The line above was the title's first line, not prose: a page's repeated title continues it.
      if (whole !== title.title) pending.proseSinceTable = pending.proseBeforeLeadIn;
      pending.title = { title: whole, number: numbered?.number ?? title.number ?? pending.number, at: at };
      pending.leadIn = undefined;
      pending.number = undefined;
      pending.unit = unitFromStatement(text);
      pending.meta = [];
      return;
    }
    if (isMetaLine(text)) {
      pending.meta.push(text);
      pending.unit = unitFromStatement(text) ?? pending.unit;
      afterMeta = true;
      return;
    }
    // `（按支出功能分类科目-不含上年结转）` on its own line under the title: the title's qualifier.
    if (pending.title && pending.meta.length === 0 && TITLE_QUALIFIER.test(text)) {
      pending.title = { ...pending.title, title: `${pending.title.title}${text}` };
      return;
    }
    // `部门名称：江苏省人大` … `常委会办公厅`: a meta value wrapped onto a line of its own.
    if (wasAfterMeta && pending.title && isWrappedMetaValue(text)) {
      pending.meta.push(text);
      afterMeta = true;
      return;
    }
    if (NOTE_LINE.test(text)) return;
    // Prose: whatever title was pending belonged to a list (a table of contents), not to a table.
    pending.title = undefined;
    pending.number = undefined;
    pending.unit = undefined;
    pending.meta = [];
    const proseBefore = pending.proseSinceTable;
    pending.proseSinceTable = true;
    if (heading > 0 || /^第[一二三四五六七八九十]+部分/.test(text)) {
      pending.heading = text;
      pending.leadIn = undefined;
    } else {
      pending.leadIn = text;
      pending.proseBeforeLeadIn = proseBefore;
    }
  };
  for (const block of blocks) {
    if (block.kind === 'page' || block.kind === 'blank') continue;
    const wasAfterMeta = afterMeta;
    afterMeta = false;
    if (block.kind === 'rule') {
      const last = open?.rows.at(-1);
      if (open && last) open.rows[open.rows.length - 1] = { ...last, ruleAfter: true };
      continue;
    }
    if (block.kind === 'row') {
      if (block.cells.every((c) => c.raw.trim() === '')) continue;
      const asLines = headingLinesOfRow(block.cells.map((c) => c.raw));
      if (asLines) {
        for (const text of asLines) handleText(text, block.at, 0, wasAfterMeta);
        continue;
      }
      if (!open) {
        open = {
          title: pending.title,
          context: pending.title ? [] : [pending.heading, pending.leadIn].filter((s): s is string => !!s),
          unit: pending.unit,
          meta: pending.meta,
          rows: [],
          afterProse: pending.proseSinceTable,
        };
        const heading = pending.heading;
        pending = freshPending();
        pending.heading = heading;
      }
      open.rows.push({ cells: block.cells, at: block.at, format: block.format, ruleAfter: false });
      continue;
    }
    handleText(block.raw, block.at, block.heading, wasAfterMeta);
  }
  finish();
  return tables;
}
