/**
 * Pages are recognised while the next ones render or decode; memory stays bounded by waiting,
 * before the next page is drawn, once two pages per engine worker are in flight (one being read,
 * one drawn and waiting). Each run settles on its own: it records its result or its failure
 * where its page belongs.
 */
export interface PageReadahead {
  add(run: Promise<void>): Promise<void>;
  /** Every page added has been read. */
  finish(): Promise<void>;
}

export function pageReadahead(engineWorkers: number): PageReadahead {
  const inFlight = 2 * engineWorkers;
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
