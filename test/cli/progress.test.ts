import { describe, expect, it } from 'vitest';
import { ocrPageText, ProgressReporter } from '../../src/cli/progress.ts';

class Sink {
  text = '';
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

const reporter = (sink: Sink, total: number, intervalMs: number) =>
  new ProgressReporter(sink as unknown as NodeJS.WritableStream, total, intervalMs);

describe('the progress line', () => {
  it('names the file and the page OCR is reading', () => {
    expect(ocrPageText('/corpus/长沙/预算.pdf', 3, 14)).toBe('预算.pdf: OCR page 3 of 14');
  });

  it('on a terminal, redraws the bar with the page being read, and drops it when the file is done', () => {
    const sink = new Sink();
    sink.isTTY = true;
    const progress = reporter(sink, 2, 5000);
    progress.ocrPage('a/scan.pdf', 2, 12);
    expect(sink.text).toMatch(/^\r\[\.+\] 0\/2 .* {2}scan\.pdf: OCR page 2 of 12/);
    expect(sink.text.endsWith('\u001b[K')).toBe(true);
    sink.text = '';
    progress.tick(1, false);
    expect(sink.text).toMatch(/ 1\/2 /);
    expect(sink.text).not.toMatch(/OCR page/);
  });

  it('on a pipe, prints a line at most once per interval', () => {
    const sink = new Sink();
    const progress = reporter(sink, 1, 60_000);
    progress.ocrPage('scan.pdf', 1, 3);
    progress.ocrPage('scan.pdf', 2, 3);
    expect(sink.text.trim().split('\n')).toHaveLength(1);
    expect(sink.text).toMatch(/scan\.pdf: OCR page 1 of 3\n$/);
    progress.tick(1, false);
    expect(sink.text.trim().split('\n')).toHaveLength(2);
  });
});
