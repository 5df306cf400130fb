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
const kindTitle: Record<string, string> = {
  policy: 'Policy för',
  strategy: 'Strategi för',
  action_plan: 'Handlingsplan för',
  guideline: 'Riktlinje för',
  routine: 'Rutin för',
  mission_statement: 'Uppdragsbeskrivning för',
  report: 'Uppföljning av',
  other: 'Förstudie om',
};

/**
 * A document is about one to three topics and uses their words most, in several forms, so that stemming
 * has something to do and a specific word is in a minority of documents while a general one ("välfärdsteknik",
 * "strategi") is in many — as in a real corpus of governing documents.
 */
const topics: { title: string; words: string[] }[] = [
  {
    title: 'digitala trygghetslarm',
    words:
      'trygghetslarm trygghetslarmet trygghetslarmen larmmottagning larmcentralen larmknapp analoga digitala larmsamtal'.split(
        ' ',
      ),
  },
  {
    title: 'mobila larm med GPS',
    words: 'gps-larm positionering positioneringen demenssjukdom promenader mobilt larmet geografiskt'.split(
      ' ',
    ),
  },
  {
    title: 'digital nattillsyn',
    words: 'nattillsyn nattillsynen kamera kameror kamerorna nattpatrull tillsynsbesök sömn störningar'.split(
      ' ',
    ),
  },
  {
    title: 'sensorer och fallprevention',
    words: 'sensorer sensorn fallsensor fallolyckor fallrisk rörelsesensor dörrlarm sängvakt'.split(' '),
  },
  {
    title: 'läkemedelsautomater',
    words:
      'läkemedelsautomat läkemedelsautomater läkemedel läkemedelshantering dosering doser delegering påminnelse'.split(
        ' ',
      ),
  },
  {
    title: 'nyckelfri hemtjänst',
    words: 'lås låset nyckelfri nyckelhantering nycklar digitala passersystem behörighet dörren'.split(' '),
  },
  {
    title: 'digitala besök',
    words: 'videosamtal bildskärm anhöriga ensamhet samtal surfplatta digitalt besöket'.split(' '),
  },
  {
    title: 'digital dokumentation',
    words:
      'dokumentation journalföring signering signera mobil verksamhetssystem avvikelser genomförandeplan'.split(
        ' ',
      ),
  },
  {
    title: 'planering och ruttoptimering',
    words:
      'planering planeringsverktyg rutter ruttoptimering schemaläggning körtid insatser besöksplanering'.split(
        ' ',
      ),
  },
  {
    title: 'aktivitet och rehabilitering',
    words: 'rehabilitering träning aktivitet aktiviteter spel motion vardagsrehabilitering balans'.split(' '),
  },
  {
    title: 'spisvakt och brandskydd',
    words: 'spisvakt spisvakten brandskydd brandlarm brand spisen köket säkerhet'.split(' '),
  },
  {
    title: 'egenmonitorering',
    words:
      'egenmonitorering blodtryck mätvärden distansmonitorering hälsotillstånd sjuksköterska primärvården vårdplan'.split(
        ' ',
      ),
  },
  {
    title: 'upphandling av välfärdsteknik',
    words: 'upphandling upphandlingen avtal avtalet leverantör leverantörer kravställning anbud'.split(' '),
  },
  {
    title: 'kompetens i välfärdsteknik',
    words:
      'kompetens kompetensutveckling utbildning utbildningen medarbetare introduktion handledning lärande'.split(
        ' ',
      ),
  },
  {
    title: 'integritet och samtycke',
    words:
      'integritet samtycke personuppgifter dataskydd sekretess informationssäkerhet behörigheter loggning'.split(
        ' ',
      ),
  },
];
const general =
  'välfärdsteknik välfärdstekniken strategi strategier brukare brukaren omsorg äldreomsorgen hemtjänsten boende kommunen regionen uppföljning införande trygghet självständighet'.split(
    ' ',
  );
const connectives = [
  'och',
  'för',
  'med',
  'i',
  'av',
  'som',
  'ska',
  'när',
  'till',
  'inom',
  'genom',
  'där',
  'om',
];

/** A word of the topic, the first ones far more often (roughly Zipf). */
const zipf = (rng: Random, words: readonly string[]) =>
  words[Math.min(words.length - 1, Math.floor(words.length * rng.next() ** 2.5))]!;

function paragraph(rng: Random, about: readonly { words: string[] }[], words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = rng.next();
    out.push(
      r < 0.35 ? rng.pick(connectives) : r < 0.5 ? zipf(rng, general) : zipf(rng, rng.pick(about).words),
    );
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
      const about = Array.from({ length: rng.int(1, 3) }, () => rng.pick(topics));
      const title = `${kindTitle[kind]} ${about[0]!.title} – ${owner.name} ${2016 + (i % 10)}`;
      const adopted = daysBefore(ctx.epoch, rng.int(30, 3000));
      const review = new Date(adopted.getTime() + rng.int(365, 1460) * 86_400_000);
      const body = Array.from({ length: rng.int(3, 8) }, () => paragraph(rng, about, rng.int(40, 110))).join(
        '\n\n',
      );
      documents.push([
        rng.uuid(),
        title,
        kind,
        owner.level,
        owner.id,
        rng.pick(['adopted', 'adopted', 'adopted', 'under_revision', 'expired', 'draft']),
        day(adopted),
        day(review),
        paragraph(rng, about, 30),
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
        const agenda = [rng.pick(topics), rng.pick(topics)];
        for (const [group, name] of [
          [steering, 'Styrgruppsmöte'],
          [reference, 'Referensgruppsmöte'],
        ] as const) {
          meetings.push([
            group,
            `${name} ${k + 1}`,
            at,
            paragraph(rng, agenda, 30),
            paragraph(rng, agenda, 120),
          ]);
        }
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
