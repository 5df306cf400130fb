import { ProgrammeReport } from '../../../shared/contracts/programmes.ts';
import type { Db } from '../../db/client.ts';
import { defineCache } from '../../lib/caches.ts';

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
 * Programme reports on screen are served from a short-lived snapshot (lib/caches.ts): a national
 * programme (230,000 participants) takes seconds to aggregate, and a report is read far more often than
 * its figures change. A snapshot is fresh for a minute; after that the last one is still answered at
 * once (its `generatedAt` shows its age) while one recomputation runs, and after 15 minutes a request
 * waits for a new one. Enrolment and programme changes drop the programme's snapshots on every instance.
 * Authorisation is never cached: the service decides who may see which slice before asking here.
 * Exports (CSV, XLSX) are always computed fresh.
 */
const reports = defineCache<ReportSnapshot>('programme-reports', {
  max: 1_000,
  freshMs: 60_000,
  staleMs: 14 * 60_000,
});

export function cachedProgrammeReport(
  db: Db,
  programmeId: string,
  sliceKey: string,
  compute: () => Promise<ReportSnapshot>,
): Promise<ReportSnapshot> {
  return reports(db).get(`${programmeId}|${sliceKey}`, compute);
}

/** After enrolments or the programme itself change (and commit): the next report is computed afresh. */
export function forgetProgrammeReports(db: Db, programmeId: string) {
  reports(db).drop(`${programmeId}|`);
}
