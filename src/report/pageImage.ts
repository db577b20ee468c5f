/**
 * A source page drawn for the review site. ~110 dpi keeps a page legible beside its grid on a
 * laptop and a file near 150 KB.
 */

export const REPORT_DPI = 110;

export interface PageImage {
  readonly page: number;
  /** Path relative to the site root. */
  readonly file: string;
  readonly width: number;
  readonly height: number;
}
