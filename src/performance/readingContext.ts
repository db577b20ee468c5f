import type { Problem, Provenance } from '../model.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import type { MoneyUnit } from '../normalize/unit.ts';
import type { IndicatorDraft } from '../tables/extractedTable.ts';
import type { GridLineItem } from '../tables/gridItems.ts';
import type { RawRow } from '../tables/rawTable.ts';
import type { TableKind } from '../tables/tableKinds.ts';

/** What the readers of a performance table's parts share: what they found, and where they are. */

export interface Context {
  readonly kind: TableKind;
  readonly items: GridLineItem[];
  readonly indicators: IndicatorDraft[];
  readonly problems: Problem[];
  formProject: string;
  unit: MoneyUnit | undefined;
  /** Carried across sections: a header repeated on the next page must not forget the project. */
  indicatorState: IndicatorState | undefined;
}

export function item(
  fields: Pick<GridLineItem, 'rowLabel' | 'columnLabel' | 'value' | 'at' | 'rowIndex' | 'columnIndex'> &
    Partial<GridLineItem>,
): GridLineItem {
  return {
    subjectCode: '',
    economicCode: '',
    govEconomicCode: '',
    projectCode: '',
    originalText: '',
    side: '',
    isTotal: /合计|总计/.test(fields.rowLabel),
    ...fields,
  };
}

export function headerTexts(rows: readonly RawRow[]): string[] {
  return rows.flatMap((r) => r.cells.map((c) => cleanCellText(c.raw)));
}

/** Where the indicator grid is: carried across sections and pages. */
export interface IndicatorState {
  project: string;
  level1: string;
  level2: string;
  cutAt: Provenance | undefined;
}
