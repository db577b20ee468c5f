import type { Check } from '../../../schemas/check.ts';
import type { CanonicalDocument, ExtractedTableRecord } from '../../../schemas/document.ts';
import type { LineItem } from '../../../schemas/lineItem.ts';

/** Small hand-made documents, as a dump holds them, for the eval:real tests. */

export function item(fields: Partial<LineItem> & Pick<LineItem, 'table_index' | 'value'>): LineItem {
  return {
    document_id: 'doc',
    table_kind: 'other',
    table_title: '',
    row_label: '',
    subject_code: '',
    economic_code: '',
    column_label: '',
    unit: '万元',
    page: 1,
    gov_economic_code: '',
    project_code: '',
    side: '',
    is_total: false,
    row_index: 0,
    column_index: 0,
    status: 'read',
    original_text: '',
    ...fields,
  };
}

export function table(
  fields: Partial<ExtractedTableRecord> & Pick<ExtractedTableRecord, 'table_index'>,
): ExtractedTableRecord {
  return {
    table_kind: 'other',
    table_title: '',
    table_number: '',
    unit: '万元',
    parts: 1,
    body_rows: 1,
    header_paths: [],
    recognized_by: '',
    line_item_count: 0,
    indicator_count: 0,
    ...fields,
  };
}

export function check(status: Check['status']): Check {
  return {
    document_id: 'doc',
    check: 'row_total_equals_parts',
    scope: 'test',
    expected: '1',
    actual: '1',
    difference: '0',
    tolerance: '0',
    status,
    message: '',
  };
}

/** A document whose tables are made from its items (kind and title taken from the first item). */
export function documentOf(
  fields: Partial<CanonicalDocument> & Pick<CanonicalDocument, 'document_id' | 'source_file'>,
): CanonicalDocument {
  const items = fields.line_items ?? [];
  const indexes = [...new Set(items.map((it) => it.table_index))].sort((a, b) => a - b);
  const tables =
    fields.tables ??
    indexes.map((index) => {
      const own = items.filter((it) => it.table_index === index);
      return table({
        table_index: index,
        table_kind: own[0]!.table_kind,
        table_title: own[0]!.table_title,
        line_item_count: own.length,
        page_start: own[0]!.page,
      });
    });
  return {
    schema_version: '1.0.0',
    sha256: '0'.repeat(64),
    input_type: 'pdf',
    status: 'ok',
    message: '',
    metadata: {
      city: '',
      department: '',
      year: '2026',
      document_kind: '预算',
      layout_family: 'generic',
      unit: '万元',
    },
    layout_reason: '',
    indicators: [],
    checks: [],
    problems: [],
    ...fields,
    line_items: items,
    tables,
  };
}

/** One table of each core kind (one amount each), so a report is complete. */
export function completeReportItems(): LineItem[] {
  const kinds = [
    'income_expense_summary',
    'income_summary',
    'expense_summary',
    'fiscal_appropriation_summary',
    'general_budget_expense',
    'general_budget_basic_expense',
    'three_public_expense',
  ] as const;
  return kinds.map((kind, i) =>
    item({ table_index: i, table_kind: kind, row_label: '合计', value: '10', page: i + 1 }),
  );
}
