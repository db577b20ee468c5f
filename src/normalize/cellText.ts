import { stripMarkup } from './markup.ts';
import { normalizeCjkRadicals } from './radicals.ts';
import { collapseWhitespace } from './whitespace.ts';

/** The clean text of a cell as printed: markup removed, wrap whitespace removed. */
export function cleanCellText(raw: string): string {
  return collapseWhitespace(normalizeCjkRadicals(stripMarkup(raw)));
}

/** A label loses a trailing colon (`合计:`, `其中：`), never an inner one (`其中:财政资金`). */
export function cleanLabel(raw: string): string {
  return cleanCellText(raw)
    .replace(/[:：]+$/, '')
    .trim();
}

/** The key used to compare labels across tables and converters: no whitespace, half-width forms. */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s:：]/g, '')
    .replace(/[“”"]/g, '"');
}
