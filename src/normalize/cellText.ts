import { stripMarkup } from './markup.ts';
import { normalizeCjkRadicals } from './radicals.ts';
import { collapseWhitespace } from './whitespace.ts';

/**
 * Full-width digits (`２０１`, `预算０１表`) as ASCII: some converters print every digit full-width, and a
 * code or a table number must read the same either way. Other full-width forms (`（一）`) are kept as printed.
 */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The clean text of a cell as printed: markup removed, wrap whitespace removed, digits half-width. */
export function cleanCellText(raw: string): string {
  return collapseWhitespace(normalizeCjkRadicals(halfWidthDigits(stripMarkup(raw))));
}

/** A label loses a trailing colon (`合计:`, `其中：`), never an inner one (`其中:财政资金`). */
export function cleanLabel(raw: string): string {
  return (
    cleanCellText(raw)
      // `(?<![:：])`: tried from the first colon of a run only, so a long run costs its length once.
      .replace(/(?<![:：])[:：]+$/, '')
      .trim()
  );
}

/** The key used to compare labels across tables and converters: no whitespace, half-width forms. */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s:：]/g, '')
    .replace(/[“”"]/g, '"');
}
