import type { Block } from '../model.ts';
import { BREAKS, type ChildNode, type Element, isElement, isUnseen, parseHtml } from './htmlDom.ts';
import { isLayoutTable, readTableElement } from './htmlTable.ts';

/**
 * Reads an HTML page by its structure, not by its lines (a page is often served as one line):
 * every data table gives its rows, every block element (paragraph, heading, list item, caption,
 * line break) a text block, so the title before a table stays before it. Scripts, styles, menus,
 * comments and hidden elements give nothing. A table that holds tables lays the page out: its
 * cells are read as page content.
 */

const HEADING = /^h([1-6])$/;

interface Walk {
  readonly blocks: Block[];
  readonly lineAt: (offset: number | null) => number;
  /** Inline text gathered since the last block break, and where it started. */
  text: string;
  textStart: number | null;
  heading: number;
}

function flush(walk: Walk): void {
  const raw = walk.text.replace(/\s+/g, ' ').trim();
  if (raw !== '') {
    walk.blocks.push({
      kind: 'text',
      raw,
      at: { line: walk.lineAt(walk.textStart) },
      heading: walk.heading,
      listItem: false,
    });
  }
  walk.text = '';
  walk.textStart = null;
  walk.heading = 0;
}

function visitTable(walk: Walk, table: Element): void {
  flush(walk);
  const caption = table.children.find((c): c is Element => isElement(c) && c.name === 'caption');
  if (caption) visitBlock(walk, caption, 0);
  for (const row of readTableElement(table, walk.lineAt)) {
    walk.blocks.push({ kind: 'row', cells: row.cells, at: { line: row.line }, format: 'html' });
  }
  // A table ends where its markup ends: what follows is not one of its rows.
  walk.blocks.push({ kind: 'blank', at: { line: walk.lineAt(table.endIndex) } });
}

function visitBlock(walk: Walk, el: Element, heading: number): void {
  flush(walk);
  walk.heading = heading;
  visit(walk, el.children);
  flush(walk);
}

function visit(walk: Walk, nodes: readonly ChildNode[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      if (walk.text.trim() === '' && node.data.trim() !== '') walk.textStart = node.startIndex;
      walk.text += node.data;
      continue;
    }
    if (!isElement(node) || isUnseen(node)) continue;
    if (node.name === 'table' && !isLayoutTable(node)) visitTable(walk, node);
    else if (node.name === 'caption') continue;
    else if (BREAKS.has(node.name)) visitBlock(walk, node, Number(HEADING.exec(node.name)?.[1] ?? 0));
    else visit(walk, node.children);
  }
}

export function readHtmlBlocks(text: string): Block[] {
  const { nodes, lineAt } = parseHtml(text);
  const walk: Walk = { blocks: [], lineAt, text: '', textStart: null, heading: 0 };
  visit(walk, nodes);
  flush(walk);
  return walk.blocks;
}

/**
 * An HTML page rather than a text dump with markup fragments: it opens with a document tag, or it
 * is markup throughout (opens with a tag, holds a table, and has no TAB rows, pipe rows or markdown
 * headings of its own).
 */
export function isHtmlDocument(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart();
  if (/^<(?:!doctype\b|html\b|head\b|body\b|meta\b|title\b|\?xml\b|!--)/i.test(head)) return true;
  if (!/^<[a-z][a-z0-9]*\b[^>]*>/i.test(head) || !/<table\b/i.test(text)) return false;
  return !text.includes('\t') && !/^\s*\|.*\|\s*$|^\s{0,3}#{1,6}\s/m.test(text);
}
