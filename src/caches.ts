/**
 * The per-process caches (compiled templates, font sets and subsets, logos, segmenters, date formats,
 * idle parsing workers) are made here, so that one call empties them all: `watch`, after a template or
 * the config changes, and tests that need a cold start.
 */
const resets = new Set<() => void>();

/** A `Map` that {@link resetCaches} empties. */
export function cache<K, V>(): Map<K, V> {
  const map = new Map<K, V>();
  resets.add(() => map.clear());
  return map;
}

/** Run `reset` whenever the caches are reset (for a cache that is not a `Map`). */
export function onReset(reset: () => void): void {
  resets.add(reset);
}

/** Forget everything cached: the next build reads templates, fonts and logos again. */
export function resetCaches(): void {
  for (const reset of resets) reset();
}
