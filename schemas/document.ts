import { z } from 'zod';
import { CheckSchema } from './check.ts';
import { LineSchema, MoneyUnitSchema, PageSchema, ProblemSchema, TableKindSchema } from './common.ts';
import { IndicatorSchema } from './indicator.ts';
import { LineItemSchema } from './lineItem.ts';

export const SCHEMA_VERSION = '1.0.0';

export const DocumentStatusSchema = z
  .enum(['ok', 'partial', 'failed'])
  .describe('ok; partial: some tables or pages could not be extracted; failed: nothing extracted');

export const DocumentMetadataSchema = z.object({
  city: z.string().describe('city (or province) of the publisher'),
  department: z.string().describe('department or unit that publishes'),
  year: z
    .string()
    .regex(/^(?:\d{4})?$/)
    .describe('budget year'),
  document_kind: z.enum(['预算', '决算', '']).describe('预算 (budget) or 决算 (final accounts)'),
  layout_family: z.string().describe('extractor that read the document'),
  unit: MoneyUnitSchema.or(z.literal('')).describe('dominant money unit of the tables'),
  pages: z.number().int().nonnegative().optional().describe('page count (PDF and OCR inputs)'),
});

export const TableSchema = z.object({
  table_index: z.number().int().nonnegative(),
  table_kind: TableKindSchema,
  table_title: z.string(),
  table_number: z.string().describe('printed table number (表1, 预算01表 …)'),
  unit: MoneyUnitSchema.or(z.literal('')),
  page_start: PageSchema.optional(),
  page_end: PageSchema.optional(),
  line_start: LineSchema.optional(),
  line_end: LineSchema.optional(),
  parts: z.number().int().positive().describe('page parts stitched into this table'),
  body_rows: z.number().int().nonnegative(),
  header_paths: z.array(z.array(z.string())).describe('header path of every grid column'),
  recognized_by: z.string().describe('why the table got its kind'),
  line_item_count: z.number().int().nonnegative(),
  indicator_count: z.number().int().nonnegative(),
});

export const CanonicalDocumentSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  document_id: z.string().min(1),
  source_file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  input_type: z.enum(['text', 'pdf', 'image', 'unknown']),
  encoding: z.string().optional(),
  status: DocumentStatusSchema,
  message: z.string(),
  metadata: DocumentMetadataSchema,
  layout_reason: z.string().describe('why this layout family was chosen'),
  tables: z.array(TableSchema),
  line_items: z.array(LineItemSchema),
  indicators: z.array(IndicatorSchema),
  checks: z.array(CheckSchema),
  problems: z.array(ProblemSchema),
});

export type CanonicalDocument = z.infer<typeof CanonicalDocumentSchema>;
export type ExtractedTableRecord = z.infer<typeof TableSchema>;
export type DocumentMetadata = z.infer<typeof DocumentMetadataSchema>;
