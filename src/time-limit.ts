/**
 * `work`, or a rejection once `ms` have passed; the signal it is given is aborted then, which stops
 * the parse (the rest of the work is left to finish unobserved).
 */
export async function withTimeLimit<T>(work: (deadline: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const deadline = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(
        `took longer than the time limit of ${ms / 1000} s: simplify the document, or raise the limit (--timeout)`,
      );
      reject(error);
      deadline.abort(error);
    }, ms);
  });
  const running = work(deadline.signal);
  running.catch(() => undefined);
  try {
    return await Promise.race([running, limit]);
  } finally {
    clearTimeout(timer);
  }
}
