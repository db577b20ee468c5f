import { z } from 'zod';
import { DecimalStringSchema, LineSchema, PageSchema } from './common.ts';

export const OPERATORS = ['>=', '<=', '>', '<', '=', 'qualitative'] as const;
export const OperatorSchema = z.enum(OPERATORS).describe('comparison of the target');

/** One 绩效指标 of a performance table or form. Field order = CSV column order. */
export const IndicatorSchema = z.object({
  document_id: z.string().min(1),
  table_kind: z.enum(['project_performance', 'department_performance']),
  project_name: z.string().describe('project, or task / activity of a department table'),
  project_code: z.string().describe('project code when printed, wrap artefacts removed'),
  level1: z.string().describe('一级指标 (产出指标, 效益指标 …) when known'),
  level2: z.string().describe('二级指标 (数量指标, 质量指标 …) when known'),
  indicator: z.string().min(1).describe('三级指标 / 绩效指标 name'),
  operator: OperatorSchema,
  target_value: DecimalStringSchema.or(z.literal('')).describe(
    'numeric target as an exact decimal string, else empty',
  ),
  target_unit: z.string().describe('unit of the target (%, 人次, 个 …)'),
  target_text: z.string().describe('the target as printed'),
  page: PageSchema.optional(),
  line: LineSchema.optional().describe('source line where the indicator name starts'),
  table_index: z.number().int().nonnegative(),
  table_title: z.string(),
  folio: z.string().optional().describe('page number printed on the page, when it prints one'),
  x0: z.number().optional().describe("left of the indicator's box, PDF points from the page's left"),
  y0: z.number().optional().describe("top of the indicator's box, PDF points from the page's top"),
  x1: z.number().optional().describe("right of the indicator's box, PDF points"),
  y1: z.number().optional().describe("bottom of the indicator's box, PDF points"),
});

export type Indicator = z.infer<typeof IndicatorSchema>;
