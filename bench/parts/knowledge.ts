import { initiativePhases } from '../../src/shared/contracts/initiatives.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 8 at national scale: cases in the knowledge bank (most published, some in review), each
 * region's agreed definitions with a revision, and one draft steering-group report per region.
 */
const CASES_PER_MUNICIPALITY = 8;

const col = (name: string, type: string) => ({ name, type });
const caseColumns = [
  col('id', 'uuid'),
  col('municipality_id', 'uuid'),
  col('title', 'text'),
  col('summary', 'text'),
  col('context', 'text'),
  col('size_band', 'text'),
  col('service_area', 'text'),
  col('phase_reached', 'text'),
  col('what_was_done', 'text'),
  col('results', 'text'),
  col('lessons', 'text'),
  col('contact_name', 'text'),
  col('contact_email', 'text'),
  col('contact_consent', 'bool'),
  col('status', 'text'),
  col('published_at', 'timestamptz'),
  col('created_at', 'timestamptz'),
  col('updated_at', 'timestamptz'),
] as const;
const caseTechnologyColumns = [col('case_id', 'uuid'), col('technology_id', 'uuid')] as const;
const definitionColumns = [
  col('id', 'uuid'),
  col('key', 'text'),
  col('owner_organisation_id', 'uuid'),
  col('current_version', 'int2'),
] as const;
const definitionVersionColumns = [
  col('definition_id', 'uuid'),
  col('version', 'int2'),
  col('term_sv', 'text'),
  col('term_en', 'text'),
  col('body_sv', 'text'),
  col('body_en', 'text'),
] as const;
const reportColumns = [
  col('owner_organisation_id', 'uuid'),
  col('network_id', 'uuid'),
  col('title', 'text'),
  col('period_from', 'date'),
  col('period_to', 'date'),
  col('narrative', 'jsonb'),
] as const;

const SUBJECTS = [
  ['Digital nattillsyn', 'nattillsyn med kamera ersatte fysiska besök nattetid'],
  ['Läkemedelsautomater', 'automater gav rätt dos i tid utan besök'],
  ['Digitala lås', 'nyckelhanteringen försvann och besöken kom i tid'],
  ['Trygghetslarm med GPS', 'brukare med demens kunde gå ut på egen hand'],
  ['Videosamtal', 'anhöriga och brukare höll kontakten över avstånd'],
  ['Spisvakter', 'bränder förebyggdes hos personer med kognitiv svikt'],
] as const;
const SIZE_BANDS = ['lt10k', '10k_20k', '20k_50k', '50k_100k', 'gt100k'] as const;
const SERVICE_AREAS = ['home_care', 'residential', 'both', 'other'] as const;
const TERMS = [
  ['welfare-technology', 'Välfärdsteknik', 'Welfare technology'],
  ['digitalisation', 'Digitalisering', 'Digitalisation'],
  ['benefits-realisation', 'Nyttorealisering', 'Benefits realisation'],
  ['e-health', 'E-hälsa', 'eHealth'],
] as const;

const daysBefore = (epoch: Date, days: number) => new Date(epoch.getTime() - days * 86_400_000);
const day = (d: Date) => d.toISOString().slice(0, 10);

registerGeneratorPart({
  name: 'knowledge',
  description: `Cases (${CASES_PER_MUNICIPALITY} per municipality, 85 % published, with technologies), four agreed definitions per region with a revision, a draft steering-group report per region`,
  after: ['people', 'mapping'],
  async run(ctx) {
    const rng = ctx.random('knowledge');
    const { municipalities, regions } = ctx.reference;
    const technologies = await ctx.query<{ id: string }>('select id from technologies order by sort_order');
    const steeringGroups = await ctx.query<{ id: string; owner: string }>(
      `select id, owner_organisation_id as owner from networks where kind = 'steering_group'`,
    );
    const cases: unknown[][] = [];
    const caseTechnologies: unknown[][] = [];
    for (const m of municipalities) {
      for (let i = 0; i < CASES_PER_MUNICIPALITY; i++) {
        const id = rng.uuid();
        const [subject, outcome] = rng.pick(SUBJECTS);
        const createdDays = rng.int(20, 900);
        const published = rng.chance(0.85);
        const consent = rng.chance(0.6);
        cases.push([
          id,
          m.id,
          `${subject} i ${m.name}`,
          `${m.name} införde ${subject.toLowerCase()} och ${outcome}.`,
          `En kommun med hemtjänst och särskilt boende; arbetet leddes av verksamhetsutvecklare.`,
          rng.pick(SIZE_BANDS),
          rng.pick(SERVICE_AREAS),
          rng.pick(initiativePhases),
          'Vi kartlade nuläget, gjorde en nyttokalkyl, testade i en grupp och införde sedan i hela verksamheten.',
          `Resultatet blev att ${outcome}. Personalen sparade tid som gick till brukarna.`,
          'Involvera personalen tidigt, säkra nätverket och planera för utbildning av nya medarbetare.',
          consent ? 'Kontaktperson för exemplet' : null,
          consent ? `kontakt.${m.code}@bench.example` : null,
          consent,
          published ? 'published' : rng.pick(['draft', 'submitted', 'returned']),
          published ? daysBefore(ctx.epoch, rng.int(1, createdDays)) : null,
          daysBefore(ctx.epoch, createdDays),
          daysBefore(ctx.epoch, rng.int(0, createdDays)),
        ]);
        const techs = new Set([rng.pick(technologies).id]);
        if (rng.chance(0.3)) techs.add(rng.pick(technologies).id);
        for (const t of techs) caseTechnologies.push([id, t]);
      }
      if (cases.length > 5_000) {
        await ctx.insert('cases', caseColumns, cases.splice(0));
        await ctx.insert('case_technologies', caseTechnologyColumns, caseTechnologies.splice(0));
      }
    }
    await ctx.insert('cases', caseColumns, cases);
    await ctx.insert('case_technologies', caseTechnologyColumns, caseTechnologies);

    const definitions: unknown[][] = [];
    const versions: unknown[][] = [];
    const reports: unknown[][] = [];
    for (const r of regions) {
      for (const [key, sv, en] of TERMS) {
        const id = rng.uuid();
        definitions.push([id, key, r.id, 2]);
        for (const v of [1, 2])
          versions.push([
            id,
            v,
            sv,
            en,
            `${sv} enligt styrgruppen i ${r.name}, version ${v}.`,
            `${en} as agreed by the steering group of ${r.name}, version ${v}.`,
          ]);
      }
      const group = steeringGroups.find((g) => g.owner === r.id);
      reports.push([
        r.id,
        group?.id ?? null,
        `Rapport från styrgruppen, ${r.name}`,
        day(daysBefore(ctx.epoch, 182)),
        day(ctx.epoch),
        JSON.stringify({ background: 'Styrgruppen bildades för att samordna arbetet med välfärdsteknik.' }),
      ]);
    }
    await ctx.insert('definitions', definitionColumns, definitions);
    await ctx.insert('definition_versions', definitionVersionColumns, versions);
    await ctx.insert('steering_reports', reportColumns, reports);
    ctx.log(
      `    ${(municipalities.length * CASES_PER_MUNICIPALITY).toLocaleString('en')} cases, ${definitions.length} definitions, ${reports.length} reports`,
    );
  },
});
