import { z } from 'zod';
import {
  DecimalStringSchema,
  LineSchema,
  MoneyUnitSchema,
  PageSchema,
  SubjectCodeSchema,
  TableKindSchema,
} from './common.ts';

/** One printed amount of one table, in long ("tidy") form. Field order = CSV column order. */
export const LineItemSchema = z.object({
  document_id: z.string().min(1).describe('input file name without extension'),
  table_kind: TableKindSchema,
  table_title: z.string().describe('table title as printed, number and markup removed'),
  row_label: z.string().describe("the row's label cells joined with ' / ', codes split off"),
  subject_code: SubjectCodeSchema.describe('功能分类科目编码 of the row, else empty'),
  economic_code: SubjectCodeSchema.describe('部门 (else 政府) 经济分类科目编码 of the row, else empty'),
  column_label: z
    .string()
    .describe("header cells above the value joined with ' / '; two-sided tables start with 收入 or 支出"),
  value: DecimalStringSchema,
  unit: MoneyUnitSchema.or(z.literal('')).describe(
    '万元 or 元 as the table states; empty when the table states none',
  ),
  page: PageSchema.optional().describe('1-based page of the value (PDF and OCR inputs)'),
  line: LineSchema.optional().describe('1-based source line of the value (text inputs)'),
  table_index: z.number().int().nonnegative().describe('0-based position of the table in the document'),
  gov_economic_code: SubjectCodeSchema.describe(
    '政府预算支出经济分类 code when the row prints one next to the 部门 code',
  ),
  project_code: z.string().describe('project code of the row (performance tables), wrap artefacts removed'),
  side: z.enum(['', '收入', '支出']).describe('side of a two-sided table'),
  is_total: z.boolean().describe('the row is a total (合计, 总计, 小计 …)'),
  row_index: z.number().int().nonnegative().describe('0-based body row of the value in its table'),
  column_index: z.number().int().nonnegative().describe('0-based grid column of the value'),
  status: z
    .enum(['read', 'repaired'])
    .describe('repaired: changed by check-guided OCR repair (original kept in original_text)'),
  original_text: z.string().describe('the cell text as read, when it differs from value'),
  confidence: z.number().min(0).max(100).optional().describe('OCR confidence of the value'),
  folio: z.string().optional().describe('page number printed on the page (`- 9 -` → 9), when it prints one'),
  x0: z.number().optional().describe("left of the value's box, PDF points from the page's left"),
  y0: z.number().optional().describe("top of the value's box, PDF points from the page's top"),
  x1: z.number().optional().describe("right of the value's box, PDF points"),
  y1: z.number().optional().describe("bottom of the value's box, PDF points"),
});

export type LineItem = z.infer<typeof LineItemSchema>;
