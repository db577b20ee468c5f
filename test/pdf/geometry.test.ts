import { describe, expect, it } from 'vitest';
import { dropFakeBold, groupLines, joinItems } from '../../src/readers/pdf/lines.ts';
import type { Segment, TextItem } from '../../src/readers/pdf/pageContent.ts';
import { findRuledTables, splitAcrossRules } from '../../src/readers/pdf/ruledGrid.ts';
import { readUnruledTable, tabularRuns } from '../../src/readers/pdf/unruledTable.ts';

/** Width as real fonts have it: Chinese characters one em, ASCII half an em. */
const width = (text: string, size: number) =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;
const item = (text: string, x0: number, y: number, size = 10, x1 = x0 + width(text, size)): TextItem => ({
  text,
  x0,
  x1,
  y,
  size,
  font: 'f',
});
const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });

describe('lines', () => {
  it('reads fake-bold text (drawn twice, a fraction of a point apart) once', () => {
    expect(
      dropFakeBold([item('收支总表', 100, 50), item('收支总表', 100.4, 50), item('合计', 100, 80)]).map(
        (i) => i.text,
      ),
    ).toEqual(['收支总表', '合计']);
  });
  it('orders a line left to right whatever order the glyphs were drawn in', () => {
    const lines = groupLines([
      item('费', 140, 50),
      item('待', 130, 50.2),
      item('接', 120, 50),
      item('务', 110, 49.9),
      item('公', 100, 50),
    ]);
    expect(lines).toHaveLength(1);
    expect(joinItems(lines[0]!.items)).toBe('公务接待费');
  });
  it('keeps lines apart by baseline', () => {
    expect(groupLines([item('a', 0, 50), item('b', 0, 70)]).map((l) => joinItems(l.items))).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('ruled grids', () => {
  // 3 columns × 3 rows; the first header cell spans two columns (no rule between them in row 0).
  const horizontal = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300)];
  const vertical = [v(0, 0, 60), v(100, 20, 60), v(200, 0, 60), v(300, 0, 60)];

  it('reads merged cells at their top-left position, as text dumps print them', () => {
    const items = [
      item('本年收入', 80, 14),
      item('合计', 220, 14),
      item('小计', 10, 34),
      item('其他', 110, 34),
      item('8,785', 230, 54),
      item('1', 10, 54),
      item('2', 110, 54),
    ];
    const { tables, rest } = findRuledTables(horizontal, vertical, items);
    expect(rest).toEqual([]);
    expect(tables[0]?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['本年收入', '', '合计'],
      ['小计', '其他', ''],
      ['1', '2', '8,785'],
    ]);
  });

  it('reads a first row standing above the first rule where the column rules close it (a continuation page)', () => {
    // Xi'an 表5 p. 28: the column rules start 20 pt above the page's first horizontal rule.
    const hs = [h(20, 0, 300), h(40, 0, 300)];
    const vs = [v(0, 0, 40), v(100, 0, 40), v(200, 0, 40), v(300, 0, 40)];
    const items = [
      item('215', 10, 14),
      item('资源勘探工业信息等支出', 110, 14),
      item('1021805239.60', 210, 14),
    ];
    const rows = [
      ...items,
      item('21505', 10, 34),
      item('工业和信息产业监管', 110, 34),
      item('1020759003.22', 210, 34),
    ];
    const { tables, rest } = findRuledTables(hs, vs, rows);
    expect(rest).toEqual([]);
    expect(tables[0]?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['215', '资源勘探工业信息等支出', '1021805239.60'],
      ['21505', '工业和信息产业监管', '1020759003.22'],
    ]);
    // One stray stroke above the table opens no row.
    const stray = findRuledTables(hs, [v(0, 0, 40), v(100, 20, 40), v(200, 20, 40), v(300, 20, 40)], rows);
    expect(stray.tables[0]?.rows).toHaveLength(1);
  });

  it('joins the lines of a wrapped cell', () => {
    const items = [item('一般公共预算', 110, 31), item('资金', 110, 38)];
    const { tables } = findRuledTables(horizontal, vertical, items);
    expect(tables[0]?.rows[0]?.cells[1]?.text).toBe('一般公共预算 资金');
  });

  it('splits text that pdf.js joined across a cell border', () => {
    // The amount is right-aligned against the rule at 195, the label left-aligned after it.
    const merged = item('96,722.180672 一、一般公共服务支出', 130, 50, 10, 197 + 100);
    const parts = splitAcrossRules(merged, [195]);
    expect(parts.map((p) => p.text)).toEqual(['96,722.180672', '一、一般公共服务支出']);
    const centre = (p: TextItem) => (p.x0 + p.x1) / 2;
    expect(centre(parts[0]!)).toBeLessThan(195);
    expect(centre(parts[1]!)).toBeGreaterThan(195);
  });

  it('cuts a run without spaces glued between the glyphs of two cells, between the characters nearest the rule', () => {
    // The last digit of `168,441.81` and the first of `154,304.22` emitted as one glyph run.
    const glued = item('11', 332.26, 50, 9.99, 350.59);
    const line = [item('.8', 321.78, 50, 9.99, 332.3), glued, item('54,304.22', 346.04, 50, 9.99, 392.5)];
    const parts = splitAcrossRules(glued, [341], line);
    expect(parts.map((p) => p.text)).toEqual(['1', '1']);
    expect(parts[0]!.x1).toBeLessThanOrEqual(342);
    expect(parts[1]!.x0).toBeGreaterThanOrEqual(340);
  });

  describe('a wrapped cell whose last line overflows its fixed-height row', () => {
    // Xi'an 表12's geometry: 8.5 pt text, 10.5 pt leading, rows 22.5 pt high; a three-line
    // 采购项目 cell's third line starts at the rule and lies mostly in the row below.
    const rules = [399, 421.5, 444];
    const hs = rules.map((y) => h(y, 0, 300));
    const vs = [v(0, 399, 444), v(100, 399, 444), v(300, 399, 444)];
    const size = 8.5;
    const nextRow = [item('1', 10, 435.8, size), item('全额', 110, 435.8, size)];
    /** Each row's cell texts, the items read in this grid. */
    const rowsOf = (items: TextItem[]) =>
      findRuledTables(hs, vs, items).tables[0]!.rows.map((r) => r.cells.map((c) => c.text));
    /** The label column of each row. */
    const labelsOf = (items: TextItem[]) => rowsOf(items).map((cells) => cells[1]);

    it('stays with the cell above', () => {
      const stack = [
        item('西安市全民所有自然资源', 110, 406.6, size),
        item('资产所有权委托代理机制', 110, 417.0, size),
        item('试点工作', 110, 427.6, size),
      ];
      expect(rowsOf([item('187', 10, 413.3, size), ...stack, ...nextRow])).toEqual([
        ['187', '西安市全民所有自然资源 资产所有权委托代理机制 试点工作'],
        ['1', '全额'],
      ]);
    });

    it('but a row’s own line set close to its rule stays in its row when the cell above is one line', () => {
      const above = [item('187', 10, 413.3, size), item('资产所有权', 110, 417.0, size)];
      const close = item('试点工作', 110, 427.6, size);
      expect(labelsOf([...above, close])).toEqual(['资产所有权', '试点工作']);
    });

    it('but a line heading a stack of its own row stays (Xi’an 应急 `职工基本医疗保险缴 / 费`)', () => {
      const stack = [item('机关事业单位基本养', 110, 406.6, size), item('老保险缴费', 110, 417.0, size)];
      const own = [item('职工基本医疗保险缴', 110, 427.6, size), item('费', 110, 438.0, size)];
      expect(labelsOf([item('30108', 10, 411.8, size), ...stack, ...own])).toEqual([
        '机关事业单位基本养 老保险缴费',
        '职工基本医疗保险缴 费',
      ]);
    });

    it('and so does a line whose baseline it shares with its row’s other cells (`科 / 目` over `类 款`)', () => {
      const header = [item('科', 10, 406.6, size), item('目', 10, 417.0, size)];
      const row = [item('类', 10, 427.6, size), item('款', 110, 427.6, size)];
      expect(rowsOf([...header, ...row])).toEqual([
        ['科 目', ''],
        ['类', '款'],
      ]);
    });

    it('and a line that starts well below the rule is the next row’s', () => {
      const stack = [item('西安市全民所有', 110, 406.6, size), item('资产所有权', 110, 417.0, size)];
      const below = item('试点工作', 110, 431, size);
      expect(labelsOf([item('187', 10, 413.3, size), ...stack, below])).toEqual([
        '西安市全民所有 资产所有权',
        '试点工作',
      ]);
    });
  });

  it('keeps whole a figure wider than its cell that overflows the rule', () => {
    const wide = item('936647884.33', 300, 50, 9.99, 352);
    expect(splitAcrossRules(wide, [341], [wide]).map((p) => p.text)).toEqual(['936647884.33']);
  });
});

describe('unruled tables', () => {
  it('finds columns from the gaps every row leaves and groups centred wrapped cells into one row', () => {
    const lines = groupLines([
      item('科目名称', 100, 20),
      item('合计', 300, 20),
      item('一般公共服务支', 100, 40),
      item('201', 40, 46),
      item('2,466.84', 300, 46),
      item('出', 100, 52),
      item('行政运行', 100, 70),
      item('2010301', 40, 70),
      item('1,277.72', 300, 70),
    ]);
    const runs = tabularRuns(lines);
    expect(runs).toEqual([[0, lines.length - 1]]);
    const rows = readUnruledTable(lines);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['', '科目名称', '合计'],
      ['201', '一般公共服务支 出', '2,466.84'],
      ['2010301', '行政运行', '1,277.72'],
    ]);
  });
});
