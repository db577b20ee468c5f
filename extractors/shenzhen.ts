import type { LayoutExtractor } from './types.ts';

/**
 * Shenzhen 部门预算 (2020s): 表1–表11 with the number on its own line (`表 1` / `## 收支总表`),
 * `部门名称：` and `单位：万元` above each table, tables split over pages with title and header repeated,
 * and a 第七部分 key-project table without a title. The core reads all of it; this layout only
 * claims the documents and names the city.
 */
export const shenzhenExtractor: LayoutExtractor = {
  family: 'shenzhen',
  description: 'Shenzhen 部门预算 表1–11 (numbered 表 N above each title)',
  detect(_doc, text) {
    const numbered = (text.match(/^表\s*\d{1,2}\s*$/gmu) ?? []).length;
    if (numbered >= 3 && /深圳/.test(text)) {
      return { score: 10, reason: `${numbered} "表 N" number lines and 深圳 in the text` };
    }
    return { score: 0, reason: 'no "表 N" number lines with 深圳' };
  },
  metadata: () => ({ city: '深圳' }),
};
