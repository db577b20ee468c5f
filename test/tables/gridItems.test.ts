import { describe, expect, it } from 'vitest';
import { readGrid } from '../../src/tables/gridItems.ts';
import { rowsOf } from '../helpers.ts';

const items = (text: string) =>
  readGrid(rowsOf(text)).items.map((i) =>
    [i.rowLabel, i.subjectCode, i.economicCode, i.columnLabel, i.value].join('|'),
  );

describe('readGrid', () => {
  it('reads 指标结余 (money left of a budget quota) as amounts, and never an 执行率 percentage', () => {
    expect(
      items(
        [
          '序号⇥项目名称⇥预算批复⇥实际执行⇥执行率⇥指标结余',
          '⇥合计⇥13,237.00⇥12,679.21⇥95.79%⇥557.79',
          '一⇥破产改制企业资金缺口弥补⇥6,000.00⇥5,974.00⇥99.57%⇥26.00',
        ].join('\n'),
      ),
    ).toEqual([
      '合计|||预算批复|13237.00',
      '合计|||实际执行|12679.21',
      '合计|||指标结余|557.79',
      '破产改制企业资金缺口弥补|||预算批复|6000.00',
      '破产改制企业资金缺口弥补|||实际执行|5974.00',
      '破产改制企业资金缺口弥补|||指标结余|26.00',
    ]);
  });

  it('reads a 部门 and a 政府 code, each split over its own 类 | 款 columns (Yantai 公开表6)', () => {
    expect(
      items(
        [
          '科目编码⇥⇥部门预算支出经济分类科目名称⇥科目编码⇥⇥政府预算支出经济分类科目名称⇥基本支出',
          '类⇥款⇥⇥类⇥款⇥⇥小计',
          '301⇥⇥工资福利支出⇥501⇥⇥机关工资福利支出⇥299.30',
          '301⇥01⇥基本工资⇥501⇥01⇥工资奖金津补贴⇥145.81',
        ].join('\n'),
      ),
    ).toEqual([
      '工资福利支出 / 机关工资福利支出||301|基本支出 / 小计|299.30',
      '基本工资 / 工资奖金津补贴||30101|基本支出 / 小计|145.81',
    ]);
  });
  it('reads a row of 一、 headings with blank amounts as body, not header (Xi’an 2019 收支总表)', () => {
    expect(
      items(
        [
          '收 入⇥⇥支 出⇥⇥⇥',
          '项 目⇥预算数⇥支出功能分类科目（按大类）⇥预算数⇥部门预算支出经济分类科目（按大类）⇥预算数',
          '一、部门预算⇥⇥一、部门预算⇥⇥一、部门预算⇥',
          '1、财政拨款⇥3,643.37⇥1、一般公共服务⇥⇥1、人员经费和公用经费支出⇥2,022.39',
        ].join('\n'),
      ),
    ).toEqual([
      '1、财政拨款|||收入 / 预算数|3643.37',
      '1、人员经费和公用经费支出|||支出 / 部门预算支出经济分类科目（按大类） / 预算数|2022.39',
    ]);
  });
  it('reads three 支出 label groups beside a 序号 column (Xi’an 收支总表)', () => {
    expect(
      items(
        [
          '序号⇥收入⇥⇥支出⇥⇥⇥⇥⇥',
          '⇥项目⇥预算数⇥支出功能分科目（按大类）⇥预算数⇥部门预算支出经济科目（按大类）⇥预算数⇥政府预算支出经济科目（按大类）⇥预算数',
          '1⇥一、财政拨款⇥30.00⇥1、一般公共服务支出⇥30.00⇥1、工资福利支出⇥20.00⇥1、机关工资福利支出⇥30.00',
        ].join('\n'),
      ),
    ).toEqual([
      '一、财政拨款|||收入 / 预算数|30.00',
      '1、一般公共服务支出|||支出 / 支出功能分科目（按大类） / 预算数|30.00',
      '1、工资福利支出|||支出 / 部门预算支出经济科目（按大类） / 预算数|20.00',
      '1、机关工资福利支出|||支出 / 政府预算支出经济科目（按大类） / 预算数|30.00',
    ]);
  });
  it('reads 财政拨款收入 | 财政拨款支出 as the two sides (Shanghai 财政拨款收支总表)', () => {
    expect(
      items(
        [
          '财政拨款收入⇥⇥财政拨款支出⇥⇥',
          '项目⇥预算数⇥项目⇥合计⇥政府性基金预算',
          '二、政府性基金预算⇥215020000⇥一、其他支出⇥215020000⇥215020000',
        ].join('\n'),
      ),
    ).toEqual([
      '二、政府性基金预算|||收入 / 预算数|215020000',
      '一、其他支出|||支出 / 合计|215020000',
      '一、其他支出|||支出 / 政府性基金预算|215020000',
    ]);
  });
  it('names each amount by the label group to its left (Jiangsu 功能分类 | 支出用途 side by side)', () => {
    expect(
      items(
        [
          '收入⇥⇥支出⇥⇥⇥',
          '项目名称⇥金额⇥功能分类⇥⇥支出用途⇥',
          '⇥⇥功能科目名称⇥金额⇥项目名称⇥金额',
          '一、财政拨款⇥15897.44⇥一、一般公共服务支出⇥12706.28⇥一、基本支出⇥7877.76',
          '⇥⇥八、社会保障和就业支出⇥1068.78⇥⇥',
          '收入合计⇥15897.44⇥支出合计⇥⇥⇥15897.44',
        ].join('\n'),
      ),
    ).toEqual([
      '一、财政拨款|||收入 / 金额|15897.44',
      '收入合计|||收入 / 金额|15897.44',
      '一、一般公共服务支出|||支出 / 功能分类 / 金额|12706.28',
      '一、基本支出|||支出 / 支出用途 / 金额|7877.76',
      '八、社会保障和就业支出|||支出 / 功能分类 / 金额|1068.78',
      // 支出合计 is merged across 功能分类; its amount stands under 支出用途.
      '支出合计|||支出 / 支出用途 / 金额|15897.44',
    ]);
  });
  it('reads key–value pairs side by side when the amount header repeats', () => {
    expect(
      items(
        [
          '部门预算支出⇥预算金额（万元）⇥收入来源⇥预算金额（万元）',
          '基本支出⇥12,634.14⇥财政拨款⇥98,880.78',
          '项目支出⇥86,246.64⇥其他资金⇥0.00',
        ].join('\n'),
      ),
    ).toEqual([
      '基本支出|||预算金额（万元）|12634.14',
      '财政拨款|||预算金额（万元）|98880.78',
      '项目支出|||预算金额（万元）|86246.64',
      '其他资金|||预算金额（万元）|0.00',
    ]);
  });
  it('joins a label wrapped across a page break, but not a row that starts a label of its own', () => {
    const rows = rowsOf(
      [
        '项目⇥决算数',
        '八、社会保障和就⇥1,608.51',
        '业支出⇥',
        '本年收入合计⇥2,946.25',
        '使用非财政拨款结余⇥',
      ].join('\n'),
    );
    const paged = rows.map((r, i) => ({ ...r, at: { ...r.at, page: i < 2 || i === 3 ? 7 : 8 } }));
    // Row 2 opens page 8 after `八、社会保障和就`; row 4 opens page 8 after a complete total label.
    const labels = readGrid([paged[0]!, paged[1]!, paged[2]!, paged[3]!, paged[4]!]).items.map(
      (i) => i.rowLabel,
    );
    expect(labels).toEqual(['八、社会保障和就业支出', '本年收入合计']);
  });
  it('reads a two-sided 收入 | 支出 table into one item per side', () => {
    expect(
      items(
        [
          '收 入⇥⇥支 出⇥',
          '项 目⇥预算数⇥项 目⇥预算数',
          '一、一般公共预算拨款收入⇥9,032.213338⇥一、一般公共服务支出⇥7,196.149302',
          '二、政府性基金预算拨款收入⇥⇥二、外交支出⇥',
        ].join('\n'),
      ),
    ).toEqual([
      '一、一般公共预算拨款收入|||收入 / 预算数|9032.213338',
      '一、一般公共服务支出|||支出 / 预算数|7196.149302',
    ]);
  });
  it('splits function and economic codes off the label cells (Beijing 预算03表)', () => {
    expect(
      items(
        [
          '支出功能分类科目⇥政府支出经济分类科目⇥部门支出经济分类科目⇥合计⇥基本支出⇥项目支出',
          '2010301-行政运行⇥50101-工资奖金津补贴⇥30101-基本工资⇥770.476000⇥770.476000⇥',
          '<b>合 计</b>⇥⇥⇥<b>10,018.162211</b>⇥⇥',
        ].join('\n'),
      ),
    ).toEqual([
      '行政运行 / 工资奖金津补贴 / 基本工资|2010301|30101|合计|770.476000',
      '行政运行 / 工资奖金津补贴 / 基本工资|2010301|30101|基本支出|770.476000',
      '合计|||合计|10018.162211',
    ]);
  });
  it('reads a code column by its header and keeps zeros', () => {
    expect(items('预算单位⇥科目编码⇥科目名称⇥支出总计\n⇥20805⇥行政事业单位养老支出⇥0')).toEqual([
      '行政事业单位养老支出|20805||支出总计|0',
    ]);
  });
  it('reads a header printed twice side by side as two groups (Xiamen 十)', () => {
    expect(
      items(
        [
          '预算金额⇥支出结构⇥资金总额⇥其中:财政资金⇥投入计划⇥支出结构⇥资金总额⇥其中:财政资金⇥投入计划',
          '⇥人员支出⇥2,120.98⇥2,120.98⇥第一季度35%⇥发展经费⇥14.00⇥14.00⇥第一季度35%',
        ].join('\n'),
      ),
    ).toEqual([
      '人员支出|||资金总额|2120.98',
      '人员支出|||其中:财政资金|2120.98',
      '发展经费|||资金总额|14.00',
      '发展经费|||其中:财政资金|14.00',
    ]);
  });
  it('realigns a row the converter shifted and says so (Shenzhen 表11)', () => {
    const reading = readGrid(
      rowsOf(
        [
          '年度主要任务⇥任务名称⇥主要内容⇥预算金额（万元）⇥⇥',
          '⇥⇥⇥总额⇥其中：财政拨款⇥其中：其他资金',
          '⇥基本支出⇥1. 根据单位本年度在编人数计算的人员经费；⇥3,650⇥3,650⇥',
          '出国签证事务⇥按照 2022 年度工作计划，完成因公出国管理。⇥415⇥415⇥⇥',
        ].join('\n'),
      ),
    );
    expect(reading.items.map((i) => `${i.rowLabel}|${i.columnLabel}|${i.value}`)).toEqual([
      '基本支出|预算金额（万元） / 总额|3650',
      '基本支出|预算金额（万元） / 其中：财政拨款|3650',
      '出国签证事务|预算金额（万元） / 总额|415',
      '出国签证事务|预算金额（万元） / 其中：财政拨款|415',
    ]);
    expect(reading.problems.map((p) => p.code)).toEqual(['row-realigned']);
  });
  it('joins the pieces of a tall prose cell to the row they belong to', () => {
    const reading = readGrid(
      rowsOf(
        [
          '项目名称⇥预算数（万元）⇥绩效目标',
          '⇥⇥通过本项目的开展，认真完成上级',
          '外事事务⇥3,191⇥交办的专项任务。',
          '出国签证事务⇥415⇥计划年度服务人次;',
          '⇥⇥车辆保障及时。',
        ].join('\n'),
      ),
    );
    const body = reading.repairedBody[0] ?? [];
    expect(body.map((r) => r.cells[2]?.raw)).toEqual([
      '通过本项目的开展，认真完成上级交办的专项任务。',
      '计划年度服务人次;车辆保障及时。',
    ]);
    expect(reading.items.map((i) => i.value)).toEqual(['3191', '415']);
  });
  it('leaves prose in text columns out of row labels', () => {
    expect(items('任务名称⇥主要内容⇥金额\n基本支出⇥根据编制计算的人员经费，公用经费。⇥3,650')).toEqual([
      '基本支出|||金额|3650',
    ]);
  });
});

describe('codes split over 类 | 款 | 项 columns', () => {
  it('joins the pieces into one subject code', () => {
    expect(
      items(
        [
          '支出功能分类科目编码⇥⇥⇥科目名称⇥本年支出合计',
          '类⇥款⇥项⇥⇥',
          '201⇥⇥⇥一般公共服务支出⇥2,112.86',
          '201⇥06⇥⇥财政事务⇥2,112.86',
          '201⇥06⇥01⇥行政运行⇥1,511.90',
        ].join('\n'),
      ),
    ).toEqual([
      '一般公共服务支出|201||本年支出合计|2112.86',
      '财政事务|20106||本年支出合计|2112.86',
      '行政运行|2010601||本年支出合计|1511.90',
    ]);
  });
});
