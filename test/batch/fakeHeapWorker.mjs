// A stand-in for extractWorker.mjs (test/batch/recycle.test.ts): answers at once, reporting the
// heap the task asks for and the thread that took the task, so the pool's recycling shows.

import { parentPort, threadId } from 'node:worker_threads';

const port = parentPort;
port.on('message', (task) => {
  if (task === 'shutdown') return port.close();
  port.postMessage({
    ok: true,
    summary: { documentId: task.documentId, message: String(threadId) },
    heapMb: task.options.fakeHeapMb,
  });
});
