import { buildDist } from '../scripts/buildDist.ts';

/**
 * Vitest global setup: the end-to-end tests run bin/yusuan.js, which runs the compiled CLI, so
 * the sources are compiled once (to dist/) before any test file starts.
 */
export default function setup(): void {
  buildDist();
}
