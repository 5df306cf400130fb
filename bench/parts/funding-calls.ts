import { largestRemainder } from '../../src/server/features/funding-calls/allocation-key.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 17's stimulus funds at national scale: a national call with an allocation for every in-scope
 * municipality (by an invented population aged 80+), most of them requisitioned and some reported, and
 * one regional call per region over its municipalities; the initiatives' stimulus funding rows of each
 * municipality are linked to the national call, so that "used" is summed from real rows.
 */
const col = (name: string, type: string) => ({ name, type });
const callColumns = [
  col('id', 'uuid'),
  col('title', 'text'),
  col('owner_organisation_id', 'uuid'),
  col('scope_organisation_id', 'uuid'),
  col('year', 'int2'),
  col('total_sek', 'int8'),
  col('allocation_key', 'text'),
  col('requisition_deadline', 'date'),
  col('reporting_deadline', 'date'),
  col('status', 'text'),
] as const;
const allocationColumns = [
  col('call_id', 'uuid'),
  col('municipality_id', 'uuid'),
  col('key_value', 'int4'),
  col('allocated_sek', 'int8'),
  col('requisitioned_sek', 'int8'),
  col('requisitioned_at', 'timestamptz'),
  col('reported_at', 'timestamptz'),
  col('report_text', 'text'),
] as const;

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

registerGeneratorPart({
  name: 'funding-calls',
  description:
    'A national stimulus-fund call over every municipality and one regional call per region, with requisitions and reports',
  after: ['initiatives'],
  async run(ctx) {
    const rng = ctx.random('funding-calls');
    const { nation, regions, municipalities } = ctx.reference;
    const year = ctx.epoch.getUTCFullYear();
    const calls: unknown[][] = [];
    const allocations: unknown[][] = [];
    const addCall = (
      ownerId: string,
      title: string,
      total: number,
      members: typeof municipalities,
      past: boolean,
    ) => {
      const id = rng.uuid();
      const requisition = new Date(ctx.epoch.getTime() + (past ? -60 : 45) * DAY);
      const reporting = new Date(ctx.epoch.getTime() + (past ? -5 : 400) * DAY);
      calls.push([
        id,
        title,
        ownerId,
        ownerId,
        past ? year - 1 : year,
        total,
        'population_80_plus',
        day(requisition),
        day(reporting),
        'open',
      ]);
      const keys = members.map(() => rng.int(300, 60_000));
      const shares = largestRemainder(total, keys);
      members.forEach((m, i) => {
        const requisitioned = rng.chance(0.75) ? Math.floor(shares[i]! * rng.pick([0.5, 0.8, 1])) : 0;
        const reported = requisitioned > 0 && rng.chance(past ? 0.8 : 0.2);
        allocations.push([
          id,
          m.id,
          keys[i],
          shares[i],
          requisitioned,
          requisitioned ? new Date(requisition.getTime() - rng.int(1, 60) * DAY) : null,
          reported ? new Date(reporting.getTime() - rng.int(1, 30) * DAY) : null,
          reported ? 'Medlen har använts till välfärdsteknik i hemtjänsten.' : null,
        ]);
      });
      return id;
    };
    const national = addCall(
      nation.id,
      `Stimulansmedel välfärdsteknik i äldreomsorgen ${year}`,
      500_000_000,
      municipalities,
      false,
    );
    for (const r of regions) {
      const members = municipalities.filter((m) => m.parentId === r.id);
      if (members.length)
        addCall(r.id, `Regionala stimulansmedel ${year - 1}, ${r.name}`, 20_000_000, members, true);
    }
    await ctx.insert('funding_calls', callColumns, calls);
    await ctx.insert('funding_allocations', allocationColumns, allocations);
    const linked = await ctx.query<{ n: number }>(
      `with moved as (
         update initiative_funding f set funding_call_id = $1, recipient_municipality_id = i.owner_organisation_id
         from initiatives i join organisations o on o.id = i.owner_organisation_id and o.kind = 'municipality'
         join funding_allocations a on a.call_id = $1 and a.municipality_id = o.id
         where i.id = f.initiative_id and f.source = 'stimulus'
         returning 1)
       select count(*)::int as n from moved`,
      [national],
    );
    ctx.log(
      `    ${calls.length} funding calls, ${allocations.length} allocations, ${linked[0]?.n ?? 0} funding rows linked`,
    );
  },
});
