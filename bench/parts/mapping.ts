import { adoptionStatuses } from '../../src/shared/contracts/mapping.ts';
import type { Random } from '../lib/random.ts';
import { registerGeneratorPart } from './registry.ts';

/** Governing documents at each scale: issue 5 searches 50,000 at national scale. */
const DOCUMENT_TARGET: Record<string, number> = { national: 50_000, region: 2_600, small: 300 };

const adoptionColumns = [
  { name: 'municipality_id', type: 'uuid' },
  { name: 'technology_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'since', type: 'date' },
  { name: 'users_served', type: 'int4' },
  { name: 'eligible_users', type: 'int4' },
  { name: 'updated_at', type: 'timestamptz' },
] as const;
const historyColumns = [
  { name: 'municipality_id', type: 'uuid' },
  { name: 'technology_id', type: 'uuid' },
  { name: 'changed_at', type: 'timestamptz' },
  { name: 'before', type: 'jsonb' },
  { name: 'after', type: 'jsonb' },
] as const;
const documentColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'owner_organisation_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'adopted_on', type: 'date' },
  { name: 'review_on', type: 'date' },
  { name: 'summary', type: 'text' },
  { name: 'body_text', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
] as const;
const networkColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'owner_organisation_id', type: 'uuid' },
  { name: 'purpose', type: 'text' },
  { name: 'coverage_organisation_id', type: 'uuid' },
  { name: 'representatives_min', type: 'int2' },
  { name: 'representatives_max', type: 'int2' },
] as const;
const memberColumns = [
  { name: 'network_id', type: 'uuid' },
  { name: 'external_name', type: 'text' },
  { name: 'represents_organisation_id', type: 'uuid' },
  { name: 'role_in_group', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'joined_at', type: 'timestamptz' },
] as const;
const meetingColumns = [
  { name: 'network_id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'starts_at', type: 'timestamptz' },
  { name: 'agenda', type: 'text' },
  { name: 'minutes', type: 'text' },
] as const;

const kinds = [
  'policy',
  'strategy',
  'action_plan',
  'guideline',
  'routine',
  'mission_statement',
  'report',
  'other',
];
const kindTitle: Record<string, string[]> = {
  policy: ['Policy för digitalisering i vård och omsorg', 'Policy för välfärdsteknik'],
  strategy: ['Strategi för välfärdsteknik', 'Digitaliseringsstrategi för äldreomsorgen'],
  action_plan: ['Handlingsplan för trygghetsteknik', 'Handlingsplan för digital nattillsyn'],
  guideline: ['Riktlinje för läkemedelsautomater', 'Riktlinje för digitala lås i hemtjänsten'],
  routine: ['Rutin för larmhantering', 'Rutin vid byte av trygghetslarm', 'Rutin för kameratillsyn nattetid'],
  mission_statement: ['Uppdragsbeskrivning för samordnare välfärdsteknik'],
  report: ['Uppföljning av välfärdsteknik', 'Utvärdering av pilotprojekt med sensorer'],
  other: ['Förstudie om planeringsverktyg', 'Kartläggning av behov'],
};
/** Swedish words in several forms, so that stemming has something to do. */
const vocabulary = [
  'välfärdsteknik välfärdstekniken välfärdstekniska',
  'strategi strategier strategin strategiska',
  'trygghetslarm trygghetslarmet trygghetslarmen',
  'nattillsyn nattillsynen digital kamera kameror',
  'brukare brukaren brukarna brukarnas',
  'medarbetare medarbetarna personalen omsorgspersonal',
  'hemtjänst hemtjänsten särskilt boende boendena',
  'läkemedelsautomat läkemedelsautomater läkemedel',
  'digitala lås nyckelfri nyckelhantering',
  'sensorer sensorn fallsensor fallolyckor',
  'uppföljning följas upp utvärdering utvärderingen',
  'samverkan samverkar regionen kommunerna kommunens',
  'införande införandet implementering implementeras',
  'kompetens kompetensutveckling utbildning utbildningen',
  'upphandling upphandlingen avtal avtalet leverantör',
  'integritet samtycke dokumentation journalföring',
  'ledning styrning ansvar ansvarig beslut',
  'trygghet självständighet delaktighet livskvalitet',
].map((line) => line.split(' '));
const connectives = ['och', 'för', 'med', 'i', 'av', 'som', 'ska', 'när', 'till', 'inom', 'genom'];

function paragraph(rng: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(i % 3 === 1 ? rng.pick(connectives) : rng.pick(rng.pick(vocabulary)));
    if (i % 14 === 13) out[out.length - 1] += '.';
  }
  return `${out.join(' ')}.`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (epoch: Date, days: number) => new Date(epoch.getTime() - days * 86_400_000);

registerGeneratorPart({
  name: 'mapping',
  description:
    'Adoption of every catalogue technology in every municipality with history, governing documents with extracted text, reference and steering groups per region with members and meetings',
  after: ['people'],
  async run(ctx) {
    const rng = ctx.random('mapping');
    const technologies = await ctx.query<{ id: string; key: string }>(
      'select id, key from technologies order by sort_order',
    );
    const { municipalities, regions, nation } = ctx.reference;

    // Adoption: most technologies recorded, with use where in operation, a history of two or three steps.
    const adoptions: unknown[][] = [];
    const history: unknown[][] = [];
    for (const m of municipalities) {
      const lastUpdate = daysBefore(ctx.epoch, rng.int(0, 600));
      for (const [i, t] of technologies.entries()) {
        if (rng.chance(0.15)) continue;
        const inOperationOdds = i < 3 ? 0.85 : 0.45;
        const status = rng.chance(inOperationOdds) ? 'in_operation' : rng.pick(adoptionStatuses);
        const eligible = status === 'in_operation' ? rng.int(20, 3000) : null;
        const served = eligible === null ? null : Math.round(eligible * rng.next());
        const since =
          status === 'in_operation' || status === 'piloting'
            ? day(daysBefore(ctx.epoch, rng.int(90, 3000)))
            : null;
        adoptions.push([m.id, t.id, status, since, served, eligible, lastUpdate]);
        const steps = rng.int(1, 3);
        let before: object | null = null;
        for (let s = 0; s < steps; s++) {
          const after = {
            status: s === steps - 1 ? status : rng.pick(['planned', 'piloting']),
            usersServed: served,
          };
          history.push([
            m.id,
            t.id,
            daysBefore(lastUpdate, (steps - 1 - s) * 120),
            before ? JSON.stringify(before) : null,
            JSON.stringify(after),
          ]);
          before = after;
        }
      }
    }
    await ctx.insert('technology_adoptions', adoptionColumns, adoptions);
    await ctx.insert('technology_adoption_history', historyColumns, history);

    // Governing documents: most local, some regional, a few national; each with a page or two of text.
    const target = DOCUMENT_TARGET[ctx.scale.name] ?? 300;
    const owners = [
      ...municipalities.map((m) => ({ id: m.id, level: 'local', name: m.name, weight: 1 })),
      ...regions.map((r) => ({ id: r.id, level: 'regional', name: r.name, weight: 3 })),
      { id: nation.id, level: 'national', name: 'Sverige', weight: 2 },
    ];
    const weighted = owners.flatMap((o) => Array.from({ length: o.weight }, () => o));
    const documents: unknown[][] = [];
    for (let i = 0; i < target; i++) {
      const owner = rng.pick(weighted);
      const kind = rng.pick(kinds);
      const title = `${rng.pick(kindTitle[kind]!)} – ${owner.name} ${2016 + (i % 10)}`;
      const adopted = daysBefore(ctx.epoch, rng.int(30, 3000));
      const review = new Date(adopted.getTime() + rng.int(365, 1460) * 86_400_000);
      const body = Array.from({ length: rng.int(3, 8) }, () => paragraph(rng, rng.int(40, 110))).join('\n\n');
      documents.push([
        rng.uuid(),
        title,
        kind,
        owner.level,
        owner.id,
        rng.pick(['adopted', 'adopted', 'adopted', 'under_revision', 'expired', 'draft']),
        day(adopted),
        day(review),
        paragraph(rng, 30),
        body,
        adopted,
        adopted,
      ]);
      if (documents.length === 5_000) {
        await ctx.insert('governing_documents', documentColumns, documents.splice(0));
      }
    }
    await ctx.insert('governing_documents', documentColumns, documents);

    // Per region a steering group and a reference group covering its municipalities, most of them.
    const networksRows: unknown[][] = [];
    const members: unknown[][] = [];
    const meetings: unknown[][] = [];
    for (const r of regions) {
      const steering = rng.uuid();
      const reference = rng.uuid();
      networksRows.push([
        steering,
        `Styrgrupp välfärdsteknik ${r.name}`,
        'steering_group',
        'regional',
        r.id,
        'Styr det regionala arbetet med välfärdsteknik.',
        null,
        null,
        null,
      ]);
      networksRows.push([
        reference,
        `Referensgrupp välfärdsteknik ${r.name}`,
        'reference_group',
        'regional',
        r.id,
        'En till två representanter per kommun.',
        r.id,
        1,
        2,
      ]);
      for (const m of municipalities.filter((x) => x.parentId === r.id)) {
        if (rng.chance(0.3))
          members.push([steering, `Ledamot ${m.name}`, m.id, 'member', 'active', ctx.epoch]);
        if (rng.chance(0.85)) {
          for (let k = rng.int(1, 2); k > 0; k--) {
            members.push([
              reference,
              `Representant ${k} ${m.name}`,
              m.id,
              'member',
              rng.chance(0.9) ? 'active' : 'invited',
              ctx.epoch,
            ]);
          }
        }
      }
      for (let k = 0; k < 6; k++) {
        const at = daysBefore(ctx.epoch, k * 45);
        meetings.push([steering, `Styrgruppsmöte ${k + 1}`, at, paragraph(rng, 30), paragraph(rng, 120)]);
        meetings.push([
          reference,
          `Referensgruppsmöte ${k + 1}`,
          at,
          paragraph(rng, 30),
          paragraph(rng, 120),
        ]);
      }
    }
    await ctx.insert('networks', networkColumns, networksRows);
    await ctx.insert('network_members', memberColumns, members);
    await ctx.insert('network_meetings', meetingColumns, meetings);
    ctx.log(
      `    ${adoptions.length.toLocaleString('en')} adoption records, ${target.toLocaleString('en')} documents, ${networksRows.length} groups`,
    );
  },
});
