import { describe, expect, it } from 'vitest';
import { readWrappedGrid, splitCells } from '../../src/performance/wrappedGrid.ts';

const lines = (text: string) => {
  let gap = 0;
  const out = [];
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') {
      gap++;
      continue;
    }
    out.push({ text: raw, line: i + 1, gapBefore: gap });
    gap = 0;
  }
  return out;
};

describe('readWrappedGrid (pdftotext forms)', () => {
  it('reads cells wrapped over lines, single-line rows and qualitative targets', () => {
    const grid = [
      '产出目标',
      '数量',
      '接待任务完',
      '成率',
      '>98%',
      '按照本年度接待团组数完成',
      '接待任务',
      '数量 车辆保障 ≥25',
      '数量',
      '刊登专栏期',
      '数',
      '=10期 工作计划',
      '数量 课题数 =4 个 工作计划',
      '效果目标',
      '经济效益',
      '深化友城务',
      '实合作',
      '民心相通，深化友谊 工作计划',
      '社会效益',
      '加强对外交',
      '往',
      '服务国家总体外交，促',
      '进地方社会发展',
      '学员反馈',
      '满意度',
      '培训内容与',
      '效果满意度',
      '≥90% 满意度调查',
    ].join('\n');
    expect(
      readWrappedGrid(lines(grid)).map(
        (w) => `${w.level1}|${w.level2}|${w.name}|${w.targetText}|${w.at.line}`,
      ),
    ).toEqual([
      '产出目标|数量|接待任务完成率|>98%|3',
      '产出目标|数量|车辆保障|≥25|8',
      '产出目标|数量|刊登专栏期数|=10期|10',
      '产出目标|数量|课题数|=4 个|13',
      '效果目标|经济效益|深化友城务实合作|民心相通，深化友谊|16',
      '效果目标|社会效益|加强对外交往|服务国家总体外交，促进地方社会发展|20',
      '效果目标|满意度|培训内容与效果满意度|≥90%|26',
    ]);
  });
  it('keeps a level word inside a wrapped name, and a name continued after a page break', () => {
    const grid = [
      '数量',
      '信息系统等',
      '级保护测评',
      '数量',
      '=2 个 全市要求',
      '时效 自办单认证 =2 个 系统流程跟踪',
      '',
      '',
      '',
      '急件工作日',
      '时效 车辆准点率 ≥98% 用车统计',
    ].join('\n');
    expect(readWrappedGrid(lines(grid)).map((w) => `${w.name}|${w.targetText}`)).toEqual([
      '信息系统等级保护测评数量|=2 个',
      '自办单认证急件工作日|=2 个',
      '车辆准点率|≥98%',
    ]);
  });
  it('reads a range target wrapped over two lines', () => {
    const found = readWrappedGrid(lines('时效 物品采购及时性\n≥2019.3&&≤\n2019.9\n工作安排'));
    expect(found[0]?.targetText).toBe('≥2019.3&&≤2019.9');
    expect(found[0]?.readings).toHaveLength(2);
  });
  it('keeps Latin words with their cell', () => {
    expect(splitCells('受理 APEC 卡申请数 ≥700 人次')).toEqual(['受理 APEC 卡申请数', '≥700', '人次']);
  });
});
