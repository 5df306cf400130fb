import type { Actor } from '../../../shared/access/index.ts';
import {
  type ReportFigures,
  type ReportSection,
  type SectionKey,
  sectionKeys,
} from '../../../shared/contracts/steering-reports.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import type { Db } from '../../db/client.ts';
import { initiativeFigures } from './figures-initiatives.ts';
import { maturityFigures, type Period, programmeFigures } from './figures-learning.ts';
import { mappingFigures, referenceGroupFigures } from './figures-mapping.ts';
import type { ReportArea } from './report-area.ts';

/** The report is a Swedish document: its section titles are numbered as in the seed report. */
export const sectionTitle = (key: SectionKey) =>
  `${sectionKeys.indexOf(key) + 1}. ${sv.steeringReports.sections[key]}`;

/** Every section's figures from live data, each from its own aggregate queries, concurrently. */
export async function computeFigures(
  db: Db,
  actor: Actor,
  area: ReportArea,
  period: Period,
  networkId: string | null,
): Promise<ReportFigures> {
  const [mapping, referenceGroup, programmes, maturity, initiatives] = await Promise.all([
    mappingFigures(db, area),
    referenceGroupFigures(db, area),
    programmeFigures(db, area, period),
    maturityFigures(db, actor, area, period),
    initiativeFigures(db, actor, area, period, networkId),
  ]);
  return { mapping, referenceGroup, programmes, maturity, initiatives };
}

/** The sections in document order: narrative first, then the section's figures if it has any. */
export function buildSections(narrative: Record<string, string>, figures: ReportFigures): ReportSection[] {
  const base = (key: SectionKey) => ({ title: sectionTitle(key), narrative: narrative[key] ?? '' });
  return [
    { key: 'background', ...base('background') },
    { key: 'mission', ...base('mission') },
    { key: 'mapping', ...base('mapping'), figures: figures.mapping },
    { key: 'referenceGroup', ...base('referenceGroup'), figures: figures.referenceGroup },
    { key: 'programmes', ...base('programmes'), figures: figures.programmes },
    { key: 'maturity', ...base('maturity'), figures: figures.maturity },
    { key: 'initiatives', ...base('initiatives'), figures: figures.initiatives },
    { key: 'nextSteps', ...base('nextSteps') },
  ];
}
