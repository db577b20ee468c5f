import { chooseLayout, type LayoutChoice, type LayoutOptions } from '../../extractors/index.ts';
import { type CanonicalDocument, CanonicalDocumentSchema, SCHEMA_VERSION } from '../../schemas/document.ts';
import { type ProseLine, type ProseStatement, readProseStatements } from '../checks/proseStatements.ts';
import { type Repair, repairOcrAmounts } from '../checks/repairOcrAmounts.ts';
import { runChecks } from '../checks/runChecks.ts';
import type { Problem, SourceDocument } from '../model.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import { stripMarkup } from '../normalize/markup.ts';
import { type ReadOptions, readSource, type SourceIdentity, sha256Of } from '../readers/readSource.ts';
import { assembleDocument, messageOf } from './assemble.ts';
import { notBudgetReason } from './budgetVerdict.ts';
import { extractTables } from './extractTables.ts';
import { readMetadata } from './metadata.ts';

/**
 * One input file → one canonical document. Never throws for a bad input: whatever goes wrong
 * becomes a `failed` document with a message naming the file and the place.
 */

export interface ExtractOptions extends LayoutOptions, ReadOptions {
  /** Check-guided repair of OCR misreadings (default on); off to measure OCR as read. */
  readonly repairOcr?: boolean;
  /** Told every layout's claim (`yusuan inspect`); the document keeps only the winner's reason. */
  readonly onLayoutChoice?: (choice: LayoutChoice) => void;
}

export function plainTextOf(doc: SourceDocument): string {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'text') lines.push(cleanCellText(b.raw));
    else if (b.kind === 'row') lines.push(b.cells.map((c) => cleanCellText(c.raw)).join('\t'));
  }
  return lines.join('\n');
}

/** The narrative of a document: its text lines (the checks look for amounts stated in them). */
export function proseLines(doc: SourceDocument): ProseLine[] {
  const out: ProseLine[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'text') continue;
    out.push({
      text: stripMarkup(b.raw),
      ...(b.at.line !== undefined ? { line: b.at.line } : {}),
      ...(b.at.page !== undefined ? { page: b.at.page } : {}),
      ...(b.at.confidence !== undefined ? { confidence: b.at.confidence } : {}),
    });
  }
  return out;
}

/** A document that could not be extracted: no records, only the problems that say why. */
export function failedDocument(
  id: SourceIdentity,
  sha256: string,
  inputType: CanonicalDocument['input_type'],
  problems: readonly Problem[],
): CanonicalDocument {
  return {
    schema_version: SCHEMA_VERSION,
    document_id: id.documentId,
    source_file: id.sourceFile,
    sha256,
    input_type: inputType,
    status: 'failed',
    message: messageOf(problems, 'failed'),
    metadata: { city: '', department: '', year: '', document_kind: '', layout_family: '', unit: '' },
    layout_reason: '',
    tables: [],
    line_items: [],
    indicators: [],
    checks: [],
    problems: [...problems],
  };
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return error.cause ? `${error.message} (cause: ${describe(error.cause)})` : error.message;
  return String(error);
}

function withOcrRepairs(
  doc: CanonicalDocument,
  repaired: {
    lineItems: CanonicalDocument['line_items'];
    checks: CanonicalDocument['checks'];
    repairs: Repair[];
  },
): CanonicalDocument {
  return {
    ...doc,
    line_items: repaired.lineItems,
    checks: repaired.checks,
    problems: [
      ...doc.problems,
      ...repaired.repairs.map((r) => ({
        severity: 'warning' as const,
        code: 'ocr-repaired',
        message: `${doc.source_file}: page ${r.item.page ?? '?'}, ${r.item.table_title} / ${r.item.row_label} / ${r.item.column_label}: OCR read "${r.item.original_text || r.item.value}", repaired to ${r.value} (restores ${r.fixed.length} check(s))`,
        stage: 'check' as const,
        ...(r.item.page !== undefined ? { at: { page: r.item.page } } : {}),
      })),
    ],
  };
}

/**
 * A narrative without tables (the 说明 part of a disclosure, published apart from its 报表) still
 * yields data: the amounts its text states. It is partial, not failed; its statements are checked
 * against the report it belongs to when both are extracted together (companionProse.ts).
 */
function narrativeRead(doc: CanonicalDocument, statements: readonly ProseStatement[]): CanonicalDocument {
  const withAmounts = { ...doc, prose_amounts: [...statements] };
  if (doc.status !== 'failed' || doc.line_items.length + doc.indicators.length > 0) return withAmounts;
  const problems = doc.problems.map((p) =>
    p.code === 'no-budget-table'
      ? {
          ...p,
          severity: 'warning' as const,
          // Its prose states budget amounts: it is a disclosure after all, without tables.
          message: `${p.message.replace(/^not a budget disclosure: /, '')}; the text states ${statements.length} amount(s) (prose_amounts)`,
        }
      : p,
  );
  if (problems.some((p) => p.severity === 'error')) return withAmounts;
  return { ...withAmounts, status: 'partial', message: messageOf(problems, 'partial'), problems };
}

export async function extractDocument(
  bytes: Uint8Array,
  id: SourceIdentity,
  options: ExtractOptions = {},
): Promise<CanonicalDocument> {
  let stage: Problem['stage'] = 'read';
  try {
    const source = await readSource(bytes, id, options);
    if (!source.ok) return failedDocument(id, source.sha256, source.inputType, [source.problem]);
    stage = 'extract';
    const { doc } = source;
    const text = plainTextOf(doc);
    const choice = chooseLayout(doc, text, options);
    options.onLayoutChoice?.(choice);
    const read = extractTables(doc, choice.layout);
    // A web page or notice gives no records: its numbers are menus, counters and statistics.
    const notBudget = notBudgetReason(read);
    const tables = notBudget === undefined ? read : [];
    const metadata = readMetadata(doc, tables, choice.layout.metadata?.(doc, text) ?? {});
    stage = 'validate';
    const canonical = assembleDocument({
      doc,
      layoutFamily: choice.layout.family,
      layoutReason: choice.claim.reason,
      tables,
      metadata,
      problems: source.problems,
      ...(notBudget !== undefined ? { notBudget } : {}),
    });
    stage = 'check';
    const checkInput = {
      documentId: canonical.document_id,
      year: canonical.metadata.year,
      tables: canonical.tables,
      lineItems: canonical.line_items,
      prose: proseLines(doc),
    };
    const statements = readProseStatements(checkInput.prose);
    const checks = runChecks(checkInput, statements);
    const repaired =
      options.repairOcr !== false && canonical.line_items.some((it) => it.confidence !== undefined)
        ? withOcrRepairs(canonical, repairOcrAmounts(checkInput, checks))
        : { ...canonical, checks };
    const checked = statements.length > 0 ? narrativeRead(repaired, statements) : repaired;
    stage = 'validate';
    const parsed = CanonicalDocumentSchema.safeParse(checked);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return failedDocument(id, doc.sha256, doc.inputType, [
        {
          severity: 'error',
          code: 'schema-violation',
          message: `${id.sourceFile}: extracted data fails the schema at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
          stage: 'validate',
        },
      ]);
    }
    return parsed.data;
  } catch (error) {
    return failedDocument(id, sha256Of(bytes), 'unknown', [
      {
        severity: 'error',
        code: 'internal-error',
        message: `${id.sourceFile}: ${stage} failed: ${describe(error)}`,
        stage,
      },
    ]);
  }
}
