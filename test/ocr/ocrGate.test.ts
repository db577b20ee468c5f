import { describe, expect, it } from 'vitest';
import { localOcrGate, SlotQueue, useOcrGate, withOcrSlot } from '../../src/readers/ocr/ocrGate.ts';

describe('the OCR slot queue', () => {
  it('grants up to its slots, then first come first served as slots come back', () => {
    const queue = new SlotQueue<string>(1);
    const order: string[] = [];
    queue.request('a', () => order.push('a'));
    queue.request('b', () => order.push('b'));
    queue.request('a', () => order.push('a again'));
    expect(order).toEqual(['a']);
    expect(queue.queued).toBe(2);
    // a's second page asked after b: b goes first.
    queue.release('a');
    expect(order).toEqual(['a', 'b']);
    queue.release('b');
    expect(order).toEqual(['a', 'b', 'a again']);
    expect(queue.busy).toBe(1);
  });

  it('holds several slots, and a release by an owner holding none changes nothing', () => {
    const queue = new SlotQueue<string>(2);
    const granted: string[] = [];
    for (const owner of ['a', 'b', 'c']) queue.request(owner, () => granted.push(owner));
    expect(granted).toEqual(['a', 'b']);
    queue.release('c');
    expect(granted).toEqual(['a', 'b']);
    expect(queue.heldBy('a')).toBe(1);
    expect(queue.queuedFor('c')).toBe(1);
  });

  it('gives back what a dropped owner held and withdraws what it waited for', () => {
    const queue = new SlotQueue<string>(1);
    const granted: string[] = [];
    queue.request('dead', () => granted.push('dead'));
    queue.request('dead', () => granted.push('dead again'));
    queue.request('alive', () => granted.push('alive'));
    queue.drop('dead');
    expect(granted).toEqual(['dead', 'alive']);
    expect(queue.busy).toBe(1);
    expect(queue.heldBy('dead')).toBe(0);
  });

  it('refuses a count of slots that is not a whole number ≥ 1', () => {
    expect(() => new SlotQueue(0)).toThrow(RangeError);
    expect(() => new SlotQueue(1.5)).toThrow(RangeError);
  });
});

describe('pages read through a gate of this thread', () => {
  async function overlapOf(slots: number): Promise<number> {
    useOcrGate(localOcrGate(slots));
    let running = 0;
    let most = 0;
    const page = () =>
      withOcrSlot(async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
      });
    try {
      await Promise.all([page(), page(), page(), page()]);
    } finally {
      useOcrGate(localOcrGate());
    }
    return most;
  }

  it('runs at most as many pages at once as the gate has slots', async () => {
    expect(await overlapOf(1)).toBe(1);
    expect(await overlapOf(2)).toBe(2);
  });

  it('gives the slot back when a page fails', async () => {
    useOcrGate(localOcrGate(1));
    try {
      await expect(withOcrSlot(() => Promise.reject(new Error('unreadable')))).rejects.toThrow('unreadable');
      expect(await withOcrSlot(async () => 'next page')).toBe('next page');
    } finally {
      useOcrGate(localOcrGate());
    }
  });
});
