import type { Block } from '../../model.ts';
import { cleanCellText } from '../../normalize/cellText.ts';
import { isMetaLine } from '../../tables/segment.ts';
import { matchTableNumberLine, matchTableTitle } from '../../tables/titles.ts';
import { dropFakeBold, groupLines, joinItems, type Line } from './lines.ts';
import type { PageContent } from './pageContent.ts';
import { findRuledTables } from './ruledGrid.ts';
import { readUnruledTable, tabularRuns } from './unruledTable.ts';

/**
 * One page → blocks in reading order (top to bottom): text lines, and table rows read from ruled
 * grids or from aligned columns. Every block and cell carries its page and bounding box.
 */

type Placed = { readonly top: number; readonly blocks: Block[] };

const round = (n: number) => Math.round(n * 10) / 10;
const box = (b: readonly number[]): [number, number, number, number] => [
  round(b[0]!),
  round(b[1]!),
  round(b[2]!),
  round(b[3]!),
];

/** A grid row holding only a title, a unit or a meta line: a page-wide frame caught it; it is text. */
function isTextRow(cells: readonly { readonly text: string }[]): string | undefined {
  const filled = cells.map((c) => c.text.trim()).filter((t) => t !== '');
  if (filled.length !== 1) return undefined;
  const text = filled[0]!;
  return matchTableTitle(text) || matchTableNumberLine(text) || isMetaLine(cleanCellText(text))
    ? text
    : undefined;
}

export function pageBlocks(content: PageContent, page: number): Block[] {
  const items = dropFakeBold(content.items);
  const ruled = findRuledTables(content.horizontal, content.vertical, items);
  const placed: Placed[] = ruled.tables.map((table) => ({
    top: table.bbox[1],
    blocks: table.rows.map((row): Block => {
      const text = isTextRow(row.cells);
      if (text !== undefined)
        return { kind: 'text', raw: text, at: { page, bbox: box(row.bbox) }, heading: 0, listItem: false };
      return {
        kind: 'row',
        format: 'layout',
        at: { page, bbox: box(row.bbox) },
        cells: row.cells.map((cell) => ({ raw: cell.text, at: { page, bbox: box(cell.bbox) } })),
      };
    }),
  }));
  const lines = groupLines(ruled.rest);
  const inTable = new Set<Line>();
  for (const [start, end] of tabularRuns(lines)) {
    const run = lines.slice(start, end + 1);
    for (const l of run) inTable.add(l);
    placed.push({
      top: run[0]!.top,
      blocks: readUnruledTable(run).map(
        (row): Block => ({
          kind: 'row',
          format: 'layout',
          at: { page, bbox: box(row.bbox) },
          cells: row.cells.map((cell) => ({ raw: cell.text, at: { page, bbox: box(cell.bbox) } })),
        }),
      ),
    });
  }
  for (const line of lines) {
    if (inTable.has(line)) continue;
    placed.push({
      top: line.top,
      blocks: [
        {
          kind: 'text',
          raw: joinItems(line.items),
          at: { page, bbox: box([line.x0, line.top, line.x1, line.bottom]) },
          heading: 0,
          listItem: false,
        },
      ],
    });
  }
  placed.sort((a, b) => a.top - b.top);
  const size = { width: round(content.width), height: round(content.height) };
  return [{ kind: 'page', page, ...size }, ...placed.flatMap((p) => p.blocks)];
}
