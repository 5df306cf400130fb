import { addMonths } from '../../src/shared/contracts/supplier-contracts.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 17's contract registers: about 4,000 contracts nationally (fourteen per municipality on
 * average, 10–18), each with one or two technologies of the catalogue, a supplier of the register that
 * delivers something, "2 + 1 + 1"-style extension options and a history row. Ends are spread from a
 * year ago to six years ahead of the generator's fixed "now", so the radar has windows to find.
 */
const PER_MUNICIPALITY: Record<string, [number, number]> = {
  national: [10, 18],
  region: [10, 18],
  small: [6, 10],
};
const FORMS = ['own', 'joint', 'framework_call_off', 'direct_award'] as const;
const TITLES = ['Avtal', 'Ramavtalsavrop', 'Tjänsteavtal', 'Leveransavtal'] as const;

const col = (name: string, type: string) => ({ name, type });
const contractColumns = [
  col('id', 'uuid'),
  col('municipality_id', 'uuid'),
  col('supplier_id', 'uuid'),
  col('title', 'text'),
  col('external_ref', 'text'),
  col('procurement_form', 'text'),
  col('framework_name', 'text'),
  col('starts_on', 'date'),
  col('ends_on', 'date'),
  col('notice_months', 'smallint'),
  col('annual_value_sek', 'bigint'),
] as const;
const technologyColumns = [col('contract_id', 'uuid'), col('technology_id', 'uuid')] as const;
const extensionColumns = [
  col('contract_id', 'uuid'),
  col('position', 'smallint'),
  col('months', 'smallint'),
  col('decide_by', 'date'),
  col('status', 'text'),
] as const;
const historyColumns = [col('contract_id', 'uuid'), col('action', 'text')] as const;

registerGeneratorPart({
  name: 'contracts',
  description:
    "Municipalities' contract registers: ~4,000 contracts (national) with technologies and options",
  after: ['suppliers'],
  async run(ctx) {
    const rng = ctx.random('contracts');
    const [low, high] = PER_MUNICIPALITY[ctx.scale.name] ?? [6, 10];
    const technologies = await ctx.query<{ id: string; name_sv: string }>(
      'select id, name_sv from technologies order by sort_order',
    );
    const suppliers = await ctx.query<{ id: string }>(
      'select id from suppliers where merged_into is null order by id',
    );
    if (suppliers.length === 0) throw new Error('The contracts part needs the suppliers part first');
    const now = ctx.epoch.toISOString().slice(0, 7);
    const contracts: unknown[][] = [];
    const techs: unknown[][] = [];
    const extensions: unknown[][] = [];
    const history: unknown[][] = [];
    for (const m of ctx.reference.municipalities) {
      const n = rng.int(low, high);
      for (let i = 0; i < n; i++) {
        const id = rng.uuid();
        const tech = technologies[(i + rng.int(0, 2)) % technologies.length]!;
        const endsOn = addMonths(`${now}-01`, rng.int(-12, 72));
        const term = rng.pick([24, 36, 48]);
        const form = rng.pick(FORMS);
        contracts.push([
          id,
          m.id,
          rng.pick(suppliers).id,
          `${rng.pick(TITLES)} ${tech.name_sv.toLowerCase()}`,
          `${m.code}-${i + 1}`,
          form,
          form === 'framework_call_off' ? 'Ramavtal (bench)' : null,
          addMonths(endsOn, -term),
          endsOn,
          rng.pick([3, 6, 12]),
          rng.int(50, 3000) * 1000,
        ]);
        techs.push([id, tech.id]);
        if (rng.chance(0.3)) {
          const other = rng.pick(technologies);
          if (other.id !== tech.id) techs.push([id, other.id]);
        }
        let end = endsOn;
        for (let p = 1, options = rng.int(0, 3); p <= options; p++) {
          extensions.push([id, p, 12, addMonths(end, -6), 'open']);
          end = addMonths(end, 12);
        }
        history.push([id, 'imported']);
      }
    }
    await ctx.insert('contracts', contractColumns, contracts);
    await ctx.insert('contract_technologies', technologyColumns, techs);
    await ctx.insert('contract_extensions', extensionColumns, extensions);
    await ctx.insert('contract_history', historyColumns, history);
    ctx.log(`    ${contracts.length} contracts, ${extensions.length} extension options`);
  },
});
