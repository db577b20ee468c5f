import { cleanCellText, halfWidthDigits } from '../normalize/cellText.ts';
import { stripMarkup } from '../normalize/markup.ts';

/**
 * Recognises table titles as printed: with or without a number (`表 1`, `表一`, `预算01表`, `附表3`,
 * `公开01表`, `一、`, `（一）`, `1.`), with the standard endings (`…表`, `…表（按功能分类）`).
 */

export interface TitleMatch {
  /** The title without its number, markup and wrap whitespace. */
  readonly title: string;
  /** The printed number (`表1`, `预算01表`, `一`), when there is one. */
  readonly number: string | undefined;
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const NUMBER_PREFIX = new RegExp(
  [
    `^(?<a>(?:预算|决算|公开|附)?表\\s*(?:\\d+|${CN_NUM})(?:[-－—]\\d+)?)(?:[:：.、\\s]+|$)`,
    `^(?<b>(?:预算|决算|公开)\\s*\\d+(?:[-－—]\\d+)?\\s*表)(?:[:：.、\\s]*)`,
    `^(?<c>${CN_NUM})[、.．]\\s*`,
    `^[（(](?<d>${CN_NUM}|\\d+)[)）]\\s*`,
    `^(?<e>\\d+)[、.．](?!\\d)\\s*`,
  ].join('|'),
  'u',
);
/** A title ends in 表, optionally followed by a short parenthesised qualifier or year. */
const TITLE_END = /表\s*(?:[（(][^（()）]{1,30}[)）])?\s*$/u;
const NOT_A_TITLE = /^第[一二三四五六七八九十]+部分|[。；;，,]|目\s*录/u;

/** Splits a number prefix from a line; the rest may be a title or empty (`表 1` on its own line). */
export function splitTitleNumber(text: string): { number: string | undefined; rest: string } {
  const match = NUMBER_PREFIX.exec(text);
  if (!match?.groups) return { number: undefined, rest: text };
  const g = match.groups;
  const number = (g.a ?? g.b ?? g.c ?? g.d ?? g.e ?? '').replace(/\s+/g, '');
  return { number, rest: text.slice(match[0].length).trim() };
}

/** A line that is only a table number (`表 1`, `预算01表`, `附表3`), printed above the title. */
export function matchTableNumberLine(raw: string): string | undefined {
  const text = halfWidthDigits(stripMarkup(raw))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  const { number, rest } = splitTitleNumber(text);
  return number !== undefined && rest === '' && /表/.test(number) ? number : undefined;
}

export function matchTableTitle(raw: string): TitleMatch | undefined {
  // Split the number off before wrap spaces are removed: `表一 收入总表` must not become `表一收入总表`.
  const spaced = halfWidthDigits(stripMarkup(raw))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (spaced.length < 4 || spaced.length > 80) return undefined;
  const split = splitTitleNumber(spaced);
  const number = split.number;
  const rest = cleanCellText(split.rest);
  const title = rest.replace(/\s*[（(]\s*\d{4}\s*年度?\s*[)）]\s*$/u, '').trim();
  if (title.length < 3 || NOT_A_TITLE.test(title) || !TITLE_END.test(title)) return undefined;
  // "附表" / "预算表" on their own are section names, not titles.
  if (/^(附表|预算表|决算表|报表)$/.test(title)) return undefined;
  return { title, number };
}
