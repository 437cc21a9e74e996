import { EventEmitter, once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import { onReset } from '../caches.js';
import type { BriefDocument } from './document-model.js';
import type { ParseRequest, ParseResult } from './parse-document.js';

/**
 * Parsing runs in worker threads, so that a time limit can stop it: a Markdown parse is synchronous,
 * and some inputs make it quadratic (thousands of unmatched `*` take minutes). A stopped worker is
 * terminated. One worker serves a batch (a parse takes milliseconds, and each worker costs half a
 * second of CPU to load the parser, which a cold start must not pay twice); a parse that keeps it
 * busy for seconds gets others started, up to `most`, so that one slow document does not hold the
 * rest back.
 */
const most = 4;
const patience = 2000;
const idle: Worker[] = [];
// A reset ends the idle workers: the next parse starts a fresh one.
onReset(() => {
  for (const worker of idle.splice(0)) {
    live--;
    void worker.terminate();
  }
});
const freed = new EventEmitter().setMaxListeners(0); // every document waiting for a worker listens
let live = 0;

const entry = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);

function startWorker(): Worker {
  live++;
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  // From source (the tests), the worker is TypeScript, which Node 20 runs only through tsx's loader.
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true },
  );
}

async function acquire(): Promise<Worker> {
  for (;;) {
    const worker = idle.pop();
    if (worker) return worker;
    if (live === 0) return startWorker();
    try {
      await once(freed, 'free', { signal: AbortSignal.timeout(patience) });
    } catch {
      if (live < most && idle.length === 0) return startWorker();
    }
  }
}

/** Parse in a worker; `signal` (the document's time limit) terminates it, rejecting with the signal's reason. */
export async function parseInWorker(request: ParseRequest, signal?: AbortSignal): Promise<ParseResult> {
  signal?.throwIfAborted();
  const worker = await acquire();
  worker.ref();
  let settled = false;
  let stop: () => void = () => undefined;
  const listeners: Array<[event: string, listener: Parameters<Worker['off']>[1]]> = [];
  try {
    const result = await new Promise<ParseResult>((resolve, reject) => {
      stop = () => reject(signal!.reason);
      signal?.addEventListener('abort', stop, { once: true });
      listeners.push(
        ['message', resolve],
        ['error', reject],
        ['exit', (code: number) => reject(new Error(`the parser stopped (exit code ${code})`))],
      );
      // Only these are removed after: a Worker's own listeners (which start its message port) must stay.
      for (const [event, listener] of listeners) worker.once(event, listener);
      worker.postMessage(request);
    });
    settled = true;
    return result;
  } finally {
    signal?.removeEventListener('abort', stop);
    for (const [event, listener] of listeners) worker.off(event, listener);
    // A worker that did not answer may still be parsing: it is never reused.
    if (settled) {
      worker.unref(); // an idle worker does not keep the process alive
      idle.push(worker);
      freed.emit('free');
    } else {
      live--;
      void worker.terminate();
    }
  }
}

/**
 * Markdown → document model, in a parsing worker that `deadline` stops; every problem becomes a
 * message of `file`, and its links go to `file.data.linkTargets`.
 */
export async function parseFile(
  file: VFile,
  settings: Omit<ParseRequest, 'path' | 'value'>,
  deadline: AbortSignal,
): Promise<BriefDocument> {
  const failed = () => file.messages.find((message) => message.fatal);
  if (failed()) throw failed();
  const { document, messages, linkTargets } = await parseInWorker(
    { ...settings, path: file.path, value: String(file.value) },
    deadline,
  );
  for (const { reason, place, ruleId, source, fatal } of messages)
    file.message(reason, { place, ruleId, source }).fatal = fatal;
  if (linkTargets) file.data.linkTargets = linkTargets;
  if (failed() || !document) throw failed();
  return document;
}
