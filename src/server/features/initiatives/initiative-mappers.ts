import {
  type ChecklistEntry,
  type Funding,
  initiativePhases,
  type Milestone,
  phaseChecklists,
  type Risk,
} from '../../../shared/contracts/initiatives.ts';
import type { initiativeFunding, initiativeRisks } from '../../db/schema/index.ts';
import type * as repo from './initiatives.repo.ts';

/** Rows of an initiative's parts as the contracts show them: the initiative view and each part's write. */

const iso = (d: string | Date) => new Date(d).toISOString();

/** Every item of every phase's checklist, ticked or not. */
export function checklistEntries(rows: Awaited<ReturnType<typeof repo.checklistOf>>): ChecklistEntry[] {
  return initiativePhases.flatMap((phase) =>
    phaseChecklists[phase].map((item) => {
      const r = rows.find((x) => x.phase === phase && x.item_key === item.key);
      return {
        phase,
        itemKey: item.key,
        done: r?.done ?? false,
        note: r?.note ?? null,
        updatedAt: r ? iso(r.updated_at) : null,
        updatedBy: r?.updated_by ?? null,
      };
    }),
  );
}

export const milestoneView = (m: {
  id: string;
  title: string;
  dueOn: string;
  doneOn: string | null;
}): Milestone => ({
  id: m.id,
  title: m.title,
  dueOn: m.dueOn,
  doneOn: m.doneOn,
});
export const riskView = (r: typeof initiativeRisks.$inferSelect): Risk => ({
  id: r.id,
  description: r.description,
  likelihood: r.likelihood,
  impact: r.impact,
  mitigation: r.mitigation,
  status: r.status as Risk['status'],
});
export const fundingView = (f: typeof initiativeFunding.$inferSelect): Funding => ({
  id: f.id,
  source: f.source as Funding['source'],
  year: f.year,
  appliedSek: Number(f.appliedSek),
  grantedSek: Number(f.grantedSek),
  usedSek: Number(f.usedSek),
  note: f.note,
  fundingCallId: f.fundingCallId,
  recipientMunicipalityId: f.recipientMunicipalityId,
});
