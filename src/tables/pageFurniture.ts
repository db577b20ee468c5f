import type { Block } from '../model.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import { unitFromStatement } from '../normalize/unit.ts';
import { isMetaLine } from './segment.ts';
import { matchTableNumberLine, matchTableTitle } from './titles.ts';

/**
 * Running heads and feet: a line a publisher prints at the top or the bottom of page after page
 * (`苏州市交通运输局 2026 年度部门预算公开`, `- 13 -`). Left in, such a line reads as prose between a
 * table and its continuation on the next page, and the continuation comes out as an untitled table.
 * A line is furniture when it stands among the first or last lines of at least three pages and a
 * quarter of the pages that print text. Table titles and meta lines (`部门：…  单位：万元`), which a
 * continuation repeats and which carry the table's unit, never are.
 */

const EDGE_LINES = 2;

function furnitureKey(raw: string): string {
  return cleanCellText(raw).replace(/\s+/gu, '').replace(/\d+/gu, '#');
}

/** The text blocks among the first and last lines of each page, by page. */
function edgeTexts(blocks: readonly Block[]): Map<number, Set<string>> {
  const linesByPage = new Map<number, string[]>();
  for (const b of blocks) {
    if (b.kind !== 'text' && b.kind !== 'row') continue;
    const page = b.at.page;
    if (page === undefined) continue;
    const key = b.kind === 'text' ? furnitureKey(b.raw) : '';
    const list = linesByPage.get(page) ?? [];
    list.push(key);
    linesByPage.set(page, list);
  }
  const edges = new Map<number, Set<string>>();
  for (const [page, keys] of linesByPage) {
    const edge = [...keys.slice(0, EDGE_LINES), ...keys.slice(-EDGE_LINES)].filter((k) => k !== '');
    edges.set(page, new Set(edge));
  }
  return edges;
}

export function runningLines(blocks: readonly Block[]): Set<string> {
  const edges = edgeTexts(blocks);
  const pages = edges.size;
  if (pages < 3) return new Set();
  const count = new Map<string, number>();
  for (const keys of edges.values()) for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  const running = new Set<string>();
  for (const [key, n] of count) if (n >= 3 && n >= pages / 4) running.add(key);
  return running;
}

export function withoutPageFurniture(blocks: readonly Block[]): readonly Block[] {
  const running = runningLines(blocks);
  if (running.size === 0) return blocks;
  return blocks.filter((b) => {
    if (b.kind !== 'text' || !running.has(furnitureKey(b.raw))) return true;
    const text = cleanCellText(b.raw);
    return (
      matchTableTitle(b.raw) !== undefined ||
      matchTableNumberLine(b.raw) !== undefined ||
      isMetaLine(text) ||
      unitFromStatement(text) !== undefined
    );
  });
}
