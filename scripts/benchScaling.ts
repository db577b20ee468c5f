import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/pipeline/extractDocument.ts';

/**
 * How extraction time grows with the input: each shape is extracted at a size n and at 10 n (CPU seconds,
 * best of five each, in this process, after a warm-up); a linear reader gives a ratio near 10 (less when a
 * fixed cost dominates the small size). The target is ≤ 12×.
 */

export interface ScalingRow {
  readonly label: string;
  readonly small: string;
  readonly large: string;
  readonly seconds: readonly [number, number];
  readonly ratio: number;
}

interface Shape {
  readonly label: string;
  readonly sizes: readonly [number, number];
  readonly unit: string;
  readonly text: (n: number) => string;
}

const SEED = 'seeds/004_15f2cd45d2b48077.txt';

/** A converter's one-line dump: the seed's lines joined by spaces, repeated to n bytes. */
function oneLine(n: number): string {
  const line = readFileSync(SEED, 'utf8').split('\n').join(' ');
  const bytes = Buffer.from(line.repeat(Math.ceil(n / Buffer.byteLength(line))));
  return `${bytes
    .subarray(0, n)
    .toString('utf8')
    .replace(/\ufffd+$/u, '')}\n`;
}

/** The same table grown row by row (what a 10,000-row 项目支出 table looks like). */
function manyRows(rows: number): string {
  const lines = ['表1 一般公共预算支出表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出'];
  lines.push(`\t合计\t${rows * 3}.00\t${rows}.00\t${rows * 2}.00`);
  for (let i = 0; i < rows; i++) lines.push(`2010301\t行政运行${i}\t3.00\t1.00\t2.00`);
  return lines.join('\n');
}

export const SHAPES: readonly Shape[] = [
  { label: 'one long line (seed 004 joined)', sizes: [200_000, 2_000_000], unit: 'bytes', text: oneLine },
  {
    label: 'a run of spaces inside a prose line',
    sizes: [200_000, 2_000_000],
    unit: 'spaces',
    text: (n) => `${readFileSync(SEED, 'utf8')}\n说明：a${' '.repeat(n)}b合计1,234.56万元。\n`,
  },
  { label: 'a table of many rows', sizes: [2_000, 20_000], unit: 'rows', text: manyRows },
];

async function secondsFor(text: string): Promise<number> {
  const bytes = new TextEncoder().encode(text);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    // CPU time, not wall time: on a shared machine the wall clock also counts other processes.
    const t0 = process.cpuUsage();
    await extractDocument(bytes, { documentId: 'scaling', sourceFile: 'scaling.txt' });
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

export async function measureScaling(shape: Shape): Promise<ScalingRow> {
  const [n, large] = shape.sizes;
  await secondsFor(shape.text(n)); // warm-up
  const seconds = [await secondsFor(shape.text(n)), await secondsFor(shape.text(large))] as const;
  return {
    label: shape.label,
    small: `${n.toLocaleString('en')} ${shape.unit}`,
    large: `${large.toLocaleString('en')} ${shape.unit}`,
    seconds,
    ratio: seconds[1] / seconds[0],
  };
}
