import type { LayoutExtractor } from './types.ts';

/**
 * Guangzhou 项目支出绩效目标表 as markdown pipe tables: amounts per project and unit, and the
 * indicators written as numbered prose in the 绩效指标 cell. The core reads pipe tables and prose
 * indicators; this layout claims the documents.
 */
export const guangzhouExtractor: LayoutExtractor = {
  family: 'guangzhou',
  description: 'Guangzhou markdown tables (项目支出绩效目标表 with prose indicators)',
  detect(doc, text) {
    const pipeRows = doc.blocks.filter((b) => b.kind === 'row' && b.format === 'pipe').length;
    if (pipeRows >= 3 && /广州/.test(text))
      return { score: 10, reason: `${pipeRows} pipe-table rows and 广州 in the text` };
    return { score: 0, reason: 'no pipe tables with 广州' };
  },
  metadata: () => ({ city: '广州' }),
};
