import { z } from 'zod';
import { TableKindSchema } from './common.ts';
import { DocumentStatusSchema, VerdictSchema } from './document.ts';

/** Rows of documents.csv and tables.csv. Field order = CSV column order (contract columns first). */

export const DocumentRowSchema = z.object({
  document_id: z.string().min(1).describe('input file name without extension'),
  source_file: z.string().describe('path of the input file as given'),
  status: DocumentStatusSchema,
  message: z.string().describe('what went wrong and where; empty when ok'),
  city: z.string(),
  department: z.string(),
  year: z.string(),
  document_kind: z.string().describe('预算 or 决算'),
  layout_family: z.string().describe('extractor that read the file'),
  unit: z.string().describe('dominant money unit'),
  pages: z.number().int().nonnegative().optional(),
  sha256: z.string(),
  input_type: z.string().describe('text, pdf or image (detected from content)'),
  encoding: z.string().describe('text encoding of text inputs'),
  tables: z.number().int().nonnegative(),
  line_items: z.number().int().nonnegative(),
  indicators: z.number().int().nonnegative(),
  checks_passed: z.number().int().nonnegative(),
  checks_failed: z.number().int().nonnegative(),
  checks_skipped: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative().describe('problems of severity warning'),
  verdict: VerdictSchema,
  verdict_reasons: z.string().describe("why the document is not verified, joined with '; '"),
  duplicate_of: z
    .string()
    .describe(
      'the document whose input has the same bytes (extracted once, its data listed there), else empty',
    ),
});

export const TableRowSchema = z.object({
  document_id: z.string().min(1),
  table_kind: TableKindSchema,
  table_title: z.string(),
  page_start: z.number().int().positive().optional(),
  page_end: z.number().int().positive().optional(),
  line_start: z.number().int().positive().optional(),
  line_end: z.number().int().positive().optional(),
  table_index: z.number().int().nonnegative(),
  table_number: z.string(),
  unit: z.string(),
  parts: z.number().int().positive().describe('page parts stitched into the table'),
  body_rows: z.number().int().nonnegative(),
  line_items: z.number().int().nonnegative(),
  indicators: z.number().int().nonnegative(),
  recognized_by: z.string(),
});

export type DocumentRow = z.infer<typeof DocumentRowSchema>;
export type TableRow = z.infer<typeof TableRowSchema>;
