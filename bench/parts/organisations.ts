import { unitTypes } from '../../src/shared/contracts/organisations.ts';
import { unitPlaces, unitPrefixes } from './names.ts';
import { type GeneratedUnit, registerGeneratorPart } from './registry.ts';

/** Large municipalities by SCB code with a rough multiple of a typical municipality's elder care. */
const largeMunicipalities: Record<string, number> = {
  '0180': 14, // Stockholm
  '1480': 9, // Göteborg
  '1280': 6, // Malmö
  '0380': 3.5, // Uppsala
  '0580': 3, // Linköping
  '1880': 2.8, // Örebro
  '1980': 2.8, // Västerås
  '0680': 2.6, // Jönköping
  '1281': 2.4, // Lund
  '2480': 2.4, // Umeå
};

registerGeneratorPart({
  name: 'units',
  description: 'Staff per municipality (skewed like the country) and care units under each municipality',
  async run(ctx) {
    const rng = ctx.random('sizes');
    const municipalities = ctx.reference.municipalities;
    const weights = municipalities.map(
      (m) => Math.exp(0.7 * rng.normal()) * (largeMunicipalities[m.code] ?? 1),
    );
    const sum = weights.reduce((a, b) => a + b, 0);
    const staffByMunicipality = new Map<string, number>();
    municipalities.forEach((m, i) => {
      const n = Math.round((ctx.scale.staff * weights[i]!) / sum);
      staffByMunicipality.set(m.id, Math.max(ctx.scale.minStaffPerMunicipality, n));
    });

    const names = ctx.random('unit-names');
    const unitsByMunicipality = new Map<string, GeneratedUnit[]>();
    const rows: unknown[][] = [];
    for (const m of municipalities) {
      const count = Math.max(2, Math.round(staffByMunicipality.get(m.id)! / ctx.scale.staffPerUnit));
      const taken = new Set<string>();
      const units: GeneratedUnit[] = [];
      for (let i = 0; i < count; i++) {
        const subtype = unitTypes[i % unitTypes.length]!;
        const base = `${names.pick(unitPrefixes[subtype]!)} ${names.pick(unitPlaces)}`;
        let name = base;
        for (let k = 2; taken.has(name); k++) name = `${base} ${k}`;
        taken.add(name);
        const id = names.uuid();
        units.push({ id, name, municipalityId: m.id });
        rows.push([id, 'unit', name, m.countyCode, m.id, subtype, ctx.epoch, ctx.epoch]);
      }
      unitsByMunicipality.set(m.id, units);
    }
    await ctx.insert(
      'organisations',
      [
        { name: 'id', type: 'uuid' },
        { name: 'kind', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'county_code', type: 'text' },
        { name: 'parent_id', type: 'uuid' },
        { name: 'subtype', type: 'text' },
        { name: 'created_at', type: 'timestamptz' },
        { name: 'updated_at', type: 'timestamptz' },
      ],
      rows,
    );
    ctx.state.staffByMunicipality = staffByMunicipality;
    ctx.state.unitsByMunicipality = unitsByMunicipality;
  },
});
