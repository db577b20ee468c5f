import type { CanonicalDocument } from '../../schemas/document.ts';
import { judge, type Verdict } from '../checks/verdict.ts';

/** What the batch runner keeps of a document: enough for the manifest, the summary and the progress line. */
export interface DocumentSummary {
  readonly documentId: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly status: CanonicalDocument['status'];
  readonly message: string;
  readonly tables: number;
  readonly lineItems: number;
  readonly indicators: number;
  readonly checksFailed: number;
  /** As extracted; a narrative's may change when it is paired with its report at publication. */
  readonly verdict: Verdict;
}

export function summarize(doc: CanonicalDocument): DocumentSummary {
  return {
    documentId: doc.document_id,
    sourceFile: doc.source_file,
    sha256: doc.sha256,
    status: doc.status,
    message: doc.message,
    tables: doc.tables.length,
    lineItems: doc.line_items.length,
    indicators: doc.indicators.length,
    checksFailed: doc.checks.filter((c) => c.status === 'fail').length,
    verdict: judge(doc).verdict,
  };
}
