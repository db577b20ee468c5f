import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

/** A text document of TAB-separated lines (⇥ stands for TAB), its line items' row labels. */
async function labels(lines: readonly string[]) {
  const doc = await extractDocument(new TextEncoder().encode(lines.join('\n').replace(/⇥/g, '\t')), {
    documentId: 'wrapped',
    sourceFile: 'wrapped.txt',
  });
  return [...new Set(doc.line_items.map((i) => i.row_label))];
}

describe('a label piece on a row of its own', () => {
  it('is the tail of the label above when short, a unit heading its projects when a whole name', async () => {
    const found = await labels([
      '重点项目绩效目标表',
      '单位：万元',
      '项目⇥预算数',
      '某市胸科医院⇥',
      '传染病救治医院财政补助经费⇥922',
      '某市血液中心⇥',
      '专用卫生材料⇥8,895.92',
      '对村民委员会和村党⇥820.73',
      '支部的补助⇥',
    ]);
    expect(found).toContain('传染病救治医院财政补助经费');
    expect(found).toContain('对村民委员会和村党支部的补助');
    expect(found.some((l) => l.includes('血液中心') && l.includes('经费'))).toBe(false);
  });

  it('is a row of its own when it and the label above each end as a budget label ends', async () => {
    const found = await labels([
      '收支总表',
      '单位：万元',
      '项目⇥预算数',
      '本年收入合计⇥3,643.37',
      '上年结转⇥11.61',
      '其中：财政拨款资金结转⇥11.61',
      '非财政拨款资金结余⇥',
      '收入总计⇥3,654.98',
    ]);
    expect(found).toContain('其中：财政拨款资金结转');
    expect(found.some((l) => l.includes('结转非财政'))).toBe(false);
  });
});
