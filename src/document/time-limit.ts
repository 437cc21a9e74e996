/**
 * A document's clock: it counts the document's own work, not the time its prints wait for a page of
 * the shared browser, nor a relaunch another document's crash caused. It runs unless every print of
 * the document in flight is waiting (while nothing prints, the document is reading, parsing or
 * finishing a PDF: its own work).
 */
export interface Clock {
  /** A print of the document, from asking for a page to its PDF. */
  printing<T>(print: () => Promise<T>): Promise<T>;
  /** Time spent here is not counted while every print of the document is waiting. */
  waiting<T>(wait: Promise<T>): Promise<T>;
}

/**
 * `work`, or a rejection once it has used `ms` of its clock; the signal it is given is aborted then,
 * which stops the parse and the print in flight (the rest of the work is left to finish unobserved).
 */
export async function withTimeLimit<T>(
  work: (deadline: AbortSignal, clock: Clock) => Promise<T>,
  ms: number,
): Promise<T> {
  const deadline = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let reject: (error: Error) => void = () => undefined;
  const limit = new Promise<never>((_, fail) => {
    reject = fail;
  });
  let used = 0;
  let since: number | undefined;
  let prints = 0;
  let waits = 0;
  /** Once the race is decided, prints left to finish unobserved must not start the timer again. */
  let over = false;
  const expire = () => {
    const error = new Error(
      `took longer than the time limit of ${ms / 1000} s: simplify the document, or raise the limit (--timeout)`,
    );
    reject(error);
    deadline.abort(error);
  };
  /** Start or stop the timer as the state of the prints changes. */
  const update = () => {
    const running = !over && !deadline.signal.aborted && (prints === 0 || waits < prints);
    if (running && since === undefined) {
      since = performance.now();
      timer = setTimeout(expire, Math.max(0, ms - used));
    } else if (!running && since !== undefined) {
      used += performance.now() - since;
      since = undefined;
      clearTimeout(timer);
    }
  };
  const around = async <R>(enter: () => void, leave: () => void, inner: () => Promise<R>): Promise<R> => {
    enter();
    update();
    try {
      return await inner();
    } finally {
      leave();
      update();
    }
  };
  const clock: Clock = {
    printing: (print) =>
      around(
        () => prints++,
        () => prints--,
        print,
      ),
    waiting: (wait) =>
      around(
        () => waits++,
        () => waits--,
        () => wait,
      ),
  };
  update();
  const running = work(deadline.signal, clock);
  running.catch(() => undefined);
  try {
    return await Promise.race([running, limit]);
  } finally {
    over = true;
    clearTimeout(timer);
    since = undefined;
  }
}
