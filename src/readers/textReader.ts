import type { Block, Cell, Problem } from '../model.ts';
import { isHtmlDocument, readHtmlBlocks } from './htmlReader.ts';
import { readHtmlTable } from './htmlTable.ts';

/**
 * Turns a text dump into blocks. Recognised row formats: TAB-separated cells (most converters),
 * markdown pipe tables, and HTML `<table>` markup. Everything else is a text line; markdown heading
 * and list markers are noted and removed. An HTML page is read by its structure (htmlReader.ts).
 */

/**
 * No budget table has a thousand columns; a line split into more cells is text. As a grid row it
 * made every row of its table that wide (a 1 MB line of TABs: 14 s, 620 MiB, then a stack overflow).
 */
export const MAX_ROW_CELLS = 1000;

const PIPE_ROW = /^\s*\|(.*)\|\s*$/;
const PIPE_RULE_CELL = /^\s*:?-+:?\s*$/;
const HEADING_START = /^\s{0,3}(#{1,6})\s/;
const LIST_ITEM = /^\s*[-*+]\s+(.*)$/;

function splitPipeCells(inner: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '\\' && inner[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

/**
 * A markdown heading: its level and its text without the closing hashes. Read in two steps, not one
 * pattern: `(.*?)\s*#*\s*$` tried every end of a line with a long run of spaces (a 20 KB line of
 * spaces ran past a minute).
 */
export function readHeading(raw: string): { level: number; text: string } | undefined {
  const start = HEADING_START.exec(raw);
  if (!start) return undefined;
  const text = raw.slice(start[0].length).trim();
  return { level: start[1]?.length ?? 1, text: text.replace(/(?<!#)#+$/, '').trimEnd() };
}

function toCells(texts: readonly string[], line: number): Cell[] {
  return texts.map((raw) => ({ raw, at: { line } }));
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The line's cells as a row, or a text block and a warning when there are too many of them. */
function rowOrText(
  cells: readonly string[],
  raw: string,
  line: number,
  format: 'tab' | 'pipe',
  problems: Problem[],
): Block {
  if (cells.length <= MAX_ROW_CELLS)
    return { kind: 'row', cells: toCells(cells, line), at: { line }, format };
  problems.push({
    severity: 'warning',
    code: 'row-too-wide',
    message: `line ${line} splits into ${cells.length} cells, over ${MAX_ROW_CELLS}: read as text, not as a table row`,
    stage: 'read',
    at: { line },
  });
  return { kind: 'text', raw, at: { line }, heading: 0, listItem: false };
}

/** The blocks of a text dump; what was read otherwise than it looks is added to `problems`. */
export function readTextBlocks(text: string, problems: Problem[] = []): Block[] {
  return isHtmlDocument(text) ? readHtmlBlocks(text) : readLineBlocks(text, problems);
}

function readLineBlocks(text: string, problems: Problem[]): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    const at = { line };
    if (/<table\b/i.test(raw)) {
      let end = i;
      while (end < lines.length - 1 && !/<\/table>/i.test(lines[end] ?? '')) end++;
      const markup = lines.slice(i, end + 1).join('\n');
      const before = raw.slice(0, raw.search(/<table\b/i)).trim();
      if (before !== '') blocks.push({ kind: 'text', raw: before, at, heading: 0, listItem: false });
      for (const row of readHtmlTable(markup.slice(markup.search(/<table\b/i)), line)) {
        blocks.push({ kind: 'row', cells: row.cells, at: { line: row.line }, format: 'html' });
      }
      i = end;
      continue;
    }
    if (raw.trim() === '') {
      blocks.push({ kind: 'blank', at });
      continue;
    }
    const pipe = PIPE_ROW.exec(raw);
    if (pipe) {
      const cells = splitPipeCells(pipe[1] ?? '');
      if (cells.every((c) => PIPE_RULE_CELL.test(c))) blocks.push({ kind: 'rule', at });
      else blocks.push(rowOrText(cells, raw, line, 'pipe', problems));
      continue;
    }
    if (raw.includes('\t')) {
      blocks.push(rowOrText(raw.split('\t'), raw, line, 'tab', problems));
      continue;
    }
    const heading = readHeading(raw);
    if (heading) {
      blocks.push({ kind: 'text', raw: heading.text, at, heading: heading.level, listItem: false });
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      blocks.push({ kind: 'text', raw: item[1] ?? '', at, heading: 0, listItem: true });
      continue;
    }
    blocks.push({ kind: 'text', raw, at, heading: 0, listItem: false });
  }
  return blocks;
}
