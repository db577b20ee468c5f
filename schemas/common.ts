import { z } from 'zod';
import { TABLE_KINDS } from '../src/tables/tableKinds.ts';

export const TableKindSchema = z.enum(TABLE_KINDS).describe('canonical table kind (see OUTPUT.md)');
export const MoneyUnitSchema = z.enum(['万元', '元']).describe('money unit stated by the table');
/** An exact decimal as printed: no separators, optional minus, digits after the point kept. */
export const DecimalStringSchema = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/, 'an exact decimal string without separators')
  .meta({ frictionless: 'number' })
  .describe('amount as an exact decimal string, as printed without thousands separators');
export const SubjectCodeSchema = z
  .string()
  .regex(/^(?:\d{3}|\d{5}|\d{7})?$/, 'a 3-, 5- or 7-digit subject code or empty');
export const PageSchema = z.number().int().positive();
export const LineSchema = z.number().int().positive();

export const ProvenanceSchema = z.object({
  line: LineSchema.optional(),
  page: PageSchema.optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  confidence: z.number().min(0).max(100).optional(),
});

export const ProblemSchema = z.object({
  severity: z.enum(['warning', 'error']),
  code: z.string().min(1),
  message: z.string().min(1),
  stage: z.enum(['read', 'segment', 'extract', 'performance', 'validate', 'check', 'write']),
  at: ProvenanceSchema.optional(),
});
