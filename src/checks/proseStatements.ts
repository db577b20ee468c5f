import { parseAmount } from '../normalize/amount.ts';
import { isOrganisationName } from '../normalize/organisation.ts';
import { fundOf, opensClause, scopedQuantity } from './proseScope.ts';
import type { QuantityName } from './quantities.ts';

/**
 * Amounts stated in the narrative (`部门预算收入 8,785 万元`, `“三公”经费预算597万元`,
 * `收入预算为3,088.70万元`, `2026年度收入预算101,673.03万元`). Only a figure that follows its
 * keyword directly is read, so year-on-year changes (`比2021年增加2,359万元`) are never taken for it.
 */

export interface ProseLine {
  readonly text: string;
  readonly line?: number;
  readonly page?: number;
  /** OCR confidence of the line (scanned narratives). */
  readonly confidence?: number;
}

export interface ProseStatement {
  readonly quantity: QuantityName;
  /** What the tables call the quantity (`收入总计`). */
  readonly label: string;
  /** The words of the statement as printed. */
  readonly text: string;
  /** The organisation named right before the statement (`…龙华分局部门预算收入`). */
  readonly subject?: string;
  /** The stated amount, exact decimal as printed (grouping removed). */
  readonly value: string;
  readonly unit: '万元';
  readonly line?: number;
  readonly page?: number;
  readonly confidence?: number;
}

const NUMBER = '([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\\s*万元';
const LEAD = '(?:\\d{4}\\s*年度?)?(?:预算(?:数|安排)?)?(?:为|是)?\\s*';
// `2026年度收入预算 101,673.03 万元`, `2026年支出预算101,673.03万元`: the year's figure.
const YEAR = '\\d{4}\\s*年度?\\s*';
// Quotes as printed and as OCR reads them (“三公”, "三公", “三公“, ‘三公’, 三公).
const QUOTED_THREE_PUBLIC = '[“”"‘’\'「」]?三公[“”"‘’\'「」]?';

const STATEMENTS: ReadonlyArray<readonly [RegExp, QuantityName, string]> = [
  [
    new RegExp(
      `(?:部门预算收入|收入预算为|预算收入为|收入预算总额为?|${YEAR}收入预算(?:为|是)?)\\s*${NUMBER}`,
      'u',
    ),
    'income_total',
    '收入总计',
  ],
  [
    new RegExp(
      `(?:部门预算支出|支出预算为|预算支出为|支出预算总额为?|${YEAR}支出预算(?:为|是)?)\\s*${NUMBER}`,
      'u',
    ),
    'expense_total',
    '支出总计',
  ],
  [
    new RegExp(`${QUOTED_THREE_PUBLIC}经费(?:财政拨款)?${LEAD}${NUMBER}`, 'u'),
    'three_public_total',
    '“三公”经费',
  ],
  [new RegExp(`一般公共预算支出\\s*${NUMBER}`, 'u'), 'general_expense_total', '一般公共预算支出'],
  [
    new RegExp(`一般公共预算(?:财政)?拨款收入\\s*${NUMBER}`, 'u'),
    'income_general_budget',
    '一般公共预算拨款收入',
  ],
  [new RegExp(`上年结转(?:结余)?(?:资金)?\\s*${NUMBER}`, 'u'), 'income_carried_forward', '上年结转结余'],
  [new RegExp(`(?:财政拨款)?项目支出(?:预算)?\\s*${NUMBER}`, 'u'), 'expense_summary_project', '项目支出'],
  [new RegExp(`(?:财政拨款)?基本支出(?:预算)?\\s*${NUMBER}`, 'u'), 'expense_summary_basic', '基本支出'],
  [
    new RegExp(`因公出国[（(]境[）)](?:费用?|经费)[。，.,]?${LEAD}${NUMBER}`, 'u'),
    'three_public_abroad',
    '因公出国（境）费',
  ],
  [new RegExp(`公务接待费[。，.,]?${LEAD}${NUMBER}`, 'u'), 'three_public_reception', '公务接待费'],
  [
    new RegExp(`公务用车购置[及和]运行(?:维护)?费[。，.,]?${LEAD}${NUMBER}`, 'u'),
    'three_public_vehicles',
    '公务用车购置及运行费',
  ],
  [
    new RegExp(`政府采购(?:项目)?[^。；]{0,24}?(?:共计|总额|合计)\\s*${NUMBER}`, 'u'),
    'procurement_total',
    '政府采购',
  ],
];

/** A change is stated, not the figure: `增加基本支出 844.15 万元`. */
const CHANGE_BEFORE = /(?:增加|减少|增长|下降|增|减|较上年|比上年|同比)$/u;

/**
 * Spaces carry nothing inside Chinese prose or a number, and OCR puts them anywhere
 * (`2026 年 度收入预算101, 673. 03 万元`); between two plain numbers one is kept.
 */
function compact(text: string): string {
  return (
    text
      // `(?<!\s)`: a run is tried from its first space only; tried from each of its spaces, a long run
      // before a letter cost time quadratic in its length (20,000 spaces: 2 s).
      .replace(
        /(?<=[\p{Script=Han}，。、：；（）“”])\s+|(?<!\s)\s+(?=[\p{Script=Han}，。、：；（）“”])/gu,
        '',
      )
      .replace(/(?<=[0-9][,，.．])\s+(?=[0-9])|(?<=[0-9])\s+(?=[,，.．][0-9])/gu, '')
      .replace(/\s+/gu, ' ')
  );
}

/** The first match of `pattern` starting on the line (before `ownLength`) that `accept` takes. */
function firstStatement(
  pattern: RegExp,
  text: string,
  ownLength: number,
  accept: (before: string) => boolean,
): RegExpExecArray | undefined {
  const all = new RegExp(pattern.source, 'gu');
  for (let match = all.exec(text); match && match.index < ownLength; match = all.exec(text)) {
    if (accept(text.slice(0, match.index))) return match;
  }
  return undefined;
}

/** Statements a unit's section makes of the unit (`…龙华分局部门预算收入`) as of the department. */
const ORGANISATION_SUBJECT: ReadonlySet<QuantityName> = new Set(['income_total', 'expense_total']);

/** The organisation named right before a statement: the run of words the clause opens with. */
function organisationBefore(before: string): string | undefined {
  const name = /[\p{Script=Han}（）()]+$/u.exec(before)?.[0];
  return name && isOrganisationName(name) ? name : undefined;
}

/** A figure the text states for the quantity: not a change, not a narrower subject's figure. */
function stated(quantity: QuantityName, before: string): boolean {
  if (CHANGE_BEFORE.test(before.slice(-4))) return false;
  if (quantity.startsWith('three_public')) return !OPERATING_COSTS_SENTENCE.test(before);
  return before === '' || opensClause(before);
}

/**
 * `机关运行经费预算总计82万元，其中：…公务接待费2万元`: the 机关 part of a 三公 item, within the sentence
 * on operating costs, not the department's 三公 figure.
 */
const OPERATING_COSTS_SENTENCE = /机关运行经费[^。；;]*$/u;

/** What the tables call a quantity whose fund the text narrows. */
const SCOPED_LABEL: Partial<Record<QuantityName, string>> = {
  general_expense_basic: '一般公共预算 基本支出',
  general_expense_project: '一般公共预算 项目支出',
  fiscal_expense_basic: '财政拨款 基本支出',
  fiscal_expense_project: '财政拨款 项目支出',
};

/** Whether the statement may be about one fund alone (`其中：基本支出…` after a 一般公共预算 sentence). */
const FUND_SCOPED: ReadonlySet<QuantityName> = new Set(['expense_summary_basic', 'expense_summary_project']);

export function readProseStatements(prose: readonly ProseLine[]): ProseStatement[] {
  const out: ProseStatement[] = [];
  const seen = new Set<string>();
  // The page's text before the current line: a statement's subject may be named sentences back.
  let pageBefore = '';
  prose.forEach((line, i) => {
    if (i > 0 && prose[i - 1]?.page !== line.page) pageBefore = '';
    // A page's lines wrap anywhere (`…政府采购预算总` / `额55,307.45万元`): a statement may run on
    // into the next line of the same page; it belongs to the line it starts on.
    const next = prose[i + 1];
    const own = compact(line.text);
    const text = next && next.page === line.page && line.page !== undefined ? own + compact(next.text) : own;
    for (const [pattern, quantity, label] of STATEMENTS) {
      // A statement opening its line opens a clause (a heading or a paragraph ends the line above).
      const match = firstStatement(pattern, text, own.length, (before) => stated(quantity, before));
      if (!match) continue;
      const before = pageBefore + text.slice(0, match.index);
      const reading = parseAmount(match[1] ?? '');
      if (reading.kind !== 'amount') continue;
      const scoped = FUND_SCOPED.has(quantity)
        ? scopedQuantity(quantity, fundOf(match[0], before))
        : quantity;
      const subject = ORGANISATION_SUBJECT.has(quantity)
        ? organisationBefore(text.slice(0, match.index))
        : undefined;
      const key = `${scoped}|${reading.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        quantity: scoped,
        label: SCOPED_LABEL[scoped] ?? label,
        text: match[0].trim(),
        ...(subject ? { subject } : {}),
        value: reading.value,
        unit: '万元',
        ...(line.line !== undefined ? { line: line.line } : {}),
        ...(line.page !== undefined ? { page: line.page } : {}),
        ...(line.confidence !== undefined ? { confidence: line.confidence } : {}),
      });
    }
    pageBefore = (pageBefore + own).slice(-400);
  });
  return out;
}
