import type { CanonicalDocument } from '../../../schemas/document.ts';
import {
  CORE_KINDS,
  type CoreKind,
  classifyDocument,
  coreKindsFound,
  type DocumentClass,
} from './classify.ts';
import { checkCoverage } from './coverage.ts';
import { lineNumberAmounts } from './lineNumberRows.ts';

/** The gold-free figures of one document of a crawl. */
export interface DocumentReport {
  readonly documentId: string;
  readonly sourceFile: string;
  readonly status: CanonicalDocument['status'];
  readonly message: string;
  /** 预算, 决算 or empty, as the dump gives it. */
  readonly documentKind: string;
  readonly class: DocumentClass;
  readonly coreFound: readonly CoreKind[];
  readonly coreMissing: readonly CoreKind[];
  readonly amounts: number;
  readonly checksPassed: number;
  readonly checksFailed: number;
  readonly checksSkipped: number;
  /** Amounts no check reads. */
  readonly uncovered: number;
  /** The re-run of the checks (for coverage) gave another number of checks than the dump holds. */
  readonly checksDiffer: boolean;
  readonly otherTables: number;
  readonly otherAmounts: number;
  /** Amounts read from 栏次 / 行次 rows or columns. */
  readonly lineNumberAmounts: number;
  /** A report with every core kind and no failed check. */
  readonly cleanAndComplete: boolean;
}

export function reportDocument(doc: CanonicalDocument): DocumentReport {
  const documentClass = classifyDocument(doc);
  const coreFound = coreKindsFound(doc);
  const coreMissing = CORE_KINDS.map(([kind]) => kind).filter((kind) => !coreFound.includes(kind));
  const count = (status: string) => doc.checks.filter((c) => c.status === status).length;
  const coverage = checkCoverage(doc);
  const other = doc.tables.filter((t) => t.table_kind === 'other' && t.line_item_count > 0);
  const checksFailed = count('fail');
  return {
    documentId: doc.document_id,
    sourceFile: doc.source_file,
    status: doc.status,
    message: doc.message,
    documentKind: doc.metadata.document_kind,
    class: documentClass,
    coreFound,
    coreMissing,
    amounts: doc.line_items.length,
    checksPassed: count('pass'),
    checksFailed,
    checksSkipped: count('skip'),
    uncovered: coverage.uncovered.length,
    checksDiffer: coverage.checks !== doc.checks.length,
    otherTables: other.length,
    otherAmounts: other.reduce((n, t) => n + t.line_item_count, 0),
    lineNumberAmounts: lineNumberAmounts(doc.line_items).length,
    cleanAndComplete: documentClass === 'report' && coreMissing.length === 0 && checksFailed === 0,
  };
}
