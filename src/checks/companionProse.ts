import { basename, dirname } from 'node:path';
import type { Check } from '../../schemas/check.ts';
import type { CanonicalDocument } from '../../schemas/document.ts';
import type { CheckInput } from './model.ts';
import { proseCheck } from './proseMatchesTable.ts';
import type { ProseStatement } from './proseStatements.ts';

/**
 * Many departments publish a disclosure as two files: the narrative (说明, often a scan) and the
 * report of tables (报表, `附件2：…部门预算报表`). The narrative's stated amounts are checked against
 * the report's tables when both are in one run: same folder, same year, same department.
 */

export interface CompanionKey {
  readonly documentId: string;
  readonly sourceFile: string;
  readonly department: string;
  readonly year: string;
  readonly documentKind: string;
  /** Line items of its own: a report. */
  readonly lineItems: number;
  /** Statements with no table of its own to check them: a narrative. */
  readonly needsTables: boolean;
}

export function companionKeyOf(doc: CanonicalDocument): CompanionKey {
  return {
    documentId: doc.document_id,
    sourceFile: doc.source_file,
    department: doc.metadata.department,
    year: doc.metadata.year,
    documentKind: doc.metadata.document_kind,
    lineItems: doc.line_items.length,
    needsTables: (doc.prose_amounts?.length ?? 0) > 0 && doc.line_items.length === 0,
  };
}

/** The publisher's part of a file name: `政务服务和数据管理局_2026年部门预算.pdf` → 政务服务和数据管理局. */
function namePrefix(path: string): string {
  const stem = basename(path).replace(/\.[^.]+$/u, '');
  const cut = stem.search(/[_＿]/u);
  return cut > 0 ? stem.slice(0, cut) : '';
}

const sameText = (a: string, b: string) => a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');

function belongTogether(narrative: CompanionKey, report: CompanionKey): boolean {
  if (dirname(narrative.sourceFile) !== dirname(report.sourceFile)) return false;
  if (narrative.year && report.year && narrative.year !== report.year) return false;
  if (narrative.documentKind && report.documentKind && narrative.documentKind !== report.documentKind)
    return false;
  // The publisher's file names first: OCR may garble the department a scanned cover names.
  const prefix = namePrefix(narrative.sourceFile);
  if (prefix !== '' && prefix === namePrefix(report.sourceFile)) return true;
  return narrative.department !== '' && sameText(narrative.department, report.department);
}

/**
 * Narrative id → report id, for each narrative with exactly one report that belongs with it (two
 * candidates would be a guess; it is left unpaired).
 */
export function pairNarratives(keys: readonly CompanionKey[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const narrative of keys) {
    if (!narrative.needsTables) continue;
    const reports = keys.filter(
      (k) => k.documentId !== narrative.documentId && k.lineItems > 0 && belongTogether(narrative, k),
    );
    if (reports.length === 1) pairs.set(narrative.documentId, reports[0]!.documentId);
  }
  return pairs;
}

/** The narrative with its prose checks made against the report's tables. */
export function checkedAgainstReport(
  narrative: CanonicalDocument,
  report: CanonicalDocument,
): CanonicalDocument {
  const tables: CheckInput = {
    documentId: report.document_id,
    year: report.metadata.year,
    tables: report.tables,
    lineItems: report.line_items,
    prose: [],
  };
  const statements = (narrative.prose_amounts ?? []) as readonly ProseStatement[];
  const checks: Check[] = statements.map((s) =>
    proseCheck(narrative.document_id, s, tables, `report ${report.document_id}`),
  );
  return {
    ...narrative,
    checks: [...narrative.checks.filter((c) => c.check !== 'prose_matches_table'), ...checks],
  };
}

/** Every narrative of a run paired with its report and checked against it. */
export function withCompanionChecks(docs: readonly CanonicalDocument[]): CanonicalDocument[] {
  const pairs = pairNarratives(docs.map(companionKeyOf));
  if (pairs.size === 0) return [...docs];
  const byId = new Map(docs.map((d) => [d.document_id, d]));
  return docs.map((d) => {
    const report = pairs.get(d.document_id);
    return report ? checkedAgainstReport(d, byId.get(report)!) : d;
  });
}
