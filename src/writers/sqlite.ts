import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { buildDataPackage, CSV_RESOURCES } from './datapackage.ts';
import { amountWan, subjectLevel, threePublicCategory } from './sqliteColumns.ts';
import { type DumpRows, dumpRows, type ResourceName } from './writeDump.ts';

/**
 * The dump as one SQLite database (for Datasette or any SQL client): the same tables and columns
 * as the CSVs, typed from the data package, with keys, indexes on the columns people filter by,
 * and views for the common questions. Written to a temporary file and renamed into place.
 */

const SQL_TYPE: Record<string, string> = {
  integer: 'INTEGER',
  number: 'NUMERIC',
  boolean: 'INTEGER',
  string: 'TEXT',
};

const INDEXED = ['document_id', 'table_kind', 'subject_code'];

/** Columns of line_items in the database only: computed from the row, for SQL (sqliteColumns.ts). */
const LINE_ITEM_EXTRAS: readonly {
  name: string;
  type: string;
  of: (row: Record<string, unknown>) => unknown;
}[] = [
  { name: 'amount_wan', type: 'NUMERIC', of: (r) => amountWan(String(r.value), String(r.unit)) },
  {
    name: 'three_public_category',
    type: 'TEXT',
    of: (r) =>
      r.table_kind === 'three_public_expense'
        ? threePublicCategory(String(r.row_label), String(r.column_label))
        : null,
  },
  { name: 'subject_level', type: 'INTEGER', of: (r) => subjectLevel(String(r.subject_code)) },
];

const VIEWS: Record<string, string> = {
  // The five categories only: no 三公 total, no 会议费 / 培训费, no column numbers.
  three_public_by_department: `SELECT d.city, d.department, d.year, d.document_kind,
      li.three_public_category AS category, li.row_label, li.column_label, li.amount_wan, li.value, li.unit,
      li.document_id, li.page, li.line
    FROM line_items li JOIN documents d ON d.document_id = li.document_id
    WHERE li.table_kind = 'three_public_expense' AND li.three_public_category IS NOT NULL`,
  // One level (类: 201, 202 …), so that summing a column does not count 款 and 项 again.
  general_budget_expense_by_subject: `SELECT d.city, d.department, d.year, li.subject_code, li.row_label,
      li.column_label, li.amount_wan, li.value, li.unit, li.document_id
    FROM line_items li JOIN documents d ON d.document_id = li.document_id
    WHERE li.table_kind = 'general_budget_expense' AND li.subject_level = 1`,
  failed_checks: `SELECT d.city, d.department, d.year, c.*
    FROM checks c JOIN documents d ON d.document_id = c.document_id
    WHERE c.status = 'fail'`,
  indicators_by_department: `SELECT d.city, d.department, d.year, i.*
    FROM indicators i JOIN documents d ON d.document_id = i.document_id`,
};

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sqlValue(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

export class SqliteDump {
  private readonly insert = new Map<
    ResourceName,
    { columns: string[]; extras: typeof LINE_ITEM_EXTRAS; statement: Database.Statement }
  >();
  private done = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly temporary: string,
    private readonly path: string,
  ) {}

  static async create(path: string): Promise<SqliteDump> {
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    rmSync(temporary, { force: true });
    // Loaded here: only runs asked for --sqlite pay for the native addon.
    const { default: Sqlite } = await import('better-sqlite3');
    const db = new Sqlite(temporary);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const dump = new SqliteDump(db, temporary, path);
    dump.createSchema();
    db.exec('BEGIN');
    return dump;
  }

  private createSchema(): void {
    const pkg = buildDataPackage('');
    for (const resource of pkg.resources) {
      const spec = CSV_RESOURCES.find((r) => r.name === resource.name)!;
      const fields = resource.schema.fields;
      const extras = resource.name === 'line_items' ? LINE_ITEM_EXTRAS : [];
      const columns = [
        ...fields.map((f) => `${quote(f.name)} ${SQL_TYPE[f.type] ?? 'TEXT'}`),
        ...extras.map((e) => `${quote(e.name)} ${e.type}`),
      ];
      const key = spec.key.length > 0 ? `, PRIMARY KEY (${spec.key.map(quote).join(', ')})` : '';
      const rowId = spec.key.length > 0 ? '' : 'row_id INTEGER PRIMARY KEY, ';
      this.db.exec(`CREATE TABLE ${quote(resource.name)} (${rowId}${columns.join(', ')}${key})`);
      for (const column of INDEXED)
        if (fields.some((f) => f.name === column))
          this.db.exec(
            `CREATE INDEX ${quote(`${resource.name}_${column}`)} ON ${quote(resource.name)} (${quote(column)})`,
          );
      const names = [...fields.map((f) => f.name), ...extras.map((e) => e.name)];
      this.insert.set(resource.name as ResourceName, {
        columns: fields.map((f) => f.name),
        extras,
        statement: this.db.prepare(
          `INSERT INTO ${quote(resource.name)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        ),
      });
    }
    for (const [name, sql] of Object.entries(VIEWS)) this.db.exec(`CREATE VIEW ${quote(name)} AS ${sql}`);
  }

  add(doc: CanonicalDocument): void {
    this.addRows(dumpRows(doc));
  }

  addRows(rows: DumpRows): void {
    for (const [name, { columns, extras, statement }] of this.insert)
      for (const row of rows[name])
        statement.run([...columns.map((c) => sqlValue(row[c])), ...extras.map((e) => sqlValue(e.of(row)))]);
  }

  commit(): void {
    this.db.exec('COMMIT');
    this.db.close();
    renameSync(this.temporary, this.path);
    this.done = true;
  }

  close(): void {
    if (this.done) return;
    if (this.db.open) this.db.close();
    rmSync(this.temporary, { force: true });
  }
}
