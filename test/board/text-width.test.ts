/**
 * wrapText on lines narrower than a wide character. Run in a worker: the bug this guards
 * against is an endless loop, which would otherwise hang the test run instead of failing it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

function wrapInWorker(text: string, width: number, timeoutMs = 10_000): Promise<string[]> {
  const moduleUrl = new URL('../../client/board/view/text-width.js', import.meta.url).href;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.moduleUrl).then((m) => parentPort.postMessage(m.wrapText(workerData.text, workerData.width)));
  `;
  const worker = new Worker(source, { eval: true, workerData: { moduleUrl, text, width } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`wrapText(${JSON.stringify(text)}, ${width}) did not return within ${timeoutMs} ms`));
    }, timeoutMs);
    worker.once('message', (lines: string[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(lines);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

test('wrapText at width 1 puts each wide character on a line of its own instead of looping', async () => {
  assert.deepEqual(await wrapInWorker('日本', 1), ['日', '本']);
  assert.deepEqual(await wrapInWorker('🎉a 日', 1), ['🎉', 'a', '日']);
});

test('wrapText still breaks on spaces and by width when characters fit', async () => {
  assert.deepEqual(await wrapInWorker('日本語 ab', 4), ['日本', '語', 'ab']);
});
