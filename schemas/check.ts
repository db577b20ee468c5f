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
      "failed sums: each part summed, as `row label | column label = value @ page or line`, joined with '; '",
    ),
});

export type Check = z.infer<typeof CheckSchema>;
