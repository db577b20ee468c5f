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

export class ProgressReporter {
  private started = performance.now();
  private lastLine = 0;
  private failed = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total: number,
    private readonly intervalMs = 5000,
  ) {}

  private state(done: number): ProgressState {
    return {
      done,
      total: this.total,
      failed: this.failed,
      seconds: (performance.now() - this.started) / 1000,
    };
  }

  tick(done: number, failed: boolean): void {
    if (failed) this.failed++;
    if (this.stream.isTTY) {
      this.stream.write(`\r${progressText(this.state(done))}\u001b[K`);
      return;
    }
    const now = performance.now();
    if (now - this.lastLine >= this.intervalMs || done === this.total) {
      this.lastLine = now;
      this.stream.write(`${progressText(this.state(done))}\n`);
    }
  }

  end(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
