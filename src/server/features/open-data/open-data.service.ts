import type { AnswerValue } from '../../../shared/contracts/assessments.ts';
import { AdoptionStatus } from '../../../shared/contracts/mapping.ts';
import type {
  AdoptionRow,
  MaturityRow,
  MunicipalitySummaryRow,
  ParticipationRow,
} from '../../../shared/contracts/open-data.ts';
import type { Db } from '../../db/client.ts';
import { cachedValue, forgetViews } from '../../lib/view-cache.ts';
import { scoresOf } from '../assessment-results/results-math.ts';
import { swedishDate } from '../assessments/round-access.ts';
import * as repo from './open-data.repo.ts';
import { type Cell, cell, protectGroup, protectPart, publish } from './suppression.ts';

/** Everything the open datasets say, computed together once and shared by every endpoint and format. */
export interface OpenDataBundle {
  asOf: string;
  municipalities: MunicipalitySummaryRow[];
  adoption: AdoptionRow[];
  participation: ParticipationRow[];
  maturity: MaturityRow[];
}

const KEY = 'open-data|';

/** The same for everyone (no login), so one per-process snapshot serves all callers (ADR 9). */
export const openDataBundle = (db: Db) => cachedValue(db, `${KEY}bundle`, () => computeBundle(db));

/** Per-process cached derived values (serialised bodies), dropped together with the bundle. */
export const cachedOpenData = <T>(db: Db, key: string, compute: () => Promise<T>) =>
  cachedValue(db, `${KEY}${key}`, compute);

/** Drops the snapshot, e.g. after a test changes data; otherwise it is at most a minute old. */
export const forgetOpenData = (db: Db) => forgetViews(db, KEY);

type Place = Pick<MunicipalitySummaryRow, 'municipalityCode' | 'municipalityName' | 'countyCode'>;

const placeOf = (m: repo.MunicipalityRow): Place => ({
  municipalityCode: m.code,
  municipalityName: m.name,
  countyCode: m.county_code,
});

export async function computeBundle(db: Db, now = new Date()): Promise<OpenDataBundle> {
  const asOf = swedishDate(now);
  const [municipalities, technologies, adoptions, participation, rounds] = await Promise.all([
    repo.listMunicipalities(db),
    repo.listTechnologies(db),
    repo.listAdoptions(db),
    repo.participationCounts(db),
    repo.listPublishedRounds(db, asOf),
  ]);
  const answers = await repo.listSubmittedAnswers(
    db,
    rounds.map((r) => r.id),
  );

  const adoption = adoptionRows(municipalities, technologies, adoptions, asOf);
  const { rows: participationRows, totals } = yearlyParticipation(municipalities, participation, asOf);
  const maturity = maturityRows(municipalities, rounds, answers, asOf);

  const latestMaturity = new Map<string, MaturityRow>();
  for (const r of maturity) {
    const prev = latestMaturity.get(r.municipalityCode);
    if (!prev || prev.closesOn <= r.closesOn) latestMaturity.set(r.municipalityCode, r);
  }
  const techCounts = new Map<string, { inOperation: number; piloting: number; reported: number }>();
  for (const a of adoption) {
    const n = techCounts.get(a.municipalityCode) ?? { inOperation: 0, piloting: 0, reported: 0 };
    if (a.status === 'in_operation') n.inOperation++;
    if (a.status === 'piloting') n.piloting++;
    if (a.status !== null) n.reported++;
    techCounts.set(a.municipalityCode, n);
  }
  const summary = municipalities.map((m): MunicipalitySummaryRow => {
    const n = techCounts.get(m.code) ?? { inOperation: 0, piloting: 0, reported: 0 };
    const t = totals.get(m.id) ?? { participants: cell(0), completions: cell(0) };
    const mat = latestMaturity.get(m.code);
    return {
      ...placeOf(m),
      asOf,
      technologiesInOperation: n.inOperation,
      technologiesPiloting: n.piloting,
      technologiesReported: n.reported,
      programmeParticipants: publish(t.participants),
      programmeCompletions: publish(t.completions),
      maturity: mat
        ? {
            year: mat.year,
            roundId: mat.roundId,
            closesOn: mat.closesOn,
            governance: mat.governance,
            resources: mat.resources,
            competence: mat.competence,
            organisation: mat.organisation,
          }
        : null,
    };
  });
  return { asOf, municipalities: summary, adoption, participation: participationRows, maturity };
}

function adoptionRows(
  municipalities: repo.MunicipalityRow[],
  technologies: repo.TechnologyRow[],
  records: repo.AdoptionRecord[],
  asOf: string,
): AdoptionRow[] {
  const byPair = new Map(records.map((r) => [`${r.municipality_id}|${r.technology_id}`, r]));
  const rows: AdoptionRow[] = [];
  for (const m of municipalities) {
    for (const t of technologies) {
      const r = byPair.get(`${m.id}|${t.id}`);
      const served = cell(r?.users_served ?? null);
      const eligible = cell(r?.eligible_users ?? null);
      protectPart(served, eligible);
      const status = AdoptionStatus.safeParse(r?.status);
      rows.push({
        ...placeOf(m),
        asOf,
        technologyKey: t.key,
        technologyNameSv: t.name_sv,
        technologyNameEn: t.name_en,
        category: t.category,
        status: status.success ? status.data : null,
        since: r?.since ?? null,
        usersServed: publish(served),
        eligibleUsers: publish(eligible),
        updatedOn: r?.updated_on ?? null,
      });
    }
  }
  return rows;
}

interface Totals {
  participants: Cell;
  completions: Cell;
}

/**
 * Yearly rows and the all-time totals of the summary, suppressed together: the years add up to the
 * total, and total completions are part of total participants (ADR 11).
 */
function yearlyParticipation(
  municipalities: repo.MunicipalityRow[],
  counts: repo.ParticipationCount[],
  asOf: string,
) {
  const byMunicipality = new Map<string, repo.ParticipationCount[]>();
  for (const c of counts) {
    const list = byMunicipality.get(c.municipality_id) ?? [];
    list.push(c);
    byMunicipality.set(c.municipality_id, list);
  }
  const rows: ParticipationRow[] = [];
  const totals = new Map<string, Totals>();
  for (const m of municipalities) {
    const years = (byMunicipality.get(m.id) ?? []).sort((a, b) => a.year - b.year);
    if (years.length === 0) continue;
    const p = years.map((y) => cell(y.participants));
    const c = years.map((y) => cell(y.completions));
    const total: Totals = {
      participants: cell(years.reduce((s, y) => s + y.participants, 0)),
      completions: cell(years.reduce((s, y) => s + y.completions, 0)),
    };
    protectPart(total.completions, total.participants);
    protectGroup(p, total.participants);
    protectPart(total.completions, total.participants);
    protectGroup(c, total.completions);
    totals.set(m.id, total);
    years.forEach((y, i) => {
      rows.push({
        ...placeOf(m),
        asOf,
        year: y.year,
        participants: publish(p[i]!),
        completions: publish(c[i]!),
      });
    });
  }
  return { rows, totals };
}

function maturityRows(
  municipalities: repo.MunicipalityRow[],
  rounds: repo.PublishedRound[],
  answers: repo.SubmittedAnswer[],
  asOf: string,
): MaturityRow[] {
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const sheets = new Map<string, Map<string, AnswerValue | null>>();
  for (const a of answers) {
    const key = `${a.round_id}|${a.municipality_id}`;
    const sheet = sheets.get(key) ?? new Map<string, AnswerValue | null>();
    sheet.set(a.question_key, a.value);
    sheets.set(key, sheet);
  }
  const roundsById = new Map(rounds.map((r) => [r.id, r]));
  const rows: MaturityRow[] = [];
  for (const [key, sheet] of sheets) {
    const [roundId, municipalityId] = key.split('|') as [string, string];
    const m = byId.get(municipalityId);
    const round = roundsById.get(roundId);
    if (!m || !round) continue;
    const s = scoresOf(round.content, sheet);
    const score = (area: string) => (typeof s[area] === 'number' ? s[area] : null);
    rows.push({
      ...placeOf(m),
      asOf,
      year: Number(round.closes_on.slice(0, 4)),
      roundId,
      roundName: round.name,
      roundOwnerName: round.owner_name,
      closesOn: round.closes_on,
      governance: score('governance'),
      resources: score('resources'),
      competence: score('competence'),
      organisation: score('organisation'),
    });
  }
  return rows.sort(
    (a, b) =>
      a.municipalityCode.localeCompare(b.municipalityCode) ||
      a.closesOn.localeCompare(b.closesOn) ||
      a.roundId.localeCompare(b.roundId),
  );
}
