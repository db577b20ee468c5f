import { describe, expect, it } from 'vitest';
import { stitchPageSplitTables } from '../../src/normalize/stitch.ts';
import { segmentTables } from '../../src/tables/segment.ts';
import { blocksOf, rowOnPage, textOnPage } from '../helpers.ts';

const tables = (text: string) => stitchPageSplitTables(segmentTables(blocksOf(text)));

describe('segmentTables', () => {
  it('takes title, number, meta and unit from the lines above the rows', () => {
    const [t] = tables('表 1\n\n## 收支总表\n\n部门名称：某办公室\n\n单位：万元\n\n项目⇥预算数\n合计⇥8,785');
    expect(t).toMatchObject({
      title: '收支总表',
      number: '表1',
      unit: '万元',
      meta: ['部门名称：某办公室', '单位：万元'],
    });
    expect(t?.rows).toHaveLength(2);
    expect(t?.titleAt?.line).toBe(3);
  });
  it('keeps the title when a meta value wraps onto a line of its own', () => {
    const [t] = tables('收支预算总表\n部门名称：江苏省人大\n单位:万元\n常委会办公厅\n项目⇥金额\n合计⇥1.00');
    expect(t?.title).toBe('收支预算总表');
    expect(t?.meta).toContain('常委会办公厅');
  });
  it('keeps the title above a line that names the unit and ends with the money unit', () => {
    const [t] = tables(
      '表04\n2026年市级部门财政拨款收支预算总表\n507-湖州市卫生健康委员会 单位：万元\n项目⇥预算数\n合计⇥1.00',
    );
    expect(t).toMatchObject({ title: '2026年市级部门财政拨款收支预算总表', number: '表04', unit: '万元' });
  });
  it('keeps the title above a template’s mis-set unit line (`金位：元`, Xi’an 表12)', () => {
    const [t] = tables('表12\n2022年部门综合预算政府采购预算表\n金位：元\n采购项目⇥预算金额\n合计⇥1.00');
    expect(t).toMatchObject({ title: '2022年部门综合预算政府采购预算表', number: '表12', unit: '元' });
  });
  it('continues a table whose title, wrapped over two lines, is printed again on the next page', () => {
    const page =
      '2022年部门综合预算政府采购（资产配置、购买服务）\n预算表（不含上年结转）\n金额单位：万元\n采购项目⇥预算金额\n';
    const found = tables(`表12\n${page}合计⇥3.00\n办公设备⇥1.00\n${page}印刷服务⇥2.00`);
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBe('2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）');
    expect(found[0]?.rows.map((r) => r.cells[0]?.raw)).toEqual(['采购项目', '合计', '办公设备', '印刷服务']);
  });
  it('joins a title whose first line ends on a conjunction, and continues it on the next page', () => {
    const page =
      '2021年部门综合预算一般公共预算拨款“三公”经费及\n会议费、培训费支出预算表（不含上年结转）\n单位：元\n单位名称⇥合计\n';
    const found = tables(`表13\n${page}合计⇥3.00\n某市民政局⇥1.00\n${page}某市殡仪馆⇥2.00`);
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBe(
      '2021年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表（不含上年结转）',
    );
    expect(found[0]?.rows).toHaveLength(4);
  });
  it('joins a title wrapped inside its bracketed qualifier, and continues it on the next page', () => {
    const page =
      '2021年部门综合预算一般公共预算支出明细表（按支出功能分类科\n目-不含上年结转）\n单位：元\n功能科目名称⇥合计\n';
    const found = tables(`表5\n${page}合计⇥3.00\n一般公共服务支出⇥1.00\n${page}教育支出⇥2.00`);
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBe(
      '2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）',
    );
    expect(found[0]?.rows).toHaveLength(4);
    // A bracket that closes with another opened after it, or prose above, is no wrapped qualifier.
    const prose = tables('本部门支出（按功能分类，详见下\n表）\n项目⇥金额\n合计⇥1.00');
    expect(prose[0]?.title).toBeUndefined();
  });
  it('keeps the title above a 部门（单位）： line printed apart from the unit line (Yantai)', () => {
    const [t] = tables(
      '公开表4\n财政拨款收支总体情况表\n部门（单位）：烟台市民政局\n单位：万元\n项目⇥预算数\n合计⇥1.00',
    );
    expect(t).toMatchObject({ title: '财政拨款收支总体情况表', number: '公开表4', unit: '万元' });
    expect(t?.meta).toContain('部门（单位）：烟台市民政局');
  });
  it('reads a numbered title wrapped after its number (公开 09 表：… / 支出预算表) as one', () => {
    const [t] = tables(
      '公开 09 表：一般公共预算“三公”经费、会议费、培训费\n支出预算表\n单位：万元\n合计⇥因公出国（境）费\n1,384.74⇥100.00',
    );
    expect(t).toMatchObject({
      title: '一般公共预算“三公”经费、会议费、培训费支出预算表',
      number: '公开09表',
    });
    // A section heading above a table's number and title is no part of the title.
    const [u] = tables('二、表格部分\n表1\n收支总表\n单位：万元\n项目⇥预算数\n合计⇥1.00');
    expect(u).toMatchObject({ title: '收支总表', number: '表1' });
  });
  it('takes a title whose last character wrapped onto a line of its own (…支出预算 / 表)', () => {
    const [t] = tables(
      '“三公”经费、会议费、培训费支出预算\n表\n部门：某办公厅 单位：万元\n合计⇥培训费\n2,542.60⇥403.75',
    );
    expect(t?.title).toBe('“三公”经费、会议费、培训费支出预算表');
  });
  it('ignores titles that belong to a table of contents', () => {
    const found = tables(
      '- (一) 收支总表\n- (二) 收入总表\n\n# 一、文字部分\n\n正文。\n\n项目⇥预算数\n合计⇥1',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBeUndefined();
    expect(found[0]?.context).toEqual(['一、文字部分', '正文。']);
  });
  it('keeps a table across a blank-line break and ends it at prose or a note', () => {
    const found = tables(
      '预算03表 支出总表\n金额单位：万元\nA⇥B\n1⇥2\n\n3⇥4\n注：说明。\n正文\n预算04表 财政拨款收支总表\nA⇥B\n5⇥6',
    );
    expect(found.map((t) => t.rows.length)).toEqual([3, 2]);
    expect(found[0]?.notes).toEqual(['注：说明。']);
  });
});

describe('stitchPageSplitTables', () => {
  it('joins a table whose title and header are printed again on the next page', () => {
    const text = [
      '表 6',
      '## 政府预算拨款收支总表',
      '单位：万元',
      '收入⇥⇥支出⇥',
      '项目⇥2022 年预算数⇥项目⇥2022 年预算数',
      '政府预算拨款⇥8,644⇥一、一般公共服务支出⇥7,141',
      '',
      '表 6',
      '## 政府预算拨款收支总表',
      '单位：万元',
      '收入⇥⇥支出⇥',
      '项目⇥2022 年预算数⇥项目⇥2022 年预算数',
      '⇥⇥住房公积金⇥301',
    ].join('\n');
    const found = tables(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.rows.map((r) => r.at.line)).toEqual([4, 5, 6, 13]);
    expect(found[0]?.parts).toHaveLength(2);
  });
  it('joins an untitled continuation that repeats the header row', () => {
    const text =
      '项目支出绩效目标表\n| 项目 | 总计 |\n|---|---|\n| a | 1 |\n\n| 项目 | 总计 |\n|---|---|\n| b | 2 |';
    const found = tables(text);
    expect(found).toHaveLength(1);
    // The repeated header stays in the rows here; reading the grid drops it (a body row equal to the header).
    expect(found[0]?.rows.map((r) => r.at.line)).toEqual([2, 4, 6, 8]);
  });
  it('does not join tables with different titles', () => {
    expect(tables('收入总表\nA⇥B\n1⇥2\n支出总表\nA⇥B\n1⇥2')).toHaveLength(2);
  });

  it('keeps an OCR’d table open across a row that came out as a line (no amount on it), not a text one', () => {
    const text =
      '财政拨款收支总表\n单位：万元\n项目⇥预算数\n一、本年收入⇥3,088.70\n二十三、灾害防治及应急管理支出\n收入总计⇥3,088.70';
    const ocr = blocksOf(text).map((b) =>
      b.kind === 'text' || b.kind === 'row' ? { ...b, at: { ...b.at, confidence: 90 } } : b,
    );
    const scanned = stitchPageSplitTables(segmentTables(ocr));
    expect(scanned.map((t) => t.rows.length)).toEqual([3]);
    // In a text dump the same line ends the table: it may be prose, and the dump has no doubt.
    expect(tables(text).map((t) => t.rows.length)).toEqual([2, 1]);
    // A sentence or a title still ends a scanned table.
    const prose = blocksOf('支出总表\n项目⇥预算数\n合计⇥1\n主要用于保障机构运转，比上年增加。\n行⇥2').map(
      (b) => (b.kind === 'text' ? { ...b, at: { ...b.at, confidence: 90 } } : b),
    );
    expect(stitchPageSplitTables(segmentTables(prose)).map((t) => t.rows.length)).toEqual([2, 1]);
  });
  it('reads a scanned title whose 表 was misread, and passes over crumbs of noise in a scanned table', () => {
    const scanned = (text: string, confidence = 90) =>
      stitchPageSplitTables(
        segmentTables(
          blocksOf(text).map((b) =>
            b.kind === 'text' || b.kind === 'row' ? { ...b, at: { ...b.at, confidence } } : b,
          ),
        ),
      );
    // 袁 for 表, read with doubt because of it: still the title.
    const [form] = scanned('项目绩效目标袁“\n项目名称⇥外事事务\n项目总金额⇥12218245.00', 39);
    expect(form?.title).toBe('项目绩效目标表');
    // Only a character 表 is misread as, and only right after the words of a kind.
    expect(scanned('收入总计\n项目⇥预算数\n合计⇥1')[0]?.title).toBeUndefined();
    expect(scanned('部门整体绩效目标情况说袁\n项目⇥预算数\n合计⇥1')[0]?.title).toBeUndefined();
    // A text layer is taken as printed.
    expect(tables('项目绩效目标袁\n项目名称⇥外事事务\n项目总金额⇥1')[0]?.title).toBeUndefined();
    // `[1]` between two rows of a scanned table does not end it; in a text dump it does.
    const crumb = '收支总表\n项目⇥预算数\n一、本年收入⇥3,088.70\n[1]\n收入总计⇥3,088.70';
    expect(scanned(crumb).map((t) => t.rows.length)).toEqual([3]);
    expect(tables(crumb).map((t) => t.rows.length)).toEqual([2, 1]);
    // A unit line whose colon OCR lost keeps the title above it.
    const [unit] = scanned('预算01表收支总表\n金颜单位 万元\n项目⇥预算数\n合计⇥1');
    expect(unit).toMatchObject({ title: '收支总表', unit: '万元' });
  });
});

describe('segmentTables on PDF pages', () => {
  const text = textOnPage;
  const row = rowOnPage;
  it('goes on across a scrap of a wrapped cell at the top of the next page', () => {
    const found = segmentTables([
      text('收支总表', 1),
      text('金额单位：元', 1),
      row(['项目', '预算数'], 1),
      row(['一、财政拨款', '10.00'], 1),
      { kind: 'page', page: 2 },
      text('(基本建设) 出', 2),
      row(['二、其他收入', '5.00'], 2),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]?.rows).toHaveLength(3);
    expect(found[0]?.notes).toEqual(['(基本建设) 出']);
  });
  it('ends the table at prose or a heading at the top of the next page', () => {
    const found = segmentTables([
      text('收支总表', 1),
      row(['项目', '预算数'], 1),
      row(['一、财政拨款', '10.00'], 1),
      text('三、部门预算表', 2),
      row(['二、其他收入', '5.00'], 2),
    ]);
    expect(found).toHaveLength(2);
  });
});

describe('titles wrapped over two lines', () => {
  it('joins a bare 预算表 line to the line above it', () => {
    const [t] = tables(
      '表11\n2022年部门综合预算政府采购（资产配置、购买服务）\n预算表（不含上年结转）\n单位：元\n项目⇥金额\n合计⇥1.00',
    );
    expect(t?.title).toBe('2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）');
  });
  it('keeps a full title as it is, after a line of prose', () => {
    const [t] = tables('以下为本部门的收入情况。\n收入总表\n单位：万元\n项目⇥金额\n合计⇥1.00');
    expect(t?.title).toBe('收入总表');
  });
});

describe('a title qualifier on a line of its own', () => {
  it('is part of the title above it', () => {
    const [t] = tables(
      '表5\n2021年部门综合预算一般公共预算支出明细表\n（按支出功能分类科目-不含上年结转）\n预算单位：某局 单位：元\n项目⇥金额\n合计⇥1.00',
    );
    expect(t?.title).toBe('2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）');
    expect(t?.unit).toBe('元');
  });
});
