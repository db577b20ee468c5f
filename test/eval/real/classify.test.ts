import { describe, expect, it } from 'vitest';
import { classifyDocument, coreKindsFound, readsAsBudgetTable } from '../../../src/eval/real/classify.ts';
import { completeReportItems, documentOf, item, table } from './docs.ts';

const SOURCE = 'crawl/001_甲市/a.pdf';

describe('what a crawled document is, without gold', () => {
  it('calls a document with every core kind a report, and finds its core kinds', () => {
    const doc = documentOf({ document_id: 'a', source_file: SOURCE, line_items: completeReportItems() });
    expect(classifyDocument(doc)).toBe('report');
    expect(coreKindsFound(doc)).toHaveLength(7);
  });

  it('calls a lone 收支总表 a report, and a lone performance table an extract', () => {
    const summary = item({ table_index: 0, table_kind: 'income_expense_summary', value: '5' });
    expect(
      classifyDocument(documentOf({ document_id: 'a', source_file: SOURCE, line_items: [summary] })),
    ).toBe('report');
    const performance = item({ table_index: 0, table_kind: 'project_performance', value: '5' });
    const lone = documentOf({ document_id: 'b', source_file: SOURCE, line_items: [performance] });
    expect(classifyDocument(lone)).toBe('extract');
    const two = [0, 1].map((i) => item({ table_index: i, table_kind: 'income_summary', value: '5' }));
    expect(classifyDocument(documentOf({ document_id: 'c', source_file: SOURCE, line_items: two }))).toBe(
      'extract',
    );
  });

  it('counts a report whose titles were not recognised (budget words in other tables) as a report', () => {
    const items = [0, 1, 2].map((i) =>
      item({ table_index: i, row_label: '一般公共服务支出', column_label: '预算数', value: '7' }),
    );
    expect(classifyDocument(documentOf({ document_id: 'a', source_file: SOURCE, line_items: items }))).toBe(
      'report',
    );
  });

  it('calls a page whose only amounts are menu years or CSS not a budget, even when it came out ok', () => {
    const css = [2025, 2024, 2023].map((y, i) =>
      item({ table_index: 0, row_index: i, column_label: '.special-list {', value: String(y) }),
    );
    const doc = documentOf({ document_id: 'a', source_file: 'crawl/x.html', line_items: css });
    expect(readsAsBudgetTable(doc.tables[0]!, css)).toBe(false);
    expect(classifyDocument(doc)).toBe('not-budget');
    // A narrative without tables still states budget amounts: an extract, not a non-budget.
    const narrative = documentOf({
      document_id: 'b',
      source_file: SOURCE,
      status: 'partial',
      prose_amounts: [
        { quantity: 'income_total', label: '收入总计', text: '收入预算5万元', value: '5', unit: '万元' },
      ],
    });
    expect(classifyDocument(narrative)).toBe('extract');
  });

  it('tells a crash from a file that is not a budget and from an unreadable one', () => {
    const failed = (code: string, message = 'x') =>
      documentOf({
        document_id: 'a',
        source_file: SOURCE,
        status: 'failed',
        message,
        problems: [{ severity: 'error', code, message, stage: 'extract' }],
      });
    expect(classifyDocument(failed('internal-error'))).toBe('crash');
    expect(classifyDocument(failed('extraction-stopped', 'a.pdf: extraction crashed: x'))).toBe('crash');
    expect(
      classifyDocument(
        failed('extraction-stopped', 'a.pdf: extraction stopped after the 300 s time limit per file'),
      ),
    ).toBe('timeout');
    expect(classifyDocument(failed('no-budget-table'))).toBe('not-budget');
    expect(classifyDocument(failed('whatever', 'a.pdf: not a budget disclosure'))).toBe('not-budget');
    expect(classifyDocument(failed('pdf-unreadable'))).toBe('unreadable');
  });

  it('does not count a core kind whose title has no rows under it (a list of tables)', () => {
    const doc = documentOf({
      document_id: 'a',
      source_file: SOURCE,
      tables: [
        table({ table_index: 0, table_kind: 'three_public_expense', line_item_count: 0, body_rows: 0 }),
      ],
    });
    expect(coreKindsFound(doc)).toEqual([]);
  });

  it('counts a core table printed with blank cells, and the economic-class table for 基本 (Shenzhen)', () => {
    const doc = documentOf({
      document_id: 'a',
      source_file: SOURCE,
      tables: [
        table({ table_index: 0, table_kind: 'three_public_expense', line_item_count: 0, body_rows: 4 }),
        table({ table_index: 1, table_kind: 'general_budget_economic_expense', line_item_count: 9 }),
      ],
    });
    expect(coreKindsFound(doc)).toEqual(['general_budget_basic_expense', 'three_public_expense']);
  });
});
