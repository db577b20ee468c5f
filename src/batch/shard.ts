import { createHash } from 'node:crypto';

/**
 * `--shard K/N`: a deterministic slice of the inputs by document id, so that N independent jobs
 * (Kubernetes indexed Jobs, Slurm arrays, GNU parallel) cover every document exactly once.
 */

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return `--shard takes K/N (for example 2/8), not "${text}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: K must be between 1 and N`;
  return { index, count };
}

export function shardOf(documentId: string, count: number): number {
  const digest = createHash('sha256').update(documentId, 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(documentId: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(documentId, shard.count) === shard.index;
}
