import { kindFromTitle } from './tableKinds.ts';
import { matchTableTitle } from './titles.ts';

/** Titles a converter wrapped over two lines, told from the prose line above them. */

/**
 * A title wrapped over two lines (`2022年部门综合预算政府采购（资产配置、购买服务）` /
 * `预算表（不含上年结转）`): a short second line that names no kind by itself (预算表, 明细表 …)
 * ends the line above it, when that line is no sentence.
 */
export function titleWrappedFrom(above: string | undefined, title: string): string {
  if (above !== undefined && closesBracketOf(above, title)) return `${above}${title}`;
  const head = title.replace(/[（(][^（()）]*[)）]$/u, '');
  // A line ending on a conjunction (`…“三公”经费及`) is unfinished, however long its second line.
  const unfinished = above !== undefined && /[及和与、]$/u.test(above);
  if (
    !above ||
    (!unfinished && ([...head].length > 5 || kindFromTitle(title) !== undefined)) ||
    /[。；;，,：:]/u.test(above) ||
    [...above].length > 40
  )
    return title;
  return `${above}${title}`;
}

/**
 * `…支出明细表（按支出功能分类科` / `目-不含上年结转）`: the line above opens a bracket the line closes,
 * and opens no other: the qualifier of one title wrapped inside its brackets.
 */
function closesBracketOf(above: string, line: string): boolean {
  return /[（(][^（()）]*$/u.test(above) && /^[^（()）]+[)）]$/u.test(line.trim());
}

/**
 * A line that makes the line above a title: a character or two (`…支出预算` / `表`), or the rest of
 * a bracketed qualifier (closesBracketOf).
 */
export function titleTail(above: string | undefined, line: string): ReturnType<typeof matchTableTitle> {
  if (!above || /[。；;：:]/u.test(above)) return undefined;
  if ([...line].length > 2 && !closesBracketOf(above, line)) return undefined;
  // The tail stands for the title; the line above joins it as a wrapped title's first line does.
  return matchTableTitle(`${above}${line}`) ? { title: line, number: undefined } : undefined;
}

/**
 * `公开 09 表：一般公共预算“三公”经费、会议费、培训费` / `支出预算表`: a numbered title wrapped after its
 * number, the first line no title by itself (it does not end as one), the two lines one.
 */
export function numberedTitleWrapped(above: string, line: string): ReturnType<typeof matchTableTitle> {
  if (/[。；;]/u.test(above) || matchTableTitle(above)) return undefined;
  const joined = matchTableTitle(`${above}${line}`);
  // A 表 number (`公开09表`), not a section's ordinal (`二、表格部分`).
  return joined?.number?.includes('表') ? joined : undefined;
}
