import { describe, expect, it } from 'vitest';
import { gridWidth, headerPaths, splitHeaderAndBody } from '../../src/tables/header.ts';
import { rowsOf } from '../helpers.ts';

const paths = (text: string) => {
  const rows = rowsOf(text);
  const { header } = splitHeaderAndBody(rows);
  return headerPaths(header, gridWidth(rows)).map((p) => p.join(' / '));
};

describe('header paths', () => {
  it('does not run a lower cell under the next parent when the row between is blank (Chongqing 表五)', () => {
    expect(
      paths(
        [
          '功能分类科目⇥⇥总计⇥基本支出⇥⇥⇥项目支出',
          '科目编码⇥科目名称⇥⇥⇥⇥⇥',
          '⇥⇥⇥小计⇥人员经费⇥公用经费⇥',
          '合计⇥⇥154,304.22⇥5,362.42⇥4,516.64⇥845.78⇥148,941.80',
        ].join('\n'),
      ),
    ).toEqual([
      '功能分类科目 / 科目编码',
      '功能分类科目 / 科目名称',
      '总计',
      '基本支出 / 小计',
      '基本支出 / 人员经费',
      '基本支出 / 公用经费',
      '项目支出',
    ]);
  });
  it('spans a cell over the blanks to its right within its parent (Beijing 预算05表)', () => {
    expect(
      paths(
        [
          '功能分类科目⇥⇥预算数⇥⇥⇥⇥⇥',
          '科目编码⇥科目名称⇥合计⇥基本支出⇥⇥⇥项目支出⇥',
          '⇥⇥⇥小计⇥人员经费⇥公用经费⇥项目支出总数⇥扣除基建项目后预算数',
          '2010301⇥行政运行⇥4,050.592991⇥4,050.592991⇥3,351.405782⇥699.187209⇥⇥',
        ].join('\n'),
      ),
    ).toEqual([
      '功能分类科目 / 科目编码',
      '功能分类科目 / 科目名称',
      '预算数 / 合计',
      '预算数 / 基本支出 / 小计',
      '预算数 / 基本支出 / 人员经费',
      '预算数 / 基本支出 / 公用经费',
      '预算数 / 项目支出 / 项目支出总数',
      '预算数 / 项目支出 / 扣除基建项目后预算数',
    ]);
  });
  it('does not let a label span into a column of another parent (Xiamen 支出总体情况表)', () => {
    expect(
      paths(
        [
          '支出功能分类科目⇥⇥合计⇥财政拨款⇥⇥⇥非财政拨款⇥⇥',
          '科目编码⇥科目名称⇥⇥小计⇥基本支出⇥项目支出⇥小计⇥基本支出⇥项目支出',
          '201⇥一般公共服务支出⇥2,466.84⇥2,466.84⇥1,845.14⇥621.70⇥⇥⇥',
        ].join('\n'),
      ).slice(0, 4),
    ).toEqual(['支出功能分类科目 / 科目编码', '支出功能分类科目 / 科目名称', '合计', '财政拨款 / 小计']);
  });
  it('takes the header rows up to the first row with an amount, a code or a lone total', () => {
    const rows = rowsOf('合计⇥本年收入⇥\n⇥小计⇥其他收入\n10,018.162211⇥9,277.213338⇥245.000000');
    expect(splitHeaderAndBody(rows).header).toHaveLength(2);
    expect(splitHeaderAndBody(rowsOf('科目编码⇥科目名称⇥合计\n合计：⇥⇥')).header).toHaveLength(1);
  });
  it('drops body rows that repeat the header', () => {
    const split = splitHeaderAndBody(rowsOf('项目⇥总计\n合计⇥1\n项目⇥总计\nb⇥2'));
    expect(split.body).toHaveLength(2);
    expect(split.repeatedHeaders).toHaveLength(1);
  });
});
