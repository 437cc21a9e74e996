// The parsing worker's entry (see parse-pool.ts): one request at a time, answered in order.
import { parentPort } from 'node:worker_threads';
import { type ParseRequest, parseDocument } from './parse-document.js';

parentPort!.on('message', async (request: ParseRequest) => {
  parentPort!.postMessage(await parseDocument(request));
});
