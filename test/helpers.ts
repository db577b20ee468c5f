import type { Block } from '../src/model.ts';
import { readTextBlocks } from '../src/readers/textReader.ts';
import type { RawRow } from '../src/tables/rawTable.ts';

/** Rows of a small tab-separated fixture (`⇥` may stand for a tab to keep fixtures readable). */
export function rowsOf(text: string): RawRow[] {
  return readTextBlocks(text.replace(/⇥/g, '\t'))
    .filter((b): b is Extract<Block, { kind: 'row' }> => b.kind === 'row')
    .map((b) => ({ cells: b.cells, at: b.at, format: b.format, ruleAfter: false }));
}

export function blocksOf(text: string): Block[] {
  return readTextBlocks(text.replace(/⇥/g, '\t'));
}

/** A text line of a PDF page, as the PDF reader gives it. */
export function textOnPage(raw: string, page: number): Block {
  return { kind: 'text', raw, at: { page }, heading: 0, listItem: false };
}

/** A row of cells of a PDF page, as the layout reader gives it. */
export function rowOnPage(raws: readonly string[], page: number): Block {
  return { kind: 'row', cells: raws.map((raw) => ({ raw, at: { page } })), at: { page }, format: 'layout' };
}
