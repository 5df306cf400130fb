import { scopeFor } from '../../../shared/access/index.ts';
import type { StartFigure } from '../../../shared/contracts/start.ts';
import { adoptionOf, learningOf } from '../dashboards/figures.ts';
import { type NationalFigures, nationalFigures } from '../dashboards/national-figures.ts';
import { listAssociationMembers } from '../organisations/organisations.repo.ts';
import * as repo from './start.repo.ts';
import type { StartContext } from './start-context.ts';

/** Areas shown: a person rarely coordinates more than one or two; the dashboards have the rest. */
const AREAS = 3;

interface Area {
  id: string;
  kind: string;
  name: string;
  code: string | null;
}

/**
 * The figures of a coordinator's or administrator's areas, from the dashboards' own per-minute figures
 * (the same numbers the dashboard behind each link shows), and a manager's team's programme completion.
 */
export async function collectFigures(ctx: StartContext): Promise<StartFigure[]> {
  const areas: Area[] = scopeFor(ctx.actor, 'dashboard.read')
    .memberships.slice(0, AREAS)
    .map((m) => ({
      id: m.organisationId,
      kind: m.organisationKind,
      name: m.organisationName,
      code: m.organisationCode,
    }));
  const [team, nf, ...perArea] = await Promise.all([
    ctx.team(),
    areas.length ? nationalFigures(ctx.db) : null,
    ...areas.map((a) => municipalitiesOfArea(ctx, a)),
  ]);
  const figures: StartFigure[] = team.map((u) => ({
    key: 'team_completed',
    scope: u.name,
    value: u.completed,
    of: u.enrolled,
    to: '/mitt-team',
  }));
  if (!nf) return figures;
  const rounds = await Promise.all(
    areas.map((a) => (a.kind === 'municipality' ? [] : repo.runningRounds(ctx.db, [a.id], ctx.today, 1))),
  );
  areas.forEach((area, i) => {
    figures.push(...areaFigures(ctx, nf, area, perArea[i] ?? []));
    const round = rounds[i]?.[0];
    if (round) {
      figures.push({
        key: 'round_submitted',
        scope: round.name,
        value: round.submitted,
        of: round.participants,
        to: `/bedomningar/${round.id}`,
      });
    }
  });
  return figures;
}

async function municipalitiesOfArea(ctx: StartContext, area: Area): Promise<string[]> {
  if (area.kind === 'municipality') return [area.id];
  if (area.kind === 'association') {
    return (await listAssociationMembers(ctx.db, area.id))
      .filter((m) => m.kind === 'municipality')
      .map((m) => m.id);
  }
  // Regions and the nation: from the dashboards' cached municipality list.
  const nf = await nationalFigures(ctx.db);
  return area.kind === 'nation'
    ? nf.municipalities.map((m) => m.id)
    : nf.municipalities.filter((m) => m.regionId === area.id).map((m) => m.id);
}

/** The dashboard of an area: `SE`, a county code, an association's id, or a municipality's page. */
function dashboardPath(area: Area): string | null {
  if (area.kind === 'nation') return '/lagesbild/SE';
  if (area.kind === 'region') return area.code ? `/lagesbild/${area.code}` : null;
  if (area.kind === 'association') return `/lagesbild/${area.id}`;
  if (area.kind === 'municipality') return area.code ? `/lagesbild/kommuner/${area.code}` : null;
  return null;
}

function areaFigures(ctx: StartContext, nf: NationalFigures, area: Area, ids: string[]): StartFigure[] {
  const to = dashboardPath(area);
  if (!to) return [];
  const adoption = adoptionOf(nf, ids, ctx.actor.preferredLanguage);
  const learning = learningOf(nf, ids);
  const mapping = area.kind === 'municipality' ? `/kommuner/${area.code}/valfardsteknik` : to;
  const out: StartFigure[] = [
    {
      key: 'technologies_in_operation',
      scope: area.name,
      value: adoption.inOperation,
      of: null,
      to: mapping,
    },
  ];
  if (area.kind !== 'municipality') {
    out.push({
      key: 'municipalities_reporting',
      scope: area.name,
      value: adoption.reporting,
      of: adoption.municipalities,
      to,
    });
  }
  out.push({
    key: 'programme_completed',
    scope: area.name,
    value: learning.completed,
    of: learning.enrolled,
    to,
  });
  return out;
}
