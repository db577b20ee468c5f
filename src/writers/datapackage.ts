import { z } from 'zod';
import { CheckSchema } from '../../schemas/check.ts';
import { DocumentRowSchema, TableRowSchema } from '../../schemas/csvRows.ts';
import { SCHEMA_VERSION } from '../../schemas/document.ts';
import { IndicatorSchema } from '../../schemas/indicator.ts';
import { LineItemSchema } from '../../schemas/lineItem.ts';

/**
 * The Frictionless Data Package descriptor of a run's CSVs. Field names, types and descriptions
 * come from the zod schemas, so the descriptor cannot drift from what is written.
 */

interface JsonSchemaProperty {
  type?: string;
  anyOf?: JsonSchemaProperty[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  frictionless?: string;
}

/*
 * Line items and indicators point at their table, tables and checks at their document: a line item
 * reaches its document through its table. (One key per shared field: the Frictionless JS library
 * resolves a field once, so a second key on document_id would be checked against the resolved row.)
 */
const DOCUMENT_KEY = {
  fields: ['document_id'],
  reference: { resource: 'documents', fields: ['document_id'] },
};
const TABLE_KEY = {
  fields: ['document_id', 'table_index'],
  reference: { resource: 'tables', fields: ['document_id', 'table_index'] },
};

export const CSV_RESOURCES = [
  {
    name: 'documents',
    path: 'documents.csv',
    schema: DocumentRowSchema,
    key: ['document_id'],
    title: 'Input files and their status',
    foreignKeys: [],
  },
  {
    name: 'tables',
    path: 'tables.csv',
    schema: TableRowSchema,
    key: ['document_id', 'table_index'],
    title: 'Extracted tables',
    foreignKeys: [DOCUMENT_KEY],
  },
  {
    name: 'line_items',
    path: 'line_items.csv',
    schema: LineItemSchema,
    key: [],
    title: 'Every amount of every table (long format)',
    foreignKeys: [TABLE_KEY],
  },
  {
    name: 'indicators',
    path: 'indicators.csv',
    schema: IndicatorSchema,
    key: [],
    title: 'Performance indicators (绩效指标)',
    foreignKeys: [TABLE_KEY],
  },
  {
    name: 'checks',
    path: 'checks.csv',
    schema: CheckSchema,
    key: [],
    title: 'Reconciliation checks',
    foreignKeys: [DOCUMENT_KEY],
  },
] as const;

export function columnsOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}

function frictionlessType(p: JsonSchemaProperty): string {
  if (p.frictionless) return p.frictionless;
  // `number or ''`: a blank cell is a missing value (missingValues), the column stays numeric.
  const present = p.anyOf?.filter((a) => a.const !== '');
  if (present && present.length > 0 && present.length < (p.anyOf?.length ?? 0))
    return frictionlessType(present.length === 1 ? present[0]! : { anyOf: present });
  const types = p.anyOf ? p.anyOf.map((a) => a.type) : [p.type];
  if (types.every((t) => t === 'integer')) return 'integer';
  if (types.every((t) => t === 'number' || t === 'integer')) return 'number';
  if (types.every((t) => t === 'boolean')) return 'boolean';
  return 'string';
}

function enumOf(p: JsonSchemaProperty): string[] | undefined {
  // `number or ''` is an open number with a missing value, not a vocabulary whose only word is ''.
  if (p.anyOf?.some((a) => a.enum === undefined && a.const === undefined)) return undefined;
  const values = p.anyOf
    ? p.anyOf.flatMap((a) => a.enum ?? (a.const !== undefined ? [a.const] : []))
    : (p.enum ?? []);
  return values.length > 0 ? values.map(String) : undefined;
}

function fieldsOf(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonSchemaProperty>;
  };
  return columnsOf(schema).map((name) => {
    const p = json.properties[name] ?? {};
    const values = enumOf(p);
    return {
      name,
      type: frictionlessType(p),
      ...(p.description ? { description: p.description } : {}),
      ...(values ? { constraints: { enum: values } } : {}),
    };
  });
}

/**
 * The free-text columns of a resource: the ones a spreadsheet could read as formulas. Columns of a
 * fixed vocabulary (`operator` is `=`, `>=` …) are left out: the contract fixes their values, and
 * none can carry a payload.
 */
export function textColumnsOf(schema: z.ZodObject): ReadonlySet<string> {
  return new Set(
    fieldsOf(schema)
      .filter((f) => f.type === 'string' && !('constraints' in f))
      .map((f) => f.name),
  );
}

/**
 * When the dump was written: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), so
 * that two runs over the same files can still give byte-identical dumps; else now.
 */
export function createdAt(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH && Number.isInteger(epoch) ? new Date(epoch * 1000) : new Date();
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface DataPackageOptions {
  readonly bom?: boolean;
  readonly created?: string;
}

export function buildDataPackage(version: string, options: DataPackageOptions = {}) {
  return {
    profile: 'tabular-data-package',
    name: 'yusuan-budget-extraction',
    title: 'Chinese government budget disclosures extracted by yusuan',
    version: SCHEMA_VERSION,
    yusuan_version: version,
    created: options.created ?? createdAt(),
    licenses: [
      {
        name: 'other-open',
        title:
          'Budget disclosures the governments published for the public (政府信息公开); the publishers’ terms of reuse apply',
      },
    ],
    sources: [
      {
        title:
          'Chinese government budget and final-account disclosures (部门预算 / 部门决算) as published; each document’s source file and sha256 are in documents.csv',
      },
    ],
    resources: CSV_RESOURCES.map((r) => ({
      name: r.name,
      path: r.path,
      title: r.title,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      // Frictionless names the BOM-prefixed encoding utf-8-sig (as Python's codecs do).
      encoding: options.bom ? 'utf-8-sig' : 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\n', header: true, doubleQuote: true },
      schema: {
        fields: fieldsOf(r.schema),
        missingValues: [''],
        ...(r.key.length > 0 ? { primaryKey: [...r.key] } : {}),
        ...(r.foreignKeys.length > 0
          ? {
              foreignKeys: r.foreignKeys.map((k) => ({
                fields: [...k.fields],
                reference: { ...k.reference },
              })),
            }
          : {}),
      },
    })),
  };
}
