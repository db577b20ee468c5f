/**
 * The intermediate form every reader produces: a document as a sequence of blocks (text lines,
 * table rows, blanks, page starts), each carrying where it stands in the source.
 */

export interface Provenance {
  /** 1-based line of the source text (text inputs). */
  readonly line?: number;
  /** 1-based page (PDF and OCR inputs). */
  readonly page?: number;
  /** x0, y0, x1, y1 in PDF points from the page's top-left (PDF and OCR inputs). */
  readonly bbox?: [number, number, number, number];
  /** OCR confidence 0–100 of the text at this place. */
  readonly confidence?: number;
}

/**
 * OCR confidence under which a reading is doubtful: the OCR reader reads such a cell or word again,
 * and the table readers do not let it stand in the way of what they are sure of.
 */
export const DOUBTFUL_CONFIDENCE = 60;

export interface Cell {
  /** The cell's text as read, markup included (`<b>合 计</b>`). */
  readonly raw: string;
  readonly at: Provenance;
  /** The cells a wrapped cell was joined from, in reading order (each keeps its own place). */
  readonly pieces?: readonly Cell[];
}

export type Block =
  | {
      readonly kind: 'text';
      readonly raw: string;
      readonly at: Provenance;
      /** Markdown heading depth (`## 收支总表` → 2), 0 otherwise. */
      readonly heading: number;
      readonly listItem: boolean;
    }
  | {
      readonly kind: 'row';
      readonly cells: readonly Cell[];
      readonly at: Provenance;
      readonly format: RowFormat;
    }
  | { readonly kind: 'rule'; readonly at: Provenance }
  | { readonly kind: 'blank'; readonly at: Provenance }
  | {
      readonly kind: 'page';
      readonly page: number;
      /** Page size in PDF points, when the page was read (PDF text layer or OCR). */
      readonly width?: number;
      readonly height?: number;
    };

/** How a row was delimited in the source: tabs, markdown pipes, HTML cells or page geometry. */
export type RowFormat = 'tab' | 'pipe' | 'html' | 'layout';

export type InputType = 'text' | 'pdf' | 'image';

export interface SourceDocument {
  readonly documentId: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly inputType: InputType;
  /** The encoding the text was decoded from (text inputs). */
  readonly encoding?: string;
  readonly pageCount?: number;
  readonly blocks: readonly Block[];
}

export type Severity = 'warning' | 'error';

/** Expected trouble is a value, not an exception: what happened, in which stage, and where. */
export interface Problem {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly stage: 'read' | 'segment' | 'extract' | 'performance' | 'validate' | 'check' | 'write';
  readonly at?: Provenance;
}
