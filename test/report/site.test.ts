import { describe, expect, it } from 'vitest';
import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { esc } from '../../src/report/html.ts';
import { entryOf } from '../../src/report/loadDump.ts';
import { failedKeys, itemClasses } from '../../src/report/marks.ts';
import { boxStyle, pageSizeOf } from '../../src/report/pageFigure.ts';

describe('review site pieces', () => {
  it('places a box in percent of the page, so it follows the image at any size', () => {
    expect(boxStyle([59.5, 84.2, 119, 168.4], { width: 595, height: 842 })).toBe(
      'left:10%;top:10%;width:10%;height:10%',
    );
  });

  it('takes the page size the reader measured, else the image size at the drawing resolution', () => {
    const image = { page: 1, file: 'p1.png', width: 1100, height: 1540 };
    expect(pageSizeOf(image, { width: 595, height: 842 })).toEqual({ width: 595, height: 842 });
    expect(pageSizeOf(image, undefined)).toEqual({ width: 720, height: 1008 });
  });

  it('shows the verdict column when the dump has one, else the status', () => {
    const base = { document_id: 'a', source_file: 'a.pdf', status: 'ok', message: '' };
    expect(entryOf(base).verdict).toBe('ok');
    expect(entryOf({ ...base, verdict: 'needs_review', verdict_reasons: '1 failed check' })).toMatchObject({
      verdict: 'needs_review',
      reasons: '1 failed check',
    });
  });

  it('escapes what the source printed', () => {
    expect(esc('<b>合 计</b> & "x"')).toBe('&lt;b&gt;合 计&lt;/b&gt; &amp; &quot;x&quot;');
  });

  it('marks values in a failed check, repaired by OCR repair, or below the OCR confidence floor', () => {
    const item = {
      table_index: 2,
      row_index: 3,
      column_index: 4,
      status: 'read',
      value: '8',
    } as LineItem;
    const check = {
      status: 'fail',
      cells: [
        {
          role: 'total',
          table_index: 2,
          row_index: 3,
          column_index: 4,
          row_label: '',
          column_label: '',
          value: '8',
        },
      ],
    } as Check;
    const passing = { ...check, status: 'pass' } as Check;
    expect(itemClasses(item, failedKeys([check]))).toBe('v fail');
    expect(itemClasses(item, failedKeys([passing]))).toBe('v');
    expect(itemClasses({ ...item, status: 'repaired' }, new Set())).toBe('v repaired');
    expect(itemClasses({ ...item, confidence: 41 }, new Set())).toBe('v doubtful');
    expect(itemClasses({ ...item, confidence: 96 }, new Set())).toBe('v');
  });
});
