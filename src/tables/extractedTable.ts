import type { Problem, Provenance } from '../model.ts';
import type { MoneyUnit } from '../normalize/unit.ts';
import type { Operator } from '../performance/target.ts';
import type { GridLineItem } from './gridItems.ts';
import type { TableKind } from './tableKinds.ts';

/** An indicator as read from a table, before it is tied to its document. */
export interface IndicatorDraft {
  readonly projectName: string;
  readonly projectCode: string;
  readonly level1: string;
  readonly level2: string;
  readonly indicator: string;
  readonly operator: Operator;
  readonly targetValue: string;
  readonly targetUnit: string;
  readonly targetText: string;
  readonly at: Provenance;
}

/** One table as extracted: kind, title, where it stands, its amounts and indicators. */
export interface ExtractedTable {
  readonly kind: TableKind;
  readonly title: string;
  readonly number: string;
  readonly unit: MoneyUnit | undefined;
  readonly start: Provenance;
  readonly end: Provenance;
  readonly parts: number;
  readonly bodyRows: number;
  readonly headerPaths: readonly (readonly string[])[];
  readonly recognizedBy: string;
  readonly items: readonly GridLineItem[];
  readonly indicators: readonly IndicatorDraft[];
  readonly problems: readonly Problem[];
}
