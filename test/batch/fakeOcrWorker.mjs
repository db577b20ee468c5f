// A stand-in for extractWorker.mjs (test/batch/ocrTimeLimit.test.ts): it "OCRs" the pages the task
// lists, each taking the given milliseconds, telling the parent of each page as the real worker does,
// then answers. No tesseract: a slow scan without the minutes of real OCR.

import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';

const port = parentPort;
port.on('message', async (task) => {
  if (task === 'shutdown') return port.close();
  const pages = task.options.fakeOcrPageMs;
  for (const [i, ms] of pages.entries()) {
    port.postMessage({ ocrPage: i + 1, pages: pages.length });
    await sleep(ms);
  }
  port.postMessage({ ok: true, summary: { documentId: task.documentId } });
});
