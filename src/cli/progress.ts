import { basename } from 'node:path';

/**
 * Progress of a batch run: a bar redrawn in place on a terminal; on a pipe (CI logs) a plain
 * line every few seconds, so logs stay readable.
 */

export interface ProgressState {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly seconds: number;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function progressText(p: ProgressState, width = 24): string {
  const fraction = p.total === 0 ? 1 : p.done / p.total;
  const filled = Math.round(fraction * width);
  const rate = p.seconds > 0 ? p.done / p.seconds : 0;
  const eta = rate > 0 ? clock((p.total - p.done) / rate) : '?';
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const failed = p.failed > 0 ? `  ${p.failed} failed` : '';
  return `${bar} ${p.done}/${p.total} ${(fraction * 100).toFixed(0).padStart(3)}%  ${rate.toFixed(1)} files/s  ETA ${eta}${failed}`;
}

/** What a file is busy with: the page it has sent to OCR (the slow part of a scan). */
export function ocrPageText(file: string, page: number, pages: number): string {
  return `${basename(file)}: OCR page ${page} of ${pages}`;
}

export class ProgressReporter {
  private started = performance.now();
  // The first line is printed at once; then one per interval.
  private lastLine = Number.NEGATIVE_INFINITY;
  private failed = 0;
  private done = 0;
  private reading = '';

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly total: number,
    private readonly intervalMs = 5000,
  ) {}

  private line(): string {
    const state: ProgressState = {
      done: this.done,
      total: this.total,
      failed: this.failed,
      seconds: (performance.now() - this.started) / 1000,
    };
    const text = progressText(state);
    return this.reading ? `${text}  ${this.reading}` : text;
  }

  private draw(force: boolean): void {
    if (this.stream.isTTY) {
      // A line longer than the terminal would wrap and no longer be redrawn in place.
      this.stream.write(`\r${this.line().slice(0, (this.stream.columns ?? 120) - 1)}\u001b[K`);
      return;
    }
    const now = performance.now();
    if (force || now - this.lastLine >= this.intervalMs) {
      this.lastLine = now;
      this.stream.write(`${this.line()}\n`);
    }
  }

  tick(done: number, failed: boolean): void {
    if (failed) this.failed++;
    this.done = done;
    this.reading = '';
    this.draw(done === this.total);
  }

  /** A file sent a page to OCR: the line names it, so a long scan is seen to move. */
  ocrPage(file: string, page: number, pages: number): void {
    this.reading = ocrPageText(file, page, pages);
    this.draw(false);
  }

  end(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
