import type { QuantityName } from './quantities.ts';

/**
 * What a narrative figure is about, read from the words before it. The same keyword names the
 * department's figure or a narrower one: `支出预算为0万元` closes `国有资本经营预算拨款支出预算为0万元`,
 * `项目支出304.16万元` closes a project's name, `支出预算总额` follows `政府采购`. And `其中：基本支出…`
 * continues the sentence before it, which may be about the 一般公共预算 or 财政拨款 alone.
 */

/**
 * A keyword states the department's own figure when it opens a clause: after punctuation, a number,
 * a year (`2026年度`), `本`/`其中`/`为`/`是`/`安排`/`公开`, or the department's name (`…信访局部门预算收入`).
 * Any other word before it narrows the subject (`…拨款`, `…采购`, `…评审项目`).
 */
const CLAUSE_OPENER =
  /(?:^|[^\p{Script=Han}]|[年度本中为是排开占门]|[局委会办室厅署院位心部所站馆处队社府])$/u;

export function opensClause(before: string): boolean {
  return CLAUSE_OPENER.test(before);
}

export type Fund = 'general_budget' | 'fiscal';

const SENTENCE_END = /[。!！?？]/u;
const CLAUSE_END = /[。；;!！?？]/u;
const OPENS_WITH_OF_WHICH = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)])?\s*其中/u;

/**
 * The fund a basic/project statement is about: named in its own clause (`财政拨款基本支出`), or in
 * the sentence it belongs to — the sentence before it when it opens with `其中`
 * (`…一般公共预算财政拨款支出12,672.73万元。其中：基本支出5,445.39万元`).
 */
export function fundOf(statement: string, before: string): Fund | undefined {
  // Named in the statement, or in the clause it stands in (`…；项目支出7,227.34万元`) …
  const named = fundNamed(statement) ?? fundNamed(before.split(CLAUSE_END).at(-1) ?? '');
  if (named) return named;
  // … or, when its sentence opens with 其中, in the sentence before (`…一般公共预算财政拨款支出…。
  // 其中:基本支出…；项目支出…`).
  const sentences = before.split(SENTENCE_END);
  if (!OPENS_WITH_OF_WHICH.test(sentences.at(-1) ?? '')) return undefined;
  return fundNamed(sentences.at(-2) ?? '');
}

function fundNamed(text: string): Fund | undefined {
  if (/一般公共预算/u.test(text)) return 'general_budget';
  if (/(?<!非)财政拨款/u.test(text)) return 'fiscal';
  return undefined;
}

/** The quantity a basic/project statement states, given its fund. */
export function scopedQuantity(quantity: QuantityName, fund: Fund | undefined): QuantityName {
  if (fund === undefined) return quantity;
  if (quantity === 'expense_summary_basic')
    return fund === 'general_budget' ? 'general_expense_basic' : 'fiscal_expense_basic';
  if (quantity === 'expense_summary_project')
    return fund === 'general_budget' ? 'general_expense_project' : 'fiscal_expense_project';
  return quantity;
}
