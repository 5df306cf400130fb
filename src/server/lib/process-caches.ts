/**
 * Caches kept in module scope for the life of the process, keyed by ids rather than by database (a
 * programme's report, a published course version). They belong to the app that filled them: building a
 * new app in the same process (the browser tests run one spec after another in a worker) starts them
 * empty, so no answer from one database is given for another.
 */
const clears = new Set<() => void>();

/** Registers a cache's `clear`; returns it, for `const cache = processCache(new Map())`. */
export function processCache<T extends { clear(): void }>(cache: T): T {
  clears.add(() => cache.clear());
  return cache;
}

export function clearProcessCaches(): void {
  for (const clear of clears) clear();
}
