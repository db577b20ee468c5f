import { z } from 'zod';

export const CHECK_NAMES = [
  'children_sum_to_parent',
  'row_total_equals_parts',
  'income_equals_expense',
  'cross_table_total',
  'prose_matches_table',
] as const;

/** One reconciliation check and its outcome. Field order = CSV column order. */
export const CheckSchema = z.object({
  document_id: z.string().min(1),
  check: z.enum(CHECK_NAMES).describe('the rule'),
  scope: z.string().describe('what was checked: table, row and column'),
  expected: z
    .string()
    .meta({ frictionless: 'number' })
    .describe('the printed total (exact decimal), empty when skipped'),
  actual: z
    .string()
    .meta({ frictionless: 'number' })
    .describe('the computed sum or the other printed value (exact decimal)'),
  difference: z.string().meta({ frictionless: 'number' }).describe('expected − actual'),
  tolerance: z
    .string()
    .meta({ frictionless: 'number' })
    .describe('allowed difference from rounding at the printed precision'),
  status: z.enum(['pass', 'fail', 'skip']),
  message: z.string(),
  table_index: z.number().int().nonnegative().optional(),
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  parts: z
    .string()
    .optional()
    .describe(
      'the figures compared, total first, then the parts summed or the figure held against: `role row_label · column_label = value (p. page [x0 y0 x1 y1])` joined with `; `',
    ),
});

/** A figure a check compared: the total, a part it summed, or the figure it was held against. */
export const CheckCellSchema = z.object({
  role: z.enum(['total', 'part', 'other']),
  table_index: z.number().int().nonnegative(),
  row_index: z.number().int().nonnegative(),
  column_index: z.number().int().nonnegative(),
  row_label: z.string(),
  column_label: z.string(),
  value: z.string(),
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});

/** A check as the JSON keeps it: the CSV row plus each figure it compared, placed. */
export const CheckRecordSchema = CheckSchema.extend({ cells: z.array(CheckCellSchema).optional() });

export type Check = z.infer<typeof CheckRecordSchema>;
export type CheckCell = z.infer<typeof CheckCellSchema>;
