// A stand-in for extractWorker.mjs (test/batch/ocrSlots.test.ts): each page it "OCRs" first asks the
// pool for an OCR slot, as the real worker's gate does, holds it for the given milliseconds and
// gives it back; it answers with when it held each slot. With `fakeDieHoldingSlot` the thread exits
// while it holds one; with `fakeAskAhead` it asks for every page's slot at once, as the PDF reader
// queues its next page while one is read.

import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';

const port = parentPort;
const granted = [];
const slot = () =>
  new Promise((resolve) => {
    granted.push(resolve);
    port.postMessage({ ocrSlot: 'acquire' });
  });

port.on('message', async (task) => {
  if (task === 'shutdown') return port.close();
  if (typeof task === 'object' && 'ocrSlotGranted' in task) return granted.shift()?.();
  const {
    fakeOcrPageMs: pages,
    fakeDelayMs = 0,
    fakeDieHoldingSlot = false,
    fakeAskAhead = false,
  } = task.options;
  await sleep(fakeDelayMs);
  const held = [];
  const ahead = fakeAskAhead ? pages.map(() => slot()) : [];
  for (const [i, ms] of pages.entries()) {
    port.postMessage({ ocrPage: i + 1, pages: pages.length });
    await (ahead[i] ?? slot());
    if (fakeDieHoldingSlot) process.exit(3);
    const from = Date.now();
    await sleep(ms);
    held.push([from, Date.now()]);
    port.postMessage({ ocrSlot: 'release' });
  }
  port.postMessage({ ok: true, summary: { documentId: task.documentId, message: JSON.stringify(held) } });
});
