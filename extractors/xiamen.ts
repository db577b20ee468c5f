import type { LayoutExtractor } from './types.ts';

/**
 * Xiamen 部门预算: 第四部分 附表 一–十一 printed without numbers above the tables
 * (`部门收支预算总体情况表`, `单位：万元`), 部门整体 and 一级项目 performance forms.
 */
export const xiamenExtractor: LayoutExtractor = {
  family: 'xiamen',
  description: 'Xiamen 部门预算 附表 (unnumbered 预算总体情况表 titles)',
  detect(_doc, text) {
    if (/厦门/.test(text) && /部门收支预算总体情况表/.test(text)) {
      return { score: 10, reason: '厦门 and 部门收支预算总体情况表 in the text' };
    }
    return { score: 0, reason: 'no 厦门 附表' };
  },
  metadata: () => ({ city: '厦门' }),
};
