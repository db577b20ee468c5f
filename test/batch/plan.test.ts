import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyManifest, parseManifest, planRun, serializeManifest } from '../../src/batch/manifest.ts';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.ts';
import { progressText } from '../../src/cli/progress.ts';

const input = (documentId: string, sha256: string) => ({ documentId, path: `in/${documentId}.txt`, sha256 });

describe('planRun', () => {
  const manifest = {
    ...emptyManifest('1.0.0', 'opts'),
    documents: {
      a: { source_file: 'in/a.txt', sha256: 'h1', status: 'ok' as const },
      b: { source_file: 'in/b.txt', sha256: 'h2', status: 'ok' as const },
      gone: { source_file: 'in/gone.txt', sha256: 'h3', status: 'failed' as const },
    },
  };

  it('sorts inputs into added, changed, unchanged and removed', () => {
    const plan = planRun([input('a', 'h1'), input('b', 'CHANGED'), input('c', 'h4')], manifest);
    expect(plan.unchanged.map((i) => i.documentId)).toEqual(['a']);
    expect(plan.changed.map((i) => i.documentId)).toEqual(['b']);
    expect(plan.added.map((i) => i.documentId)).toEqual(['c']);
    expect(plan.removed).toEqual(['gone']);
  });

  it('treats a file that moved as changed (its source path is in the output)', () => {
    const plan = planRun([{ documentId: 'a', path: 'elsewhere/a.txt', sha256: 'h1' }], manifest);
    expect(plan.changed.map((i) => i.documentId)).toEqual(['a']);
  });

  it('re-extracts everything with force', () => {
    const plan = planRun([input('a', 'h1'), input('b', 'h2')], manifest, true);
    expect(plan.changed).toHaveLength(2);
    expect(plan.unchanged).toHaveLength(0);
  });

  it('starts from scratch when the manifest is from another version, other options or unreadable', () => {
    const text = serializeManifest(manifest);
    expect(Object.keys(parseManifest(text, '1.0.0', 'opts').documents)).toHaveLength(3);
    expect(parseManifest(text, '1.0.1', 'opts').documents).toEqual({});
    expect(parseManifest(text, '1.0.0', 'other').documents).toEqual({});
    expect(parseManifest('{ truncated', '1.0.0', 'opts').documents).toEqual({});
    expect(parseManifest(undefined, '1.0.0', 'opts').documents).toEqual({});
  });
});

describe('shards', () => {
  it('parses K/N and refuses anything else', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0']) expect(typeof parseShard(bad)).toBe('string');
  });

  it('puts every document in exactly one shard, the same one every time', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 64 }), (id, count) => {
        const owners = Array.from({ length: count }, (_, k) => k + 1).filter((index) =>
          inShard(id, { index, count }),
        );
        expect(owners).toEqual([shardOf(id, count)]);
      }),
    );
  });
});

describe('progressText', () => {
  it('shows counts, percentage, rate, ETA and failures', () => {
    expect(progressText({ done: 50, total: 200, failed: 2, seconds: 10 }, 8)).toBe(
      '[##......] 50/200  25%  5.0 files/s  ETA 0:30  2 failed',
    );
    expect(progressText({ done: 0, total: 10, failed: 0, seconds: 0 }, 4)).toBe(
      '[....] 0/10   0%  0.0 files/s  ETA ?',
    );
  });
});
