// Preloaded (node --import) into a yusuan run by test/bad/noNetwork.test.ts: any attempt to open a
// socket, resolve a name or fetch, in the main thread or a worker thread, is refused and reported.
import dns from 'node:dns';
import net from 'node:net';
import { isMainThread, threadId } from 'node:worker_threads';

const refuse = (what) => {
  process.stderr.write(`NETWORK ATTEMPT (${isMainThread ? 'main' : `thread ${threadId}`}): ${what}\n`);
  throw new Error(`network access refused: ${what}`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const [first] = args;
  // A Unix socket or pipe (tsx's IPC channel) is local, not network.
  const local =
    typeof first === 'string' || (Array.isArray(first) ? first[0]?.path : first?.path) !== undefined;
  if (local) return connect.apply(this, args);
  return refuse(`connect ${JSON.stringify(first)}`);
};
dns.lookup = (host) => refuse(`dns ${host}`);
globalThis.fetch = async (url) => refuse(`fetch ${url}`);
