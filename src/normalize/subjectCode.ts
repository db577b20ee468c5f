/**
 * 科目编码: the national classification codes printed in budget tables.
 * - 功能分类 (function): 类 3 digits 201–235, 款 5 digits, 项 7 digits (`2010301` 行政运行);
 * - 部门预算支出经济分类 (department economic): 类 3 digits (301 工资福利支出 …), 款 5, and 7-digit 目 (`3021101`);
 * - 政府预算支出经济分类 (government economic): 类 3 digits 501–599, 款 5 digits (`50101`).
 */

export type CodeScheme = 'function' | 'economic' | 'government_economic';
/** 类 / 款 / 项 — the depth of a code in its classification. */
export type CodeLevel = 1 | 2 | 3;

export interface SubjectCode {
  readonly code: string;
  readonly scheme: CodeScheme;
  readonly level: CodeLevel;
  /** The code one level up (`20103` for `2010301`), absent for a 类. */
  readonly parent: string | undefined;
}

const ECONOMIC_CLASSES = new Set([
  '301',
  '302',
  '303',
  '304',
  '307',
  '309',
  '310',
  '311',
  '312',
  '313',
  '399',
]);

function schemeOfClass(head: string): CodeScheme | undefined {
  const n = Number(head);
  if (n >= 201 && n <= 235) return 'function';
  if (ECONOMIC_CLASSES.has(head)) return 'economic';
  if ((n >= 501 && n <= 514) || n === 599) return 'government_economic';
  return undefined;
}

/** Reads a bare code (`201`, `30101`, `3021101`); `undefined` when it is not a subject code. */
export function readSubjectCode(text: string): SubjectCode | undefined {
  const code = text.trim();
  if (!/^(\d{3}|\d{5}|\d{7})$/.test(code)) return undefined;
  const scheme = schemeOfClass(code.slice(0, 3));
  if (!scheme) return undefined;
  const level = (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) as CodeLevel;
  const parent = code.length === 3 ? undefined : code.slice(0, code.length - 2);
  return { code, scheme, level, parent };
}

export interface CodedLabel {
  readonly code: SubjectCode | undefined;
  readonly name: string;
}

const CODED = /^(\d{3}|\d{5}|\d{7})(?:\s*[-－—–.．、:：]\s*|\s+|(?=[^\d\s.,]))(.*)$/u;
/** `[201]一般公共服务支出`, `【2010501】行政运行` (Guangzhou). */
const BRACKETED = /^[[［【(（]\s*(\d{3}|\d{5}|\d{7})\s*[\]］】)）]\s*(.*)$/u;

/**
 * Splits `2010301-行政运行`, `30101 基本工资`, `50101-工资奖金津补贴` or a bare `201` into code and name.
 * Text that does not start with a valid subject code is returned whole as the name.
 */
export function splitCodedLabel(text: string): CodedLabel {
  const trimmed = text.trim();
  const bare = readSubjectCode(trimmed);
  if (bare) return { code: bare, name: '' };
  const match = CODED.exec(trimmed) ?? BRACKETED.exec(trimmed);
  if (match) {
    const code = readSubjectCode(match[1] ?? '');
    const name = (match[2] ?? '').trim();
    if (code && name !== '') return { code, name };
  }
  return { code: undefined, name: trimmed };
}
