import { labelKey } from '../normalize/cellText.ts';

/**
 * The words of the national performance-target templates: indicator levels and the headers of
 * indicator grids. Level words are matched whole (after whitespace removal).
 */

export const LEVEL1_WORDS = [
  '产出指标',
  '效益指标',
  '满意度指标',
  '成本指标',
  '效果指标',
  '产出目标',
  '效果目标',
] as const;

const LEVEL1 = new RegExp(`^(?:${LEVEL1_WORDS.join('|')})$`);
/**
 * 二级指标 words. 2019-era forms print the short ones without 指标 (`数量`, `时效`, `社会效益`); the
 * long ones (`服务对象满意度`) are also indicator names, so they count only with 指标.
 */
const LEVEL2 =
  /^(?:(?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|满意度|社会公众满意度)指标|数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|满意度)$/;

export function isLevel1(text: string): boolean {
  return LEVEL1.test(labelKey(text));
}

export function isLevel2(text: string): boolean {
  const key = labelKey(text);
  return LEVEL2.test(key) && !LEVEL1.test(key);
}

/** Which 一级指标 each 二级指标 stands under in the national framework (财预〔2020〕10号 and its forerunners). */
const LEVEL2_PARENTS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^(?:数量|质量|时效)(?:指标)?$/, /^产出(?:指标|目标)$/],
  [/^(?:经济|社会|生态环境)成本(?:指标)?$/, /^(?:成本指标|产出(?:指标|目标))$/],
  [/^(?:经济效益|社会效益|生态效益|环境效益|可持续影响)(?:指标)?$/, /^(?:效益指标|效果(?:指标|目标))$/],
  [/^(?:服务对象满意度|社会公众满意度|满意度)(?:指标)?$/, /^(?:满意度指标|效果(?:指标|目标)|效益指标)$/],
];

/** False only when the framework puts this 二级指标 under another 一级指标; unknown words pass. */
export function level2BelongsTo(level2: string, level1: string): boolean {
  if (level1 === '') return true;
  const key = labelKey(level2);
  const rule = LEVEL2_PARENTS.find(([l2]) => l2.test(key));
  return rule === undefined || rule[1].test(labelKey(level1));
}

export function isLevelWord(text: string): boolean {
  return isLevel1(text) || isLevel2(text);
}

const MERGED = new RegExp(
  `^(${LEVEL1_WORDS.join('|')})((?:数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|社会公众满意度)指标)(.+)$`,
);

/** `产出指标数量指标组织开展领保大讲堂场次` (levels merged into one cell) → its three parts. */
export function splitMergedLevels(
  text: string,
): { level1: string; level2: string; name: string } | undefined {
  const match = MERGED.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  return { level1: match[1] ?? '', level2: match[2] ?? '', name: match[3] ?? '' };
}

/** What a header cell of a performance table names. */
export type PerformanceField =
  | 'project'
  | 'task'
  | 'goal'
  | 'level1'
  | 'level2'
  | 'name'
  | 'operator'
  | 'value'
  | 'unit'
  | 'source'
  | 'involved'
  | 'amount'
  | 'section';

const FIELD_RULES: ReadonlyArray<readonly [RegExp, PerformanceField]> = [
  [/^一级指标$/, 'level1'],
  [/^二级指标$/, 'level2'],
  [/^(?:三级指标|指标名称|绩效指标名称)$/, 'name'],
  [/指标性质|指标方向|^方向$|^性质$|运算符|计算符号/, 'operator'],
  [/指标值|目标值|^指标目标$/, 'value'],
  [/度量单位|计量单位|^单位$/, 'unit'],
  [/目标值来源|指标来源|^来源$|设定依据/, 'source'],
  [/涉及项目/, 'involved'],
  [/年度(?:重点)?工作任务|^活动$|^任务$|任务名称|年度主要任务|^工作任务$/, 'task'],
  [/^项目名称|^项目$/, 'project'],
  [/绩效目标|主要内容|总体目标|^内容$/, 'goal'],
  [
    /涉及财政资金|拟投入(?:的)?资金|项目总额|资金总额|预算金额|财政资金|其他资金|财政拨款|总计|合计|总额|小计|预算数|基本支出|项目支出/,
    'amount',
  ],
];

export function fieldOfHeader(text: string): PerformanceField | undefined {
  const key = labelKey(text).replace(/[（(].*?[)）]/g, '');
  if (key === '') return undefined;
  for (const [pattern, field] of FIELD_RULES) if (pattern.test(key)) return field;
  return undefined;
}

/** Words that make a row an indicator-grid header (two or more of them in one row). */
export function isIndicatorHeaderCell(text: string): boolean {
  const field = fieldOfHeader(text);
  return (
    field === 'level1' ||
    field === 'level2' ||
    field === 'name' ||
    field === 'operator' ||
    field === 'value' ||
    field === 'unit' ||
    field === 'task' ||
    (field === undefined && /^(?:绩效指标|年度绩效指标)$/.test(labelKey(text)))
  );
}
