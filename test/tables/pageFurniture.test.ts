import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model.ts';
import { withoutPageFurniture } from '../../src/tables/pageFurniture.ts';
import { segmentTables } from '../../src/tables/segment.ts';
import { rowOnPage, textOnPage } from '../helpers.ts';

const HEAD = '某市交通运输局 2026 年度部门预算公开';

/** Four pages under a running head; a table on page 2 goes on, without its header, on page 3. */
function pages(): Block[] {
  return [
    textOnPage(HEAD, 1),
    textOnPage('一、部门职责。本部门负责全市交通运输管理。', 1),
    textOnPage(HEAD, 2),
    textOnPage('财政拨款支出表', 2),
    textOnPage('单位：万元', 2),
    rowOnPage(['科目名称', '合计'], 2),
    rowOnPage(['交通运输支出', '30.00'], 2),
    textOnPage(HEAD, 3),
    rowOnPage(['住房保障支出', '12.00'], 3),
    textOnPage('财政拨款支出表', 3),
    textOnPage(HEAD, 4),
    textOnPage('二、其他说明。', 4),
  ];
}

describe('withoutPageFurniture', () => {
  it('drops a line printed at the top of page after page, and keeps titles and unit lines', () => {
    const kept = withoutPageFurniture(pages()).flatMap((b) => (b.kind === 'text' ? [b.raw] : []));
    expect(kept).not.toContain(HEAD);
    expect(kept.filter((t) => t === '财政拨款支出表')).toHaveLength(2);
    expect(kept).toContain('单位：万元');
  });

  it('lets a table go on onto its next page past the running head', () => {
    const [table] = segmentTables(withoutPageFurniture(pages()));
    expect(table?.title).toBe('财政拨款支出表');
    expect(table?.rows.map((r) => r.cells[0]?.raw)).toEqual(['科目名称', '交通运输支出', '住房保障支出']);
    // Without it, the head reads as prose and the continuation is a table of its own.
    expect(segmentTables(pages()).filter((t) => t.rows.length > 0)).toHaveLength(2);
  });

  it('leaves documents of fewer than three pages as they are', () => {
    const two = pages().filter((b) => b.kind === 'page' || (b.at.page ?? 0) <= 2);
    expect(withoutPageFurniture(two)).toEqual(two);
  });
});
