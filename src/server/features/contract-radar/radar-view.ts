import {
  RADAR_WINDOW_MONTHS,
  type Radar,
  type RadarContract,
  type RadarOpportunity,
  startProcurementUrl,
} from '../../../shared/contracts/contract-radar.ts';
import type { Municipality } from '../../../shared/contracts/organisations.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import type { TechnologyRow } from '../mapping/technologies.repo.ts';
import type { RadarContractRow } from './contract-radar.repo.ts';
import type { RadarGroup, ResolvedArea } from './radar-area.ts';
import { endingWindows, nextDecision, parseOption, plannedWithoutContract } from './radar-logic.ts';

export interface RadarInputs {
  resolved: ResolvedArea;
  today: string;
  technology: TechnologyRow | null;
  catalogue: { id: string; key: string; name: string }[];
  rows: RadarContractRow[];
  planned: { municipality_id: string; technology_id: string }[];
  /** Municipalities whose contract values the reader sees. */
  valuesOf: ReadonlySet<string>;
  /** The most contracts to list (the nearest decisions); the rest still count and make opportunities. */
  limit: number;
}

/** The radar from its rows: contracts with their decisions, municipalities' earliest, opportunities. */
export function buildRadar(input: RadarInputs, localName: (t: TechnologyRow) => string): Radar {
  const { resolved, today, catalogue } = input;
  const byId = new Map(resolved.municipalities.map((m) => [m.id, m]));
  const keyOf = new Map(catalogue.map((t) => [t.id, t.key]));
  const rows = input.rows.filter((r) => byId.has(r.municipality_id));

  const contracts = rows.map((r): RadarContract & { municipalityName: string } => {
    const decision = nextDecision(
      { endsOn: r.ends_on, noticeMonths: r.notice_months, extensions: r.extensions.map(parseOption) },
      today,
    );
    const m = byId.get(r.municipality_id)!;
    return {
      id: r.id,
      title: r.title,
      municipalityCode: m.code,
      municipalityName: m.name,
      technologyKeys: r.technology_ids.flatMap((id) => keyOf.get(id) ?? []),
      supplier: { id: r.supplier_id, name: r.supplier_name },
      endsOn: r.ends_on,
      nextDecisionOn: decision.on,
      decisionKind: decision.kind,
      extensionsRemaining: decision.extensionsRemaining,
      // bigint arrives as text from node-postgres.
      annualValueSek:
        input.valuesOf.has(r.municipality_id) && r.annual_value_sek !== null
          ? Number(r.annual_value_sek)
          : null,
    };
  });
  contracts.sort(
    (a, b) =>
      a.nextDecisionOn.localeCompare(b.nextDecisionOn) ||
      swedishCollator.compare(a.municipalityName, b.municipalityName) ||
      a.title.localeCompare(b.title),
  );

  const earliest = new Map<string, string>();
  for (const c of contracts)
    if (!earliest.has(c.municipalityCode)) earliest.set(c.municipalityCode, c.nextDecisionOn);

  return {
    area: resolved.area,
    today,
    windowMonths: RADAR_WINDOW_MONTHS,
    technology: input.technology ? { key: input.technology.key, name: localName(input.technology) } : null,
    technologies: catalogue.map((t) => ({ key: t.key, name: t.name })),
    municipalities: resolved.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      earliestDecisionOn: earliest.get(m.code) ?? null,
    })),
    contracts: contracts.slice(0, input.limit).map(({ municipalityName: _, ...c }) => c),
    contractsTotal: contracts.length,
    opportunities: opportunities(input, rows, byId),
  };
}

function opportunities(
  input: RadarInputs,
  rows: RadarContractRow[],
  byId: Map<string, Municipality>,
): RadarOpportunity[] {
  const endingsByTechnology = new Map<string, { municipalityId: string; endsOn: string }[]>();
  for (const r of rows)
    for (const t of r.technology_ids) {
      const list = endingsByTechnology.get(t) ?? [];
      list.push({ municipalityId: r.municipality_id, endsOn: r.ends_on });
      endingsByTechnology.set(t, list);
    }
  const planningByTechnology = new Map<string, string[]>();
  for (const p of input.planned) {
    if (!byId.has(p.municipality_id)) continue;
    planningByTechnology.set(p.technology_id, [
      ...(planningByTechnology.get(p.technology_id) ?? []),
      p.municipality_id,
    ]);
  }

  const together: RadarOpportunity[] = [];
  const planned: RadarOpportunity[] = [];
  for (const technology of input.catalogue) {
    const endings = endingsByTechnology.get(technology.id) ?? [];
    const planning = planningByTechnology.get(technology.id) ?? [];
    if (endings.length < 2 && planning.length < 2) continue;
    for (const group of input.resolved.groups) {
      const inGroup = endings.filter((e) => group.municipalityIds.has(e.municipalityId));
      for (const w of endingWindows(inGroup, RADAR_WINDOW_MONTHS))
        together.push(opportunity('ending_together', group, technology, w.municipalityIds, byId, w));
      const contracted = new Set(inGroup.map((e) => e.municipalityId));
      const without = plannedWithoutContract(
        planning.filter((id) => group.municipalityIds.has(id)),
        contracted,
      );
      if (without)
        planned.push(opportunity('planned_without_contract', group, technology, without, byId, null));
    }
  }
  together.sort((a, b) => a.window!.from.localeCompare(b.window!.from) || byGroupThenTechnology(a, b));
  planned.sort(byGroupThenTechnology);
  return [...together, ...planned];
}

const byGroupThenTechnology = (a: RadarOpportunity, b: RadarOpportunity) =>
  swedishCollator.compare(a.group.name, b.group.name) ||
  swedishCollator.compare(a.technology.name, b.technology.name);

function opportunity(
  kind: RadarOpportunity['kind'],
  group: RadarGroup,
  technology: { key: string; name: string },
  municipalityIds: readonly string[],
  byId: Map<string, Municipality>,
  window: { from: string; to: string } | null,
): RadarOpportunity {
  const municipalities = municipalityIds
    .map((id) => byId.get(id)!)
    .sort((a, b) => swedishCollator.compare(a.name, b.name))
    .map((m) => ({ code: m.code, name: m.name }));
  return {
    kind,
    group: { kind: group.kind, id: group.id, name: group.name },
    technology: { key: technology.key, name: technology.name },
    municipalities,
    window: window ? { from: window.from, to: window.to } : null,
    startProcurementUrl: startProcurementUrl(
      technology.key,
      municipalities.map((m) => m.code),
    ),
  };
}
