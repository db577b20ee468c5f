import type { LineItem } from '../../schemas/lineItem.ts';
import { esc } from './html.ts';
import { itemClasses, itemKey, itemTitle } from './marks.ts';
import { type PageImage, REPORT_DPI } from './pageImage.ts';

/**
 * A source page image with each extracted value outlined. Boxes are placed in percent of the page
 * size in PDF points, so they stay on their value whatever size the image is shown at.
 */

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

const pct = (n: number) => `${Math.round(n * 10000) / 100}%`;

export function boxStyle(box: readonly [number, number, number, number], size: PageSize): string {
  const [x0, y0, x1, y1] = box;
  return `left:${pct(x0 / size.width)};top:${pct(y0 / size.height)};width:${pct((x1 - x0) / size.width)};height:${pct((y1 - y0) / size.height)}`;
}

function boxOf(item: LineItem): [number, number, number, number] | undefined {
  const { x0, y0, x1, y1 } = item;
  return x0 !== undefined && y0 !== undefined && x1 !== undefined && y1 !== undefined
    ? [x0, y0, x1, y1]
    : undefined;
}

/** The page size in points: the one the reader measured, else the image's at the drawing resolution. */
export function pageSizeOf(image: PageImage, measured: Partial<PageSize> | undefined): PageSize {
  if (measured?.width && measured.height) return { width: measured.width, height: measured.height };
  return { width: (image.width * 72) / REPORT_DPI, height: (image.height * 72) / REPORT_DPI };
}

export function pageFigure(
  image: PageImage,
  size: PageSize,
  items: readonly LineItem[],
  failed: ReadonlySet<string>,
  folio: string | undefined,
): string {
  const boxes = items
    .flatMap((it) => {
      const box = boxOf(it);
      if (!box || it.page !== image.page) return [];
      const key = itemKey(it);
      return [
        `<a class="box ${itemClasses(it, failed)}" data-key="${key}" style="${boxStyle(box, size)}" title="${esc(itemTitle(it))}"></a>`,
      ];
    })
    .join('');
  const caption = `page ${image.page}${folio ? ` · printed ${esc(folio)}` : ''}`;
  return `<figure class="page" data-page="${image.page}"><figcaption>${caption}</figcaption><div class="sheet"><img src="${esc(image.file)}" width="${image.width}" height="${image.height}" alt="source page ${image.page}" loading="lazy">${boxes}</div></figure>`;
}
