import type { Block, Cell } from '../model.ts';
import { isHtmlDocument, readHtmlBlocks } from './htmlReader.ts';
import { readHtmlTable } from './htmlTable.ts';

/**
 * Turns a text dump into blocks. Recognised row formats: TAB-separated cells (most converters),
 * markdown pipe tables, and HTML `<table>` markup. Everything else is a text line; markdown heading
 * and list markers are noted and removed. An HTML page is read by its structure (htmlReader.ts).
 */

const PIPE_ROW = /^\s*\|(.*)\|\s*$/;
const PIPE_RULE_CELL = /^\s*:?-+:?\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
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

function toCells(texts: readonly string[], line: number): Cell[] {
  return texts.map((raw) => ({ raw, at: { line } }));
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function readTextBlocks(text: string): Block[] {
  return isHtmlDocument(text) ? readHtmlBlocks(text) : readLineBlocks(text);
}

function readLineBlocks(text: string): Block[] {
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
      else blocks.push({ kind: 'row', cells: toCells(cells, line), at, format: 'pipe' });
      continue;
    }
    if (raw.includes('\t')) {
      blocks.push({ kind: 'row', cells: toCells(raw.split('\t'), line), at, format: 'tab' });
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      blocks.push({
        kind: 'text',
        raw: heading[2] ?? '',
        at,
        heading: heading[1]?.length ?? 1,
        listItem: false,
      });
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
