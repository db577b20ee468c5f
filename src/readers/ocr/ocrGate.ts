import { collectGarbage } from './collectGarbage.ts';

/**
 * How many pages are read by OCR at the same time in the whole process. A page's text detection
 * alone needs about 450 MiB while it runs (PP-OCR's DB network on a 2048-pixel page), so two
 * extraction threads each reading a scan doubled a crawl's peak memory; on two cores a second page
 * at once bought no speed either (4.6 s/page at one OCR worker, 4.9 at two). Pages wait for a slot
 * in the order they asked for one, so a long scan cannot starve another file's pages.
 */

/** Whoever holds a slot gives it back by calling this once. */
export type ReleaseSlot = () => void;

export interface OcrGate {
  acquire(): Promise<ReleaseSlot>;
}

/** Default slots: one page at a time (see the module's comment). */
export const DEFAULT_OCR_CONCURRENCY = 1;

/**
 * A first-come, first-served queue for a fixed number of slots, shared by owners (an extraction
 * thread, a page): an owner that dies is dropped with whatever it held or waited for.
 */
export class SlotQueue<Owner> {
  private readonly held = new Map<Owner, number>();
  private readonly waiting: { readonly owner: Owner; readonly grant: () => void }[] = [];
  private inUse = 0;

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1)
      throw new RangeError(`slots must be a whole number ≥ 1, not ${slots}`);
  }

  /** Calls `grant` once the owner holds a slot: at once when one is free. */
  request(owner: Owner, grant: () => void): void {
    this.waiting.push({ owner, grant });
    this.grantWaiting();
  }

  /** Gives back one slot the owner holds (nothing when it holds none). */
  release(owner: Owner): void {
    const count = this.held.get(owner) ?? 0;
    if (count === 0) return;
    if (count === 1) this.held.delete(owner);
    else this.held.set(owner, count - 1);
    this.inUse--;
    this.grantWaiting();
  }

  /** Forgets an owner: its slots are given back, its requests withdrawn. */
  drop(owner: Owner): void {
    for (let i = this.waiting.length - 1; i >= 0; i--)
      if (this.waiting[i]!.owner === owner) this.waiting.splice(i, 1);
    this.inUse -= this.held.get(owner) ?? 0;
    this.held.delete(owner);
    this.grantWaiting();
  }

  /** Slots the owner holds now. */
  heldBy(owner: Owner): number {
    return this.held.get(owner) ?? 0;
  }

  /** Requests of the owner not granted yet. */
  queuedFor(owner: Owner): number {
    return this.waiting.filter((w) => w.owner === owner).length;
  }

  /** Slots held now. */
  get busy(): number {
    return this.inUse;
  }

  /** Requests not granted yet. */
  get queued(): number {
    return this.waiting.length;
  }

  private grantWaiting(): void {
    while (this.inUse < this.slots && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.inUse++;
      this.held.set(next.owner, (this.held.get(next.owner) ?? 0) + 1);
      next.grant();
    }
  }
}

/** A gate within this thread: every caller is its own owner. */
export function localOcrGate(slots: number = DEFAULT_OCR_CONCURRENCY): OcrGate {
  const queue = new SlotQueue<symbol>(slots);
  return {
    acquire: () =>
      new Promise<ReleaseSlot>((resolve) => {
        const owner = Symbol('page');
        queue.request(owner, () => resolve(() => queue.release(owner)));
      }),
  };
}

let gate: OcrGate = localOcrGate();

/**
 * The gate pages pass through in this thread: an extraction thread of a batch installs one that
 * asks the pool, so the bound holds across the threads of the process.
 */
export function useOcrGate(next: OcrGate): void {
  gate = next;
}

/**
 * Runs `read` holding an OCR slot. The thread's garbage is collected as it takes the slot and as
 * it gives it back (collectGarbage.ts): the page about to be read finds the memory other pages left.
 */
export async function withOcrSlot<T>(read: () => Promise<T>): Promise<T> {
  const release = await gate.acquire();
  try {
    collectGarbage();
    return await read();
  } finally {
    collectGarbage();
    release();
  }
}
