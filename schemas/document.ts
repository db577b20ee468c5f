import { z } from 'zod';
import { VERDICTS } from '../src/checks/verdict.ts';
import { CheckRecordSchema } from './check.ts';
import { LineSchema, MoneyUnitSchema, PageSchema, ProblemSchema, TableKindSchema } from './common.ts';
import { IndicatorSchema } from './indicator.ts';
import { LineItemSchema } from './lineItem.ts';

export const SCHEMA_VERSION = '1.0.0';

export const VerdictSchema = z
  .enum(VERDICTS)
  .describe(
    'verified: every core table found, every check passes, no OCR value in doubt; needs_review: see verdict_reasons; failed; not_budget',
  );

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

/** An amount the narrative states (`2026年度收入预算101,673.03万元`), read for the prose checks. */
export const ProseAmountSchema = z.object({
  quantity: z.string().describe('the table quantity it states (income_total, three_public_total …)'),
  label: z.string().describe('what the tables call it (收入总计)'),
  text: z.string().describe('the statement as printed'),
  subject: z
    .string()
    .optional()
    .describe(
      'the organisation named right before it (`…龙华分局部门预算收入`): a unit’s figure when a table row names it',
    ),
  value: z
    .string()
    .regex(/^-?\d+(?:\.\d+)?$/)
    .describe('the stated amount, exact decimal'),
  unit: z.literal('万元'),
  line: LineSchema.optional(),
  page: PageSchema.optional(),
  confidence: z.number().min(0).max(100).optional().describe('OCR confidence of the line'),
});

/** One page of a paged source: its size, to place boxes on a page image, and its printed folio. */
export const PageInfoSchema = z.object({
  page: PageSchema,
  width: z.number().positive().optional().describe('page width in PDF points'),
  height: z.number().positive().optional().describe('page height in PDF points'),
  folio: z.string().optional().describe('page number printed on the page, when it prints one'),
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
  checks: z.array(CheckRecordSchema),
  problems: z.array(ProblemSchema),
  prose_amounts: z.array(ProseAmountSchema).optional(),
  page_info: z.array(PageInfoSchema).optional().describe('size and printed folio of every page read'),
  verdict: VerdictSchema.optional().describe('can the document be published as it is (set when written)'),
  verdict_reasons: z.array(z.string()).optional().describe('why it is not verified'),
});

export type CanonicalDocument = z.infer<typeof CanonicalDocumentSchema>;
export type ExtractedTableRecord = z.infer<typeof TableSchema>;
export type DocumentMetadata = z.infer<typeof DocumentMetadataSchema>;
export type ProseAmount = z.infer<typeof ProseAmountSchema>;
