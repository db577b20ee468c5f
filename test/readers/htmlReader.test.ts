import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model.ts';
import { isHtmlDocument, readHtmlBlocks } from '../../src/readers/htmlReader.ts';
import { readTextBlocks } from '../../src/readers/textReader.ts';

const cells = (b: Block | undefined) => (b?.kind === 'row' ? b.cells.map((c) => c.raw) : undefined);
const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'text' ? [b.raw] : []));
const rows = (blocks: Block[]) => blocks.filter((b) => b.kind === 'row').map(cells);

/** A page served on one line, as web servers send it. */
const PAGE = [
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某局2026年部门预算</title>',
  '<style>.num { color: red } td { width: 120px }</style>',
  '<script>var counter = 12345; document.write("2026");</script></head><body>',
  '<nav><a href="/">首页</a> <a>2025</a></nav><!-- 统计 98765 -->',
  '<noscript>请启用 JavaScript 88</noscript><select><option>2026</option><option>2025</option></select>',
  '<h2>表一 收支总表</h2><p>单位：万元</p>',
  '<table><tr><th rowspan="2">项目</th><th colspan="2">本年收入</th></tr>',
  '<tr><th>小计</th><th>一般公共预算资金</th></tr>',
  '<tr><td><p><span>合</span>计</p></td><td><strong>1,000.00</strong></td><td>900.00</td></tr></table>',
  '<table><caption>表二 支出总表</caption><tr><td>项目</td><td>预算数</td></tr><tr><td>合计</td><td>5.00</td></tr></table>',
  '<div style="display:none">15477617</div><div class="share">分享 <span>0</span></div>',
  '</body></html>',
].join('');

describe('readHtmlBlocks', () => {
  it('never reads an unclosed script or style as text, even glued to a tag cut short', () => {
    for (const page of [
      '<A<script>var n = 987654;',
      '<p>合计 5.00<td<style>td { width: 987654px }',
      '</<script>var n = 987654;',
      '<?<style>td { width: 987654px }',
      "<A< '<script>var n = 987654;",
      "<A='<script>var n = 987654;",
      '<script>var n = 987654;',
    ]) {
      const blocks = readHtmlBlocks(page);
      expect(texts(blocks).join(' '), page).not.toContain('987654');
      expect(rows(blocks).flat().join(' '), page).not.toContain('987654');
    }
    expect(texts(readHtmlBlocks('<p>合计 5.00<td<style>x</style></p>'))).toContain('合计 5.00');
  });

  it('keeps a < inside a quoted attribute or a comment, and the line of what follows a dropped tag', () => {
    expect(rows(readHtmlBlocks('<table><tr><td onclick="a<b">1.00</td></tr></table>'))).toEqual([['1.00']]);
    expect(texts(readHtmlBlocks('<!--<script>x</script>--><p>合计 5.00</p>'))).toEqual(['合计 5.00']);
    const blocks = readHtmlBlocks('<p>a</p><A\n<p>\n合计 5.00</p>');
    const total = blocks.find((b) => b.kind === 'text' && b.raw === '合计 5.00');
    expect(total?.kind === 'text' ? total.at.line : undefined).toBe(2);
  });

  it('gives the tables of a one-line page separately, each after its title', () => {
    const blocks = readHtmlBlocks(PAGE);
    expect(rows(blocks)).toEqual([
      ['项目', '本年收入', ''],
      ['', '小计', '一般公共预算资金'],
      ['合计', '<strong>1,000.00</strong>', '900.00'],
      ['项目', '预算数'],
      ['合计', '5.00'],
    ]);
    const order = blocks.filter((b) => b.kind !== 'blank').map((b) => (b.kind === 'text' ? b.raw : 'row'));
    expect(order.indexOf('表一 收支总表')).toBeLessThan(order.indexOf('row'));
    expect(order.indexOf('表二 支出总表')).toBe(order.indexOf('row') + 3);
    expect(blocks.find((b) => b.kind === 'text' && b.raw === '表一 收支总表')).toMatchObject({ heading: 2 });
  });

  it('never reads styles, scripts, noscript, comments, menus or hidden elements as text', () => {
    const all = [...texts(readHtmlBlocks(PAGE)), ...rows(readHtmlBlocks(PAGE)).flat()].join(' ');
    for (const hidden of ['color', 'counter', '12345', '98765', '88', '15477617', '首页', '2025'])
      expect(all).not.toContain(hidden);
    expect(texts(readHtmlBlocks(PAGE))).toEqual([
      '某局2026年部门预算',
      '表一 收支总表',
      '单位：万元',
      '表二 支出总表',
      '分享 0',
    ]);
  });

  it('reads the cells of a layout table as page content, and the tables inside them as tables', () => {
    const html =
      '<html><body><table><tr><td><h3>收入总表</h3><table><tr><td>合计</td><td>7.00</td></tr></table></td></tr></table></body></html>';
    const blocks = readHtmlBlocks(html);
    expect(texts(blocks)).toEqual(['收入总表']);
    expect(rows(blocks)).toEqual([['合计', '7.00']]);
  });

  it('keeps the source line of every block', () => {
    const blocks = readHtmlBlocks(
      '<html>\n<body>\n<p>说明</p>\n<table>\n<tr><td>a</td>\n<td>1</td></tr>\n</table>',
    );
    expect(blocks[0]).toMatchObject({ kind: 'text', at: { line: 3 } });
    expect(blocks[1]).toMatchObject({ kind: 'row', at: { line: 5 } });
    expect(blocks[1]?.kind === 'row' && blocks[1].cells[1]?.at.line).toBe(6);
  });
});

describe('isHtmlDocument', () => {
  it('tells a page from a text dump with markup fragments', () => {
    expect(isHtmlDocument('\ufeff  <!doctype html><p>x</p>')).toBe(true);
    expect(isHtmlDocument('<h3>收支总表</h3><table><tr><td>合计</td><td>1</td></tr></table>')).toBe(true);
    expect(isHtmlDocument('<b>收支总表</b>\n合计\t1\n<table><tr><td>1</td></tr></table>')).toBe(false);
    expect(isHtmlDocument('## 收支总表\n<table><tr><td>1</td></tr></table>')).toBe(false);
    expect(isHtmlDocument('<p>说明</p>\n## 收支总表\n<table><tr><td>1</td></tr></table>')).toBe(false);
  });

  it('sends a page to the structure reader and a dump to the line reader', () => {
    expect(rows(readTextBlocks('<h3>收支总表</h3><table><tr><td>合计</td><td>1</td></tr></table>'))).toEqual([
      ['合计', '1'],
    ]);
    expect(texts(readTextBlocks('<h3>收支总表</h3><table><tr><td>合计</td><td>1</td></tr></table>'))).toEqual(
      ['收支总表'],
    );
  });
});
