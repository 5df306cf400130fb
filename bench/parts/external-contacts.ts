import { externalActorKinds, externalContactKinds } from '../../src/shared/contracts/external-contacts.ts';
import { registerGeneratorPart } from './registry.ts';

/**
 * Issue 17's contacts with external actors at national scale: 3,000 contacts in the regions' logs
 * (scaled by the share of municipalities in scope), each with one or two technologies, up to three of
 * the region's municipalities and, for a third, a follow-up (most of them done).
 */
const NATIONAL_CONTACTS = 3_000;
const MUNICIPALITIES = 290;
const DAY = 86_400_000;

const col = (name: string, type: string) => ({ name, type });
const contactColumns = [
  col('id', 'uuid'),
  col('owner_organisation_id', 'uuid'),
  col('occurred_on', 'date'),
  col('kind', 'text'),
  col('actor_kind', 'text'),
  col('actor_name', 'text'),
  col('supplier_id', 'uuid'),
  col('topic', 'text'),
  col('outcome', 'text'),
  col('follow_up', 'text'),
  col('follow_up_on', 'date'),
  col('follow_up_done_at', 'timestamptz'),
  col('created_at', 'timestamptz'),
  col('updated_at', 'timestamptz'),
] as const;
const technologyColumns = [col('contact_id', 'uuid'), col('technology_id', 'uuid')] as const;
const municipalityColumns = [col('contact_id', 'uuid'), col('municipality_id', 'uuid')] as const;

const ACTORS: Record<string, readonly string[]> = {
  inera: ['Inera'],
  region_health_care: ['Hälso- och sjukvården, läkemedelsenheten', 'Primärvården', 'Hjälpmedelscentralen'],
  university: ['Högskolan (påhittad)', 'Universitetet (påhittat)'],
  authority: ['Socialstyrelsen', 'E-hälsomyndigheten', 'Post- och telestyrelsen'],
  other: ['Pensionärsföreningen (påhittad)', 'Branschföreningen (påhittad)'],
};
const TOPICS = [
  [
    'Dataexport vid byte av leverantör av trygghetslarm',
    'Leverantören kan exportera larmhistoriken som CSV.',
  ],
  [
    'Digitala lås och nyckelhantering i hemtjänsten',
    'Låsen kopplas till kommunens katalog; loggarna sparas i två år.',
  ],
  [
    'Läkemedelsautomater och ordinationsansvar',
    'Hälso- och sjukvården godtar automaterna med dosdispensering.',
  ],
  ['Digital nattillsyn och integritet', 'Kamerabilden suddas ut utom vid larm.'],
  ['Interoperabilitet mellan larm och verksamhetssystem', 'En gemensam specifikation tas fram nationellt.'],
  [
    'Utvärdering av välfärdsteknik i särskilt boende',
    'Följeforskning erbjuds kommuner som anmäler intresse.',
  ],
  ['Övergång från analoga till digitala larm', 'Analoga larm slutar fungera när mobilnäten byggs om.'],
  ['Tillgänglighet i appar för anhöriga', 'Appen ska uppfylla EN 301 549 före nästa version.'],
] as const;

registerGeneratorPart({
  name: 'external-contacts',
  description: `${NATIONAL_CONTACTS.toLocaleString('en')} contacts with external actors in the regions' logs (scaled to the municipalities in scope)`,
  after: ['suppliers'],
  async run(ctx) {
    const rng = ctx.random('external-contacts');
    const { municipalities, regions } = ctx.reference;
    const technologies = await ctx.query<{ id: string }>('select id from technologies order by sort_order');
    const suppliers = await ctx.query<{ id: string; name: string }>(
      'select id, name from suppliers where merged_into is null order by id',
    );
    const perRegion = Math.max(
      1,
      Math.round(
        (NATIONAL_CONTACTS * (municipalities.length / MUNICIPALITIES)) / Math.max(1, regions.length),
      ),
    );
    const contacts: unknown[][] = [];
    const contactTechnologies: unknown[][] = [];
    const contactMunicipalities: unknown[][] = [];
    for (const r of regions) {
      const own = municipalities.filter((m) => m.parentId === r.id);
      for (let i = 0; i < perRegion; i++) {
        const id = rng.uuid();
        const actorKind = rng.pick(externalActorKinds);
        const supplier = actorKind === 'supplier' && suppliers.length ? rng.pick(suppliers) : null;
        const actorName = supplier?.name ?? rng.pick(ACTORS[actorKind] ?? ACTORS.other!);
        const [topic, outcome] = rng.pick(TOPICS);
        const occurred = new Date(ctx.epoch.getTime() - rng.int(1, 1_000) * DAY);
        const followUp = rng.chance(0.3);
        const followUpOn = followUp ? new Date(occurred.getTime() + rng.int(7, 90) * DAY) : null;
        const done = followUpOn && (followUpOn < ctx.epoch ? rng.chance(0.9) : rng.chance(0.2));
        contacts.push([
          id,
          r.id,
          occurred.toISOString().slice(0, 10),
          rng.pick(externalContactKinds),
          actorKind,
          actorName,
          supplier?.id ?? null,
          `${topic} (${r.name})`,
          outcome,
          followUp ? 'Återkom till kommunerna med svaret.' : null,
          followUpOn ? followUpOn.toISOString().slice(0, 10) : null,
          done ? followUpOn : null,
          occurred,
          occurred,
        ]);
        const techs = new Set<string>();
        for (let n = rng.int(1, 2); techs.size < n; ) techs.add(rng.pick(technologies).id);
        for (const t of techs) contactTechnologies.push([id, t]);
        const concerned = new Set<string>();
        for (let n = Math.min(own.length, rng.int(0, 3)); concerned.size < n; )
          concerned.add(rng.pick(own).id);
        for (const m of concerned) contactMunicipalities.push([id, m]);
      }
    }
    await ctx.insert('external_contacts', contactColumns, contacts);
    await ctx.insert('external_contact_technologies', technologyColumns, contactTechnologies);
    await ctx.insert('external_contact_municipalities', municipalityColumns, contactMunicipalities);
    ctx.log(`    ${contacts.length.toLocaleString('en')} contacts with external actors`);
  },
});
