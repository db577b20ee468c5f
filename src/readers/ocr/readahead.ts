/**
 * Pages are recognised while the next ones render or decode; memory stays bounded by waiting,
 * before the next page is drawn, once `inFlight` pages are being read (two per engine worker).
 * Each run settles on its own: it records its result or its failure where its page belongs.
 */
export interface PageReadahead {
  add(run: Promise<void>): Promise<void>;
  /** Every page added has been read. */
  finish(): Promise<void>;
}

export function pageReadahead(inFlight: number): PageReadahead {
  const runs: Promise<void>[] = [];
  return {
    async add(run) {
      runs.push(run);
      if (runs.length >= inFlight) await runs.shift();
    },
    async finish() {
      await Promise.all(runs.splice(0));
    },
  };
}

/** In flight per engine worker: one being read, one drawn and waiting. */
export const PAGES_PER_WORKER = 2;
