import { describe, expect, it } from 'vitest';
import { filledCells, readIndicatorRow } from '../../src/performance/indicatorRow.ts';
import { level2BelongsTo, type PerformanceField } from '../../src/performance/vocabulary.ts';
import { rowsOf } from '../helpers.ts';

const beijing12 = {
  fields: new Set<PerformanceField>([
    'project',
    'amount',
    'goal',
    'level1',
    'level2',
    'name',
    'operator',
    'value',
    'unit',
  ]),
};
const xiamen10 = {
  fields: new Set<PerformanceField>(['goal', 'task', 'operator', 'value', 'unit', 'involved', 'amount']),
};
const shenzhen11 = { fields: new Set<PerformanceField>(['level1', 'level2', 'name', 'value']) };

const read = (row: string, schema: { fields: Set<PerformanceField> }) =>
  readIndicatorRow(filledCells(rowsOf(row)[0]?.cells ?? []), schema);

describe('readIndicatorRow', () => {
  it('reads a project row with amounts and its first indicator', () => {
    const r = read(
      '11000022T00000039 1739-培训类项目⇥90.000000⇥90.000000⇥⇥推动外事培训。⇥满意度指标⇥服务对象满意度指标⇥培训人员对培训的满意度⇥≥⇥85⇥%',
      beijing12,
    );
    expect(r.project?.text).toBe('11000022T00000039 1739-培训类项目');
    expect(r.amounts.map((a) => a.text)).toEqual(['90.000000', '90.000000']);
    expect(r.goal?.text).toBe('推动外事培训。');
    expect([r.level1, r.level2]).toEqual(['满意度指标', '服务对象满意度指标']);
    expect(r.indicator).toMatchObject({
      name: { text: '培训人员对培训的满意度' },
      operator: '>=',
      value: '85',
      unit: '%',
      targetText: '≥85%',
    });
  });
  it('reads rows shifted left, with blanks between operator and value', () => {
    const r = read('满意度指标⇥服务对象满意度指标⇥官网官微市外办各部门满意度⇥≥⇥⇥⇥⇥⇥95⇥%', beijing12);
    expect(r.indicator).toMatchObject({
      name: { text: '官网官微市外办各部门满意度' },
      operator: '>=',
      value: '95',
      unit: '%',
    });
    expect(r.project).toBeUndefined();
  });
  it('reads 定性 targets as qualitative with the printed text', () => {
    const r = read(
      '⇥⇥⇥⇥⇥效益指标⇥可持续影响指标⇥推进领事保护宣传精准传递⇥定性⇥在媒体、网络平台进行传播。⇥',
      beijing12,
    );
    expect(r.indicator).toMatchObject({
      operator: 'qualitative',
      value: '',
      targetText: '在媒体、网络平台进行传播。',
    });
  });
  it('sees a row cut after its level words', () => {
    const r = read(
      '⇥⇥⇥⇥11000022T00000049 5109-市政府外办官 网官微内容运维服 务⇥213.750000⇥213.750000⇥围绕中央外交大局。⇥满意度指标⇥服务对象满意度指标',
      beijing12,
    );
    expect(r.cutShort).toBe(true);
    expect(r.indicator).toBeUndefined();
    expect(r.amounts).toHaveLength(2);
  });
  it('takes no amount from an indicator row whose operator OCR could not read', () => {
    // `≥` read as `尹`: the 9 is the target, not an amount of the project.
    const r = read('⇥⇥⇥⇥⇥产出指标⇥数量指标⇥举办培训班班次⇥尹⇥9⇥', beijing12);
    expect(r.indicator).toBeUndefined();
    expect(r.amounts).toEqual([]);
    expect(r.unreadOperator?.text).toBe('尹');
    expect([r.level1, r.level2]).toEqual(['产出指标', '数量指标']);
    // The project part before the levels keeps its amounts.
    const first = read('某项目⇥90.000000⇥90.000000⇥⇥目标。⇥产出指标⇥数量指标⇥参训人数⇥尹⇥700⇥人', beijing12);
    expect(first.amounts.map((a) => a.text)).toEqual(['90.000000', '90.000000']);
    expect(first.project?.text).toBe('某项目');
    // A row that stops at its name is cut short, as before.
    expect(read('⇥⇥⇥⇥⇥产出指标⇥数量指标⇥参训人数', beijing12).cutShort).toBe(true);
  });
  it('passes over a speck OCR read between the operator and its number', () => {
    // `:` between `≥` and 2000 in the blank cells of a row shifted left (Beijing 预算12表 page 14).
    const r = read('效益指标⇥社会效益指标⇥官微粉丝数量持续增加⇥≥⇥:⇥⇥⇥⇥2000⇥人', beijing12);
    expect(r.indicator).toMatchObject({ operator: '>=', value: '2000', unit: '人' });
    expect(r.extraAmounts).toEqual([]);
    // Words between them are kept as the target when printed (a text layer has no doubt).
    const worded = read('效益指标⇥社会效益指标⇥官网访问次数⇥≥⇥较高⇥⇥95⇥%', beijing12);
    expect(worded.indicator?.operator).toBe('qualitative');
  });
  it('knows the operator and target columns of a grid when a row has no readable operator', () => {
    // Beijing 预算13表: 活动 | 绩效指标 (levels merged into the name) | 指标性质 | 指标值 | 度量单位.
    const beijing13 = {
      fields: new Set<PerformanceField>(['task', 'name', 'operator', 'value', 'unit']),
      operatorColumn: 3,
      valueColumn: 4,
    };
    const misread = read('⇥领事保护⇥产出指标数量指标组织开展领保大讲堂场次⇥I⇥10⇥场次', beijing13);
    expect(misread.amounts).toEqual([]);
    expect(misread.unreadOperator?.text).toBe('I');
    expect(misread.project?.text).toBe('领事保护');
    // No operator printed at all: the target's column says where the indicator is.
    const blank = read('⇥来访接待⇥满意度指标服务对象满意度指标接待来访人员满意度⇥⇥95⇥%', beijing13);
    expect(blank.amounts).toEqual([]);
    expect(blank.unreadOperator?.text).toBe('95');
    // A readable operator is read as ever.
    const read13 = read('⇥保障活动⇥产出指标数量指标全年完成制挂旗任务次数⇥=⇥10⇥场次', beijing13);
    expect(read13.indicator).toMatchObject({ operator: '=', value: '10', unit: '场次' });
    expect(read13.unreadOperator).toBeUndefined();
  });
  it('reads a task row with direction words and a trailing amount (Xiamen 十)', () => {
    const r = read(
      '⇥负责组织接待来访国宾⇥接待外宾团组人数⇥⇥大于等于⇥1000⇥人⇥地方外事工作专项业务经费130.00万元。⇥130.00',
      xiamen10,
    );
    expect(r.project?.text).toBe('负责组织接待来访国宾');
    expect(r.indicator).toMatchObject({
      name: { text: '接待外宾团组人数' },
      operator: '>=',
      value: '1000',
      unit: '人',
      targetText: '大于等于1000人',
    });
    expect(r.extraAmounts.map((a) => a.text)).toEqual(['130.00']);
  });
  it('reads a continuation row (name and target only)', () => {
    const r = read('⇥⇥本办人员出访交流数⇥⇥大于等于⇥3⇥人⇥⇥', xiamen10);
    expect(r.project).toBeUndefined();
    expect(r.indicator?.name.text).toBe('本办人员出访交流数');
  });
  it('reads grids without an operator column by the last cell (Shenzhen 表11)', () => {
    expect(read('⇥⇥⇥可持续影响指标⇥提高深圳知名度和影响力⇥得到加强', shenzhen11)).toMatchObject({
      level2: '可持续影响指标',
      indicator: {
        name: { text: '提高深圳知名度和影响力' },
        operator: 'qualitative',
        targetText: '得到加强',
      },
    });
    expect(read('⇥⇥外国人来华业务年度服务批次⇥>=5000 批⇥⇥', shenzhen11).indicator).toMatchObject({
      operator: '>=',
      value: '5000',
      unit: '批',
    });
  });
  it('splits levels merged into the name cell (Beijing 预算13表)', () => {
    const r = read('⇥领事保护⇥产出指标数量指标组织开展领保大讲堂场次⇥≥⇥10⇥场次⇥⇥', {
      fields: new Set<PerformanceField>(['task', 'name', 'operator', 'value', 'unit']),
    });
    expect([r.project?.text, r.level1, r.level2, r.indicator?.name.text]).toEqual([
      '领事保护',
      '产出指标',
      '数量指标',
      '组织开展领保大讲堂场次',
    ]);
  });
  it('takes the year target where a period target stands beside it (实施周期指标值 | 年度指标值)', () => {
    const schema = {
      fields: new Set<PerformanceField>(['level1', 'level2', 'name', 'value']),
      valueColumns: 2,
    };
    const r = read('产出指标⇥数量指标⇥汇聚数据数量⇥≥10亿条⇥≥12亿条', schema);
    expect([r.level1, r.level2, r.indicator?.name.text, r.indicator?.targetText]).toEqual([
      '产出指标',
      '数量指标',
      '汇聚数据数量',
      '≥12亿条',
    ]);
    // Only one target printed: the cell before it is the name, not a period target.
    expect(read('⇥⇥有效投诉率⇥≤1%', schema).indicator?.name.text).toBe('有效投诉率');
  });
});

describe('level2BelongsTo', () => {
  it('knows which 一级指标 a 二级指标 stands under', () => {
    expect(level2BelongsTo('社会效益指标', '产出指标')).toBe(false);
    expect(level2BelongsTo('社会效益指标', '效益指标')).toBe(true);
    expect(level2BelongsTo('数量指标', '产出指标')).toBe(true);
    expect(level2BelongsTo('服务对象满意度指标', '满意度指标')).toBe(true);
    expect(level2BelongsTo('经济成本指标', '成本指标')).toBe(true);
    expect(level2BelongsTo('自定义指标', '产出指标')).toBe(true);
  });
});
