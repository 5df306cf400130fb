import { defaultChecklist } from '../../src/server/features/procurements/procurement-checklist.ts';
import { procurementPhases } from '../../src/shared/contracts/procurements.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 17's joint procurements at national scale: 50 led by regions (fewer for a region or the small
 * set), each for one technology in a phase of its own, with its eight phases, the default checklist and
 * two to eight of the region's municipalities invited, most of them confirmed.
 */
const PROCUREMENTS: Record<string, number> = { national: 50, region: 10, small: 3 };

const col = (name: string, type: string) => ({ name, type });
const procurementColumns = [
  col('id', 'uuid'),
  col('title', 'text'),
  col('lead_organisation_id', 'uuid'),
  col('technology_id', 'uuid'),
  col('phase', 'text'),
  col('status', 'text'),
] as const;
const phaseColumns = [
  col('procurement_id', 'uuid'),
  col('phase', 'text'),
  col('completed_on', 'date'),
] as const;
const checklistColumns = [
  col('procurement_id', 'uuid'),
  col('phase', 'text'),
  col('position', 'smallint'),
  col('label', 'text'),
  col('done_at', 'timestamptz'),
] as const;
const participantColumns = [
  col('procurement_id', 'uuid'),
  col('municipality_id', 'uuid'),
  col('status', 'text'),
  col('decision_on', 'date'),
] as const;

registerGeneratorPart({
  name: 'procurements',
  description: 'Joint procurements: 50 (national) led by regions, with phases, checklists and participants',
  after: ['people'],
  async run(ctx) {
    const rng = ctx.random('procurements');
    const count = PROCUREMENTS[ctx.scale.name] ?? 3;
    const { municipalities, regions } = ctx.reference;
    const technologies = await ctx.query<{ id: string; name_sv: string }>(
      'select id, name_sv from technologies order by sort_order',
    );
    const procurements: unknown[][] = [];
    const phases: unknown[][] = [];
    const checklist: unknown[][] = [];
    const participants: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      const region = regions[i % regions.length]!;
      const own = municipalities.filter((m) => m.parentId === region.id);
      if (!own.length) continue;
      const id = rng.uuid();
      const technology = rng.pick(technologies);
      const at = rng.int(0, procurementPhases.length - 1);
      procurements.push([
        id,
        `Samordnad upphandling av ${technology.name_sv.toLowerCase()} ${i + 1} i ${region.name}`,
        region.id,
        technology.id,
        procurementPhases[at],
        at === procurementPhases.length - 1 && rng.chance(0.5) ? 'completed' : 'active',
      ]);
      for (const [n, phase] of procurementPhases.entries()) {
        phases.push([id, phase, n < at ? '2026-06-01' : null]);
        for (const [position, label] of defaultChecklist[phase].entries())
          checklist.push([id, phase, position, label, n < at ? '2026-06-01T08:00:00Z' : null]);
      }
      const invited = new Set<(typeof own)[number]>();
      for (let n = Math.min(own.length, rng.int(2, 8)); invited.size < n; ) invited.add(rng.pick(own));
      for (const m of invited) {
        const confirmed = rng.chance(0.7);
        participants.push([id, m.id, confirmed ? 'confirmed' : 'invited', confirmed ? '2026-05-20' : null]);
      }
    }
    await ctx.insert('procurements', procurementColumns, procurements);
    await ctx.insert('procurement_phases', phaseColumns, phases);
    await ctx.insert('procurement_checklist_items', checklistColumns, checklist);
    await ctx.insert('procurement_participants', participantColumns, participants);
    ctx.log(`    ${procurements.length} procurements, ${participants.length} participants`);
  },
});
