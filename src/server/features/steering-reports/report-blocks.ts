import type { SteeringReport } from '../../../shared/contracts/steering-reports.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import { type Block, figureBlocks, fill } from '../../../shared/reports/steering-report-figures.ts';
import { swedishToday } from '../action-plans/plan-history.ts';

export type { Block };

/** Narrative text: one paragraph per blank-line-separated part. */
function narrative(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }));
}

/**
 * The whole report in Swedish, as blocks for the PDF and DOCX renderers: the title, the facts of
 * the report (diary number, who reports, the steering group, the period, issued or draft), then each
 * section's heading, narrative and figures.
 */
export function reportBlocks(r: SteeringReport): Block[] {
  const t = sv.steeringReports.report;
  const meta = (text: string): Block => ({ kind: 'paragraph', text, meta: true });
  return [
    { kind: 'heading', level: 1, text: r.title },
    ...(r.diaryNumber ? [meta(fill(t.diaryNumber, { number: r.diaryNumber }))] : []),
    meta(fill(t.organisation, { name: r.organisation.name })),
    ...(r.network ? [meta(fill(t.network, { name: r.network.name }))] : []),
    meta(fill(t.period, { from: r.from, to: r.to })),
    meta(r.issuedAt ? fill(t.issuedOn, { date: swedishToday(new Date(r.issuedAt)) }) : t.draft),
    ...r.sections.flatMap((s): Block[] => [
      { kind: 'heading', level: 2, text: s.title },
      ...narrative(s.narrative),
      ...figureBlocks(s, sv, 'sv'),
    ]),
  ];
}
