import { median } from '../../normalize/median.ts';
import type { TextItem } from './pageContent.ts';

/**
 * Some spreadsheet exporters leave a copy of a narrow cell's wrapped glyphs on the page at about
 * half the text's size, drawn over another cell (Xi'an's 表13: `购`, `置`, `费` in 2.35 pt over the
 * 4.34 pt header `一般公共预算拨款安排的“三公”经费预算`). They are no text anyone reads; kept, they join
 * the header of the cell they fall in. A glyph or two printed at well under the page's text size is
 * dropped: real text that small stands in runs (a footnote), and a page set in that size throughout
 * has that size as its median.
 */

/** Smaller than this share of the page's median text size, a short run is a stray. */
const STRAY_SIZE_SHARE = 0.6;
/** Runs longer than this are text, whatever their size. */
const STRAY_MAX_CHARS = 2;

export function withoutStrayGlyphs(items: readonly TextItem[]): readonly TextItem[] {
  const middle = median(items.map((item) => item.size));
  const stray = (item: TextItem) =>
    item.size < middle * STRAY_SIZE_SHARE && [...item.text.trim()].length <= STRAY_MAX_CHARS;
  return items.some(stray) ? items.filter((item) => !stray(item)) : items;
}
