import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model.ts';
import { readTextBlocks } from '../../src/readers/textReader.ts';

const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);
const cells = (b: Block | undefined) => (b?.kind === 'row' ? b.cells.map((c) => c.raw) : undefined);

describe('readTextBlocks', () => {
  it('reads tab rows, keeping empty leading and trailing cells', () => {
    const blocks = readTextBlocks('收 入\t\t支 出\t\n\t\t四、卫生健康支出\t92');
    expect(cells(blocks[0])).toEqual(['收 入', '', '支 出', '']);
    expect(cells(blocks[1])).toEqual(['', '', '四、卫生健康支出', '92']);
    expect(blocks[1]).toMatchObject({ at: { line: 2 } });
  });
  it('reads pipe tables and their rule rows', () => {
    const blocks = readTextBlocks('| 项目名称 | 总计 |\n|---|---|\n| 合计 | 4,005.30 |\n| a \\| b | |');
    expect(kinds(blocks)).toEqual(['row', 'rule', 'row', 'row']);
    expect(cells(blocks[2])).toEqual([' 合计 ', ' 4,005.30 ']);
    expect(cells(blocks[3])).toEqual([' a | b ', ' ']);
  });
  it('reads headings, list items, blanks and CRLF line ends', () => {
    const blocks = readTextBlocks('## 收支总表\r\n\r\n- (一) 收支总表\r\n部门名称：X');
    expect(blocks[0]).toMatchObject({ kind: 'text', raw: '收支总表', heading: 2 });
    expect(blocks[1]?.kind).toBe('blank');
    expect(blocks[2]).toMatchObject({ kind: 'text', raw: '(一) 收支总表', listItem: true });
    expect(blocks[3]).toMatchObject({ kind: 'text', raw: '部门名称：X', at: { line: 4 } });
  });
  it('reads HTML tables, expanding colspan and rowspan into blank cells', () => {
    const html = [
      '<table>',
      '<tr><th rowspan="2">项目</th><th colspan="2">本年收入</th></tr>',
      '<tr><th>小计</th><th>一般公共预算资金</th></tr>',
      '<tr><td>合计</td><td>1,000.00</td><td>900.00</td></tr>',
      '</table>',
    ].join('\n');
    const blocks = readTextBlocks(html).filter((b) => b.kind === 'row');
    expect(blocks.map(cells)).toEqual([
      ['项目', '本年收入', ''],
      ['', '小计', '一般公共预算资金'],
      ['合计', '1,000.00', '900.00'],
    ]);
    expect(blocks.map((b) => b.at.line)).toEqual([2, 3, 4]);
  });
});
