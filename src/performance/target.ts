import { collapseWhitespace } from '../normalize/whitespace.ts';

/**
 * Reads a performance target as printed (`≥98%`, `不少于105个`, `20个及以上`, `≤3 万`, `及时`,
 * `≥2019.3&&≤2019.9`) into operator, numeric value and unit. The printed text is always kept:
 * the reading adds structure, it never replaces what was printed.
 */

export type Operator = '>=' | '<=' | '>' | '<' | '=' | 'qualitative';

export interface TargetReading {
  readonly operator: Operator;
  /** Exact decimal string as printed (separators removed), empty for qualitative targets. */
  readonly value: string;
  readonly unit: string;
}

const SYMBOL_OPERATORS: ReadonlyArray<readonly [RegExp, Operator]> = [
  [/^(?:≥|>=|＞=|⩾|≧)/u, '>='],
  [/^(?:≤|<=|＜=|⩽|≦)/u, '<='],
  [/^(?:>|＞)/u, '>'],
  [/^(?:<|＜)/u, '<'],
  [/^(?:=|＝|==)/u, '='],
];

/** Word operators before the number; longer words first (`大于等于` before `大于`). */
const WORD_OPERATORS: ReadonlyArray<readonly [string, Operator]> = [
  ['大于等于', '>='],
  ['大于或等于', '>='],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['小于等于', '<='],
  ['小于或等于', '<='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['最多', '<='],
  ['控制在', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['等于', '='],
  ['达到', '='],
];

/** Word operators after the number and unit. */
const SUFFIX_OPERATORS: ReadonlyArray<readonly [RegExp, Operator]> = [
  [/(?:及|或)?以上$/u, '>='],
  [/(?:及|或)?以下$/u, '<='],
  [/以内$/u, '<='],
];

const NUMBER = /[-+]?\d+(?:,\d{3})*(?:\.\d+)?/u;
/** A date, with the deadline words that follow it (`2025年12月前`, `2025年12月31日之前`, `年底前`). */
const DATE_LIKE =
  /^\d{4}\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[-/.]\d{1,2}[-/.]\d{1,2})(?:之?前|以前|底|末|内|止)?$/u;
const INNER_SYMBOL =
  /^[^\d≥≤<>=＞＜＝⩾⩽≧≦]{1,12}?(≥|>=|＞=|⩾|≧|≤|<=|＜=|⩽|≦|>|＞|<|＜|=|＝)\s*(?=[-+]?[\d\uff10-\uff19])/u;
/** Targets for several named parts in one cell: `项目立项数量≥400个；项目终验数量≥400个。` */
const CLAUSE_SEPARATOR = /\s*[；;]\s*/u;
const RANGE_SEPARATOR = /\s*(?:&&|＆＆|且|并且)\s*/u;
const QUALITATIVE_WORDS = /^(?:定性|\/|—|-)$/u;
const TRAILING_NOISE = /[。；;，,、.\s]+$|等$/u;

function cleanTarget(text: string): string {
  let t = collapseWhitespace(text);
  let previous = '';
  while (previous !== t) {
    previous = t;
    t = t.replace(TRAILING_NOISE, '').trim();
  }
  return t;
}

const QUALITATIVE: TargetReading = { operator: 'qualitative', value: '', unit: '' };

function readOne(text: string): TargetReading {
  let rest = cleanTarget(text);
  if (rest === '' || QUALITATIVE_WORDS.test(rest) || DATE_LIKE.test(rest)) return QUALITATIVE;
  let operator: Operator | undefined;
  for (const [pattern, op] of SYMBOL_OPERATORS) {
    const m = pattern.exec(rest);
    if (m) {
      operator = op;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  if (!operator) {
    // A qualifier before the operator: `全年≥10000家次`, `项目立项数量≥400个`.
    const m = INNER_SYMBOL.exec(rest);
    if (m) {
      for (const [pattern, op] of SYMBOL_OPERATORS) {
        if (pattern.test(m[1]!)) {
          operator = op;
          rest = rest.slice((m.index ?? 0) + m[0].length).trim();
          break;
        }
      }
    }
  }
  if (!operator) {
    for (const [word, op] of WORD_OPERATORS) {
      if (rest.startsWith(word)) {
        operator = op;
        rest = rest.slice(word.length).trim();
        break;
      }
    }
  }
  const digits = asciiDigits(rest);
  const number = NUMBER.exec(digits);
  if (!number || DATE_LIKE.test(digits)) return QUALITATIVE;
  let unit = rest.slice((number.index ?? 0) + number[0].length).trim();
  for (const [pattern, op] of SUFFIX_OPERATORS) {
    if (pattern.test(unit)) {
      operator ??= op;
      unit = unit.replace(pattern, '').trim();
      break;
    }
  }
  // Words before the number that are not an operator ("办证总数的5%") stay in the printed text only.
  const value = number[0].replace(/,/g, '').replace(/^\+/, '');
  return { operator: operator ?? '=', value, unit };
}

/** Full-width digits and separators to ASCII, one character for one, so positions stay the same. */
function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0b\uff0c\uff0d\uff0e]/gu, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** One reading per bound: a range (`≥2019.3&&≤2019.9`) gives two. */
export function parseTarget(text: string): TargetReading[] {
  const parts = cleanTarget(text)
    .split(RANGE_SEPARATOR)
    .filter((p) => p !== '');
  if (parts.length <= 1) {
    const clauses = cleanTarget(text)
      .split(CLAUSE_SEPARATOR)
      .filter((p) => p !== '');
    if (clauses.length > 1 && clauses.every((c) => /[\d\uff10-\uff19]/u.test(c))) return clauses.map(readOne);
    return [readOne(text)];
  }
  return parts.map(readOne);
}

/**
 * What OCR makes of an operator standing alone in its cell (seen on scans of Beijing 预算12/13表):
 * `≥` as 之 or IV, `≤` as 三. None of these is ever an operator word, so the cell can only be
 * the symbol misread.
 */
const MISREAD_OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ['之', '>='],
  ['IV', '>='],
  ['Ⅳ', '>='],
  ['三', '<='],
]);

/** Maps a direction cell (`大于等于`, `≥`, `定性`) to an operator, as in tables that print it apart. */
export function operatorFromDirection(direction: string): Operator | undefined {
  const d = collapseWhitespace(direction);
  if (d === '') return undefined;
  const misread = MISREAD_OPERATORS.get(d);
  if (misread) return misread;
  if (/^定性$/.test(d)) return 'qualitative';
  for (const [pattern, op] of SYMBOL_OPERATORS) if (pattern.test(d) && d.length <= 2) return op;
  for (const [word, op] of WORD_OPERATORS) if (d === word) return op;
  if (/^定量$/.test(d)) return '=';
  return undefined;
}
