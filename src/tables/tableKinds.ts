/** The canonical table kinds of the output contract, and how standard titles map to them. */

export const TABLE_KINDS = [
  'income_expense_summary',
  'income_summary',
  'expense_summary',
  'basic_expense_summary',
  'project_expense_summary',
  'fiscal_appropriation_summary',
  'general_budget_expense',
  'general_budget_economic_expense',
  'fiscal_appropriation_expense',
  'general_budget_basic_expense',
  'three_public_expense',
  'gov_fund_expense',
  'state_capital_expense',
  'gov_procurement',
  'gov_purchased_services',
  'transfer_payment',
  'project_performance',
  'department_performance',
  'other',
] as const;

export type TableKind = (typeof TABLE_KINDS)[number];

export const PERFORMANCE_KINDS: ReadonlySet<TableKind> = new Set([
  'project_performance',
  'department_performance',
]);

/**
 * Ordered: the first pattern that matches a title (whitespace removed, half-width forms) wins, so the
 * specific titles come before the general ones (`财政拨款收支总表` before `收支总表`). Covers 预算 and
 * 决算 wording and the numbered variants of Shenzhen, Beijing, Xiamen, Guangzhou, Shanghai, Jiangsu.
 */
const TITLE_RULES: ReadonlyArray<readonly [RegExp, TableKind]> = [
  [/(部门|单位)(整体)?(支出|预算)?绩效目标|整体(支出|预算)?绩效/, 'department_performance'],
  [/绩效目标|绩效指标/, 'project_performance'],
  [/三公/, 'three_public_expense'],
  [/政府性基金/, 'gov_fund_expense'],
  [/国有资本经营/, 'state_capital_expense'],
  [/政府购买服务/, 'gov_purchased_services'],
  [/政府采购/, 'gov_procurement'],
  [/转移支付/, 'transfer_payment'],
  [/机关运行经费|会议费|培训费/, 'other'],
  [/一般公共预算(财政)?(拨款)?基本支出/, 'general_budget_basic_expense'],
  [/一般公共预算(财政)?(拨款)?支出.*经济分类/, 'general_budget_economic_expense'],
  [/一般公共预算(财政)?(拨款)?支出/, 'general_budget_expense'],
  [/(财政拨款|政府预算拨款)收(入)?支(出)?/, 'fiscal_appropriation_summary'],
  [/财政拨款(预算)?支出(预算|决算)?(总|情况|表)/, 'fiscal_appropriation_expense'],
  [/基本支出(预算|决算)?(总|情况|表)/, 'basic_expense_summary'],
  [/项目支出(预算|决算)?(总|情况|表|明细)/, 'project_expense_summary'],
  [/收(入)?支(出)?(预算|决算)?(总|情况)/, 'income_expense_summary'],
  [/收入(预算|决算)?(总|情况|表)/, 'income_summary'],
  [/支出(预算|决算)?(总|情况|表)/, 'expense_summary'],
];

export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, '');
}

/** The index of the first rule the title matches as printed (rules run specific → general). */
function ruleIndex(key: string): number {
  return TITLE_RULES.findIndex(([pattern]) => pattern.test(key));
}

/** The characters the title rules are written in: the only ones a misread can stand for. */
const RULE_CHARACTERS = [
  ...new Set(TITLE_RULES.flatMap(([p]) => [...p.source.replace(/[^\p{Script=Han}]/gu, '')])),
];

/**
 * The kind a standard title names, or `undefined` when the title is not a known one. A title is
 * also tried with one character misread (OCR's 财政拨欺 for 财政拨款, 缇效 for 绩效): a reading
 * that names a kind where the printed title names none, or a more specific kind than the title as
 * printed (财政拨欺收支预算总体情况表 reads as a plain 收支总表), is taken. Of several readings,
 * one that replaces a character no title uses wins (项目支出绩姚目标表: 姚 → 效, not 绩 → 表), then
 * the one whose rule matches the most characters (一舫公共预算支出表: 一般公共预算支出, eight, over
 * 一三公, two), then the more specific rule.
 */
export function kindFromTitle(title: string): TableKind | undefined {
  const key = titleKey(title);
  const exact = ruleIndex(key);
  const printed = exact >= 0 ? TITLE_RULES[exact]![1] : undefined;
  if (!/表/.test(key) || exact === 0) return printed;
  let best = -1;
  let bestRank: readonly [number, number] = [-1, -1];
  const chars = [...key];
  const ruleCharacters = new Set(RULE_CHARACTERS);
  chars.forEach((_, i) => {
    // Beside a printed match, only a character no title rule uses can be the misread one: 欺 is
    // never in a title, but 收入预算总表 must not become 收支预算总表.
    if (exact >= 0 && ruleCharacters.has(chars[i]!)) return;
    for (const ch of RULE_CHARACTERS) {
      if (ch === chars[i]) continue;
      const reading = [...chars.slice(0, i), ch, ...chars.slice(i + 1)].join('');
      const index = ruleIndex(reading);
      if (index < 0 || (exact >= 0 && index >= exact)) continue;
      const rank = [
        ruleCharacters.has(chars[i]!) ? 0 : 1,
        TITLE_RULES[index]![0].exec(reading)?.[0].length ?? 0,
      ] as const;
      const better =
        rank[0] !== bestRank[0]
          ? rank[0] > bestRank[0]
          : rank[1] !== bestRank[1]
            ? rank[1] > bestRank[1]
            : index < best;
      if (better) {
        best = index;
        bestRank = rank;
      }
    }
  });
  return best >= 0 ? TITLE_RULES[best]![1] : printed;
}

/**
 * Characters tesseract's chi_sim has read a title's closing 表 as (袁, 裕, 交 on the scan fixtures)
 * and glyphs sharing its 衣 bottom. A closed set: a looser test turns row labels such as 收入总计
 * into 收入总表.
 */
const MISREAD_TABLE_CHARACTER = /[袁裕交衣衷哀裘]/u;
const TRAILING_NOISE = /[“”"'‘’.,，。:：|]+$/u;

/**
 * An OCR'd line read as a standard title whose closing 表 was misread (项目绩效目标袁“ →
 * 项目绩效目标表), or `undefined`. The kind's words must end right before the misread character,
 * so 绩效目标情况说明 (prose) is never taken for a title.
 */
export function titleWithMisreadEnding(line: string): string | undefined {
  const printed = [...line.trim().replace(TRAILING_NOISE, '').trimEnd()];
  const last = printed.at(-1);
  if (printed.length < 4 || printed.length > 40 || !last || !MISREAD_TABLE_CHARACTER.test(last))
    return undefined;
  const stem = titleKey(printed.slice(0, -1).join(''));
  const index = ruleIndex(stem);
  const match = index >= 0 ? TITLE_RULES[index]![0].exec(stem) : null;
  return match && match.index + match[0].length === stem.length
    ? `${printed.slice(0, -1).join('')}表`
    : undefined;
}
