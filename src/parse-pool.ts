import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResult } from './parse-document.js';

/**
 * Parsing runs in worker threads, so that a time limit can stop it: a Markdown parse is synchronous,
 * and some inputs make it quadratic (thousands of unmatched `*` take minutes). A stopped worker is
 * terminated and a new one started for the next document.
 */
const size = 2;
const idle: Worker[] = [];
let busy = 0;
const waiting: Array<() => void> = [];

const entry = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);

function startWorker(): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  // From source (the tests), the worker is TypeScript, which Node 20 runs only through tsx's loader.
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true });
}

/** Parse in a worker; `signal` (the document's time limit) terminates it, rejecting with the signal's reason. */
export async function parseInWorker(request: ParseRequest, signal?: AbortSignal): Promise<ParseResult> {
  while (busy >= size) await new Promise<void>((resolve) => waiting.push(resolve));
  signal?.throwIfAborted();
  busy++;
  const worker = idle.pop() ?? startWorker();
  worker.ref();
  let settled = false;
  let stop: () => void = () => undefined;
  const listeners: Array<[event: string, listener: Parameters<Worker['off']>[1]]> = [];
  try {
    const result = await new Promise<ParseResult>((resolve, reject) => {
      stop = () => reject(signal!.reason);
      signal?.addEventListener('abort', stop, { once: true });
      listeners.push(['message', resolve], ['error', reject], ['exit', (code: number) => reject(new Error(`the parser stopped (exit code ${code})`))]);
      // Only these are removed after: a Worker's own listeners (which start its message port) must stay.
      for (const [event, listener] of listeners) worker.once(event, listener);
      worker.postMessage(request);
    });
    settled = true;
    return result;
  } finally {
    signal?.removeEventListener('abort', stop);
    for (const [event, listener] of listeners) worker.off(event, listener);
    busy--;
    // A worker that did not answer may still be parsing: it is never reused.
    if (settled) {
      worker.unref(); // an idle worker does not keep the process alive
      idle.push(worker);
    } else void worker.terminate();
    waiting.shift()?.();
  }
}
