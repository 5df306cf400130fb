import { ProgrammeReport } from '../../../shared/contracts/programmes.ts';
import { processCache } from '../../lib/process-caches.ts';

/** A report and its JSON, checked against the contract and serialised once: a national report is ~0.5 MB. */
export interface ReportSnapshot {
  report: ProgrammeReport;
  json: string;
}

export const snapshotOf = (report: ProgrammeReport): ReportSnapshot => ({
  report,
  json: JSON.stringify(ProgrammeReport.parse(report)),
});

/**
 * Programme reports on screen are served from a short-lived per-process snapshot: a national programme
 * (230,000 participants) takes seconds to aggregate, and a report is read far more often than its
 * figures change. A snapshot is fresh for a minute; after that the last one is still answered at once
 * (its `generatedAt` shows its age) while one recomputation runs, and after 15 minutes a request waits
 * for a new one. Enrolment changes made through this process drop the programme's snapshots at once.
 * Authorisation is never cached: the service decides who may see which slice before asking here.
 * Exports (CSV, XLSX) are always computed fresh.
 */
const FRESH_MS = 60_000;
const MAX_STALE_MS = 15 * 60_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  programmeId: string;
  value?: ReportSnapshot;
  computedAt: number;
  pending?: Promise<ReportSnapshot>;
}

const entries = processCache(new Map<string, Entry>());

function recompute(key: string, entry: Entry, compute: () => Promise<ReportSnapshot>) {
  const pending = compute().then(
    (value) => {
      if (entries.get(key) === entry) {
        entry.value = value;
        entry.computedAt = Date.now();
        entry.pending = undefined;
      }
      return value;
    },
    (err: unknown) => {
      entry.pending = undefined;
      throw err;
    },
  );
  entry.pending = pending;
  // A background refresh that fails leaves the older snapshot in place; the next request retries.
  pending.catch(() => undefined);
  return pending;
}

export function cachedProgrammeReport(
  programmeId: string,
  sliceKey: string,
  compute: () => Promise<ReportSnapshot>,
): Promise<ReportSnapshot> {
  const key = `${programmeId}|${sliceKey}`;
  let entry = entries.get(key);
  const now = Date.now();
  if (entry?.value) {
    const age = now - entry.computedAt;
    if (age < FRESH_MS) return Promise.resolve(entry.value);
    if (age < MAX_STALE_MS) {
      if (!entry.pending) recompute(key, entry, compute);
      return Promise.resolve(entry.value);
    }
  }
  if (entry?.pending) return entry.pending;
  if (!entry) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entry = { programmeId, computedAt: 0 };
    entries.set(key, entry);
  }
  return recompute(key, entry, compute);
}

/** After enrolments or the programme itself change: the next report is computed afresh. */
export function forgetProgrammeReports(programmeId: string) {
  for (const [key, entry] of entries) if (entry.programmeId === programmeId) entries.delete(key);
}
