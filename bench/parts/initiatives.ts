import {
  fundingSources,
  initiativePhases,
  initiativeStatuses,
  phaseChecklists,
  supportNeedKeys,
} from '../../src/shared/contracts/initiatives.ts';
import { registerGeneratorPart } from './registry.ts';

/** Issue 7 at national scale: ~5,000 initiatives with funding, indicators and measurements, plans, needs. */
const PER_MUNICIPALITY = 16;
const PER_REGION = 17;

const col = (name: string, type: string) => ({ name, type });
const initiativeColumns = [
  col('id', 'uuid'),
  col('title', 'text'),
  col('purpose', 'text'),
  col('owner_organisation_id', 'uuid'),
  col('status', 'text'),
  col('phase', 'text'),
  col('responsible_name', 'text'),
  col('starts_on', 'date'),
  col('ends_on', 'date'),
  col('budget_sek', 'int8'),
  col('created_at', 'timestamptz'),
  col('updated_at', 'timestamptz'),
] as const;
const historyColumns = [
  col('initiative_id', 'uuid'),
  col('title', 'text'),
  col('status', 'text'),
  col('phase', 'text'),
  col('valid_from', 'timestamptz'),
  col('valid_to', 'timestamptz'),
] as const;
const participantColumns = [col('initiative_id', 'uuid'), col('municipality_id', 'uuid')] as const;
const technologyColumns = [col('initiative_id', 'uuid'), col('technology_id', 'uuid')] as const;
const needKeyColumns = [col('initiative_id', 'uuid'), col('need_key', 'text')] as const;
const checklistColumns = [
  col('initiative_id', 'uuid'),
  col('phase', 'text'),
  col('item_key', 'text'),
  col('done', 'bool'),
] as const;
const milestoneColumns = [
  col('initiative_id', 'uuid'),
  col('title', 'text'),
  col('due_on', 'date'),
  col('done_on', 'date'),
] as const;
const fundingColumns = [
  col('initiative_id', 'uuid'),
  col('source', 'text'),
  col('year', 'int2'),
  col('applied_sek', 'int8'),
  col('granted_sek', 'int8'),
  col('used_sek', 'int8'),
] as const;
const indicatorColumns = [
  col('id', 'uuid'),
  col('initiative_id', 'uuid'),
  col('name', 'text'),
  col('type', 'text'),
  col('unit', 'text'),
  col('direction', 'text'),
  col('baseline_value', 'float8'),
  col('baseline_on', 'date'),
  col('target_value', 'float8'),
  col('target_on', 'date'),
] as const;
const measurementColumns = [
  col('indicator_id', 'uuid'),
  col('measured_on', 'date'),
  col('value', 'float8'),
] as const;
const planColumns = [
  col('id', 'uuid'),
  col('title', 'text'),
  col('owner_organisation_id', 'uuid'),
  col('period_start', 'date'),
  col('period_end', 'date'),
  col('created_at', 'timestamptz'),
] as const;
const planItemColumns = [
  col('plan_id', 'uuid'),
  col('initiative_id', 'uuid'),
  col('priority', 'int4'),
  col('valid_from', 'timestamptz'),
  col('valid_to', 'timestamptz'),
  col('reason', 'text'),
] as const;
const needColumns = [
  col('title', 'text'),
  col('problem', 'text'),
  col('proposed_by_organisation_id', 'uuid'),
  col('region_id', 'uuid'),
  col('status', 'text'),
  col('created_at', 'timestamptz'),
] as const;

const TITLES = [
  'Digital nattillsyn i hemtjänsten',
  'Läkemedelsautomater för hemmaboende',
  'Digitala lås i hemtjänsten',
  'Trygghetslarm med GPS',
  'Sensorer för fallupptäckt i särskilt boende',
  'Videosamtal med anhöriga',
  'Planeringsverktyg för hemtjänsten',
  'Kompetenslyft i välfärdsteknik',
  'Spisvakter för personer med demens',
  'Påminnelser och digital kalender',
];

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (epoch: Date, days: number) => new Date(epoch.getTime() - days * 86_400_000);

registerGeneratorPart({
  name: 'initiatives',
  description:
    'About 5,000 initiatives (16 per municipality, 17 per region) with participants, technologies, checklists, milestones, funding, indicators with measurements and history; a rolling plan per region and per municipality with a year of changes; needs',
  after: ['people', 'mapping'],
  async run(ctx) {
    const rng = ctx.random('initiatives');
    const { municipalities, regions } = ctx.reference;
    const technologies = await ctx.query<{ id: string }>('select id from technologies order by sort_order');
    const byRegion = new Map(regions.map((r) => [r.id, municipalities.filter((m) => m.parentId === r.id)]));
    const rows = {
      initiatives: [] as unknown[][],
      history: [] as unknown[][],
      participants: [] as unknown[][],
      technologies: [] as unknown[][],
      needKeys: [] as unknown[][],
      checklist: [] as unknown[][],
      milestones: [] as unknown[][],
      funding: [] as unknown[][],
      indicators: [] as unknown[][],
      measurements: [] as unknown[][],
      plans: [] as unknown[][],
      planItems: [] as unknown[][],
      needs: [] as unknown[][],
    };
    let total = 0;

    const addInitiative = (ownerId: string, participants: string[]) => {
      const id = rng.uuid();
      const createdDays = rng.int(30, 900);
      const status = rng.pick(initiativeStatuses);
      const phaseIndex = rng.int(0, initiativePhases.length - 1);
      const phase = initiativePhases[phaseIndex]!;
      const start = daysBefore(ctx.epoch, createdDays - rng.int(0, 20));
      const end = new Date(start.getTime() + rng.int(180, 900) * 86_400_000);
      const title = `${rng.pick(TITLES)} ${total + 1}`;
      rows.initiatives.push([
        id,
        title,
        'Syftet är att ge brukarna ökad trygghet och frigöra tid för personalen.',
        ownerId,
        status,
        phase,
        'Ansvarig verksamhetsutvecklare',
        day(start),
        day(end),
        rng.int(0, 40) * 25_000,
        daysBefore(ctx.epoch, createdDays),
        daysBefore(ctx.epoch, rng.int(0, createdDays)),
      ]);
      // History: one row per phase reached, the last one current.
      const steps = Math.min(phaseIndex + 1, 3);
      for (let s = 0; s < steps; s++) {
        const from = daysBefore(ctx.epoch, Math.round(createdDays * (1 - s / steps)));
        const to =
          s + 1 < steps ? daysBefore(ctx.epoch, Math.round(createdDays * (1 - (s + 1) / steps))) : null;
        rows.history.push([
          id,
          title,
          s + 1 < steps ? 'active' : status,
          initiativePhases[phaseIndex - steps + 1 + s],
          from,
          to,
        ]);
      }
      for (const m of participants) rows.participants.push([id, m]);
      const techCount = rng.int(0, 2);
      const techs = new Set<string>();
      for (let i = 0; i < techCount; i++) techs.add(rng.pick(technologies).id);
      for (const t of techs) rows.technologies.push([id, t]);
      if (rng.chance(0.4)) rows.needKeys.push([id, rng.pick(supportNeedKeys)]);
      for (const p of initiativePhases.slice(0, phaseIndex + 1))
        for (const item of phaseChecklists[p])
          if (rng.chance(0.7)) rows.checklist.push([id, p, item.key, true]);
      for (let i = rng.int(0, 3); i > 0; i--) {
        const due = daysBefore(ctx.epoch, rng.int(-200, 300));
        rows.milestones.push([
          id,
          `Milstolpe ${i}`,
          day(due),
          due < ctx.epoch && rng.chance(0.7) ? day(due) : null,
        ]);
      }
      for (let i = rng.int(1, 3); i > 0; i--) {
        const applied = rng.int(1, 40) * 25_000;
        const granted = rng.chance(0.8) ? Math.round(applied * rng.int(50, 100)) / 100 : 0;
        rows.funding.push([
          id,
          rng.pick(fundingSources),
          rng.int(2024, 2027),
          applied,
          Math.round(granted),
          Math.round((granted * rng.int(0, 100)) / 100),
        ]);
      }
      for (let i = rng.int(0, 2); i > 0; i--) {
        const indicatorId = rng.uuid();
        const time = rng.chance(0.5);
        const baseline = time ? rng.int(500, 5_000) : rng.int(100_000, 2_000_000);
        const baselineDays = createdDays - rng.int(0, 20);
        rows.indicators.push([
          indicatorId,
          id,
          time ? 'Arbetstid för tillsynsbesök' : 'Kostnad för nyckelhantering',
          time ? 'time_saved' : 'avoided_cost',
          time ? 'timmar/år' : 'kr/år',
          'decrease',
          baseline,
          day(daysBefore(ctx.epoch, baselineDays)),
          Math.round(baseline * 0.5),
          day(daysBefore(ctx.epoch, -365)),
        ]);
        const count = rng.int(0, 6);
        for (let k = 1; k <= count; k++)
          rows.measurements.push([
            indicatorId,
            day(daysBefore(ctx.epoch, Math.round(baselineDays * (1 - k / (count + 1))))),
            Math.round(baseline * (1 - (0.5 * k) / (count + 1) + (rng.next() - 0.5) * 0.05)),
          ]);
      }
      total++;
      return id;
    };

    /** A plan whose list changed over a year: each month items are added and reordered, some closed. */
    const addPlan = (ownerId: string, title: string, initiativeIds: string[], perMonth: number) => {
      const planId = rng.uuid();
      rows.plans.push([planId, title, ownerId, '2026-01-01', '2027-12-31', daysBefore(ctx.epoch, 400)]);
      const current: { id: string; from: Date }[] = [];
      const pool = [...initiativeIds];
      const write = (at: Date) => {
        current.forEach((c, i) => {
          rows.planItems.push([planId, c.id, i + 1, c.from, at, null]);
          c.from = at;
        });
      };
      for (let month = 12; month >= 0; month--) {
        const at = daysBefore(ctx.epoch, month * 30 + 5);
        if (month < 12) write(at);
        for (const next of pool.splice(0, perMonth))
          current.splice(rng.int(0, current.length), 0, { id: next, from: at });
        if (current.length > 3 && rng.chance(0.3)) current.splice(rng.int(0, current.length - 1), 1);
      }
      // The current rows end nowhere.
      current.forEach((c, i) => {
        rows.planItems.push([planId, c.id, i + 1, c.from, null, 'Rullande revidering']);
      });
    };

    const flush = async () => {
      await ctx.insert('initiatives', initiativeColumns, rows.initiatives.splice(0));
      await ctx.insert('initiative_history', historyColumns, rows.history.splice(0));
      await ctx.insert('initiative_municipalities', participantColumns, rows.participants.splice(0));
      await ctx.insert('initiative_technologies', technologyColumns, rows.technologies.splice(0));
      await ctx.insert('initiative_support_needs', needKeyColumns, rows.needKeys.splice(0));
      await ctx.insert('initiative_checklist_items', checklistColumns, rows.checklist.splice(0));
      await ctx.insert('initiative_milestones', milestoneColumns, rows.milestones.splice(0));
      await ctx.insert('initiative_funding', fundingColumns, rows.funding.splice(0));
      await ctx.insert('benefit_indicators', indicatorColumns, rows.indicators.splice(0));
      await ctx.insert('benefit_measurements', measurementColumns, rows.measurements.splice(0));
      await ctx.insert('action_plans', planColumns, rows.plans.splice(0));
      await ctx.insert('action_plan_items', planItemColumns, rows.planItems.splice(0));
      await ctx.insert('needs', needColumns, rows.needs.splice(0));
    };

    for (const region of regions) {
      const members = byRegion.get(region.id) ?? [];
      const regional: string[] = [];
      for (let i = 0; i < PER_REGION; i++) {
        const count = Math.min(members.length, rng.int(2, 6));
        const chosen = new Set<string>();
        while (chosen.size < count) chosen.add(rng.pick(members).id);
        regional.push(addInitiative(region.id, [...chosen]));
      }
      const local: string[] = [];
      for (const m of members) {
        const own: string[] = [];
        for (let i = 0; i < PER_MUNICIPALITY; i++) own.push(addInitiative(m.id, [m.id]));
        addPlan(m.id, `Handlingsplan för välfärdsteknik, ${m.name}`, own.slice(0, 10), 1);
        local.push(own[0]!);
        for (let i = rng.int(0, 2); i > 0; i--)
          rows.needs.push([
            'Gemensamt behov',
            'Vi behöver stöd för att komma vidare med införandet.',
            m.id,
            region.id,
            rng.chance(0.3) ? 'declined' : 'proposed',
            daysBefore(ctx.epoch, rng.int(1, 300)),
          ]);
      }
      // The region's rolling plan: its own initiatives and one from each of its municipalities.
      addPlan(region.id, `Rullande aktivitetsplan, ${region.name}`, [...regional, ...local], 3);
      await flush();
    }
    ctx.log(`    ${total.toLocaleString('en')} initiatives, ${regions.length + municipalities.length} plans`);
  },
});
