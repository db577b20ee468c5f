import type { SourceDocument } from '../src/model.ts';
import type { MoneyUnit } from '../src/normalize/unit.ts';
import type { ExtractedTable } from '../src/tables/extractedTable.ts';
import type { RawTable } from '../src/tables/rawTable.ts';
import type { TableKind } from '../src/tables/tableKinds.ts';

/**
 * A layout extractor is a thin override of the generic core: it claims the documents of one layout
 * family and may replace a few steps (table classification, forms that are not grids, metadata).
 * Everything it does not override is the generic core's.
 */

export interface LayoutClaim {
  /** 0 = not this layout; higher wins. The generic extractor claims every document with 1. */
  readonly score: number;
  readonly reason: string;
}

export interface TableClassification {
  readonly kind: TableKind;
  /** A title for an untitled table (from its section heading), when the layout knows it. */
  readonly title?: string;
  readonly reason: string;
}

export interface MetadataHints {
  readonly city?: string;
  readonly department?: string;
  readonly year?: string;
  readonly documentKind?: '预算' | '决算';
}

export interface LayoutExtractor {
  /** Registry key, reported in documents.csv (`layout_family`). */
  readonly family: string;
  readonly description: string;
  detect(doc: SourceDocument, plainText: string): LayoutClaim;
  /** Classifies a table the generic title rules cannot name, or overrides them. */
  classifyTable?(table: RawTable): TableClassification | undefined;
  /** Tables printed as forms rather than grids (read from the text lines, not from rows). */
  readForms?(doc: SourceDocument): ExtractedTable[];
  /** Unit of tables that state none. */
  readonly defaultUnit?: MoneyUnit;
  metadata?(doc: SourceDocument, plainText: string): MetadataHints;
}
