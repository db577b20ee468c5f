import type { LayoutExtractor } from './types.ts';

/**
 * Beijing 部门预算 预算01表–预算13表: the table number in front of the title (`预算05表 一般公共预算支出表`),
 * `金额单位：万元`, codes and names in one cell (`2010301-行政运行`), and 预算12/13表 performance tables.
 */
export const beijingExtractor: LayoutExtractor = {
  family: 'beijing',
  description: 'Beijing 部门预算 预算01表–预算13表',
  detect(_doc, text) {
    const numbered = new Set(text.match(/预算\s*\d{2}\s*表/gu) ?? []).size;
    if (numbered >= 3) return { score: 10, reason: `${numbered} distinct 预算NN表 titles` };
    return { score: 0, reason: 'no 预算NN表 titles' };
  },
  metadata: () => ({ city: '北京' }),
};
