import { and, eq, sql } from 'drizzle-orm';
import type { AnswerValue, TemplateContent } from '../../../shared/contracts/assessments.ts';
import { swedishDate } from '../../features/assessments/round-access.ts';
import type { Db } from '../client.ts';
import { DEFAULT_TEMPLATE_KEY } from '../reference/assessment-template.ts';
import {
  assessmentAnswers,
  assessmentRounds,
  assessmentSheets,
  assessmentTemplates,
  assessmentTemplateVersions,
  organisations,
  users,
} from '../schema/index.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

/** A small deterministic generator, so that every demo load gives the same answers. */
function seeded(seed: string) {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

/** Invented comments, by how far a municipality has come on a question. */
const comments = {
  low: [
    'Vi saknar resurser för det här just nu.',
    'Frågan har inte prioriterats i ledningsgruppen.',
    'Behöver diskuteras med förvaltningsledningen under året.',
    'Vi har börjat kartlägga läget men inget är beslutat.',
  ],
  mid: [
    'Arbete pågår i hemtjänsten, särskilt boende kommer efter.',
    'Beslutat i nämnden men inte fullt genomfört.',
    'Fungerar i vissa verksamheter, inte i alla.',
    'Vi följer upp det här två gånger per år.',
    'Projektmedel finansierar en del av arbetet till och med 2026.',
  ],
  high: [
    'Fungerar väl och ingår i den ordinarie verksamhetsplanen.',
    'Vi har goda erfarenheter som vi gärna delar med andra kommuner.',
    'Följs upp i ledningssystemet varje kvartal.',
  ],
};
const wishes = [
  'Ett regionalt nätverk där vi kan dela erfarenheter av upphandlingar.',
  'Hjälp att samordna ansökningar om stimulansmedel mellan kommunerna i länet.',
  'Stöd i dialogen med leverantörer och med hälso- och sjukvården.',
  'Gemensam utbildning för chefer i att leda förändring med digitala verktyg.',
  'En regional mall för nyttovärdering som vi kan använda i våra beslutsunderlag.',
  'Mer tid med regionens e-hälsosamordnare, gärna på plats hos oss.',
];

/** Answers for one sheet: a municipality's overall level, with its own strengths and weaknesses per area. */
function answersFor(content: TemplateContent, seed: string, share: number) {
  const rnd = seeded(seed);
  const base = 1.8 + rnd() * 2.4;
  const areaOffset = new Map(content.sections.map((s) => [s.key, rnd() * 1.6 - 0.8]));
  const out: { questionKey: string; value: AnswerValue; comment: string | null }[] = [];
  for (const section of content.sections) {
    for (const q of section.questions) {
      if (rnd() > share) continue;
      let value: AnswerValue;
      let level = 3;
      if (q.type === 'level') {
        level = Math.min(
          5,
          Math.max(1, Math.round(base + (areaOffset.get(section.key) ?? 0) + rnd() * 1.4 - 0.7)),
        );
        if (!q.scored) level = Math.min(5, Math.max(1, Math.round(2 + rnd() * 3.4)));
        value = { level };
      } else if (q.type === 'ranking') {
        const order = (q.options ?? []).map((o) => ({ k: o.key, r: rnd() })).sort((a, b) => a.r - b.r);
        value = { order: order.map((o) => o.k) };
      } else if (q.type === 'text') {
        value = { text: wishes[Math.floor(rnd() * wishes.length)]! };
      } else continue;
      const pool = level <= 2 ? comments.low : level >= 4 ? comments.high : comments.mid;
      const comment =
        q.type === 'level' && q.scored && rnd() < 0.3 ? pool[Math.floor(rnd() * pool.length)]! : null;
      out.push({ questionKey: q.key, value, comment });
    }
  }
  return out;
}

// Days in Swedish time, as the app counts them: "closes in 21 days" just after midnight in Sweden too.
const isoDay = (offset: number) => swedishDate(new Date(Date.now() + offset * 86_400_000));

/**
 * Region Dalarna's closed 2025 round (all 15 submitted) and open 2026 round (closing three weeks after
 * load; some submitted, some under way — Falun partly answered, Borlänge not started), and a closed
 * national 2025 round for the model municipalities so that peer comparisons have something to compare with.
 */
export async function loadAssessmentsDemo(db: Db): Promise<void> {
  const [version] = await db
    .select({ id: assessmentTemplateVersions.id, content: assessmentTemplateVersions.content })
    .from(assessmentTemplateVersions)
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentTemplateVersions.templateId))
    .where(and(eq(assessmentTemplates.key, DEFAULT_TEMPLATE_KEY), eq(assessmentTemplateVersions.version, 1)));
  if (!version) throw new Error('The default assessment template is missing');
  const content = version.content as TemplateContent;
  const [region] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'region'), eq(organisations.code, '20')));
  const [nation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'nation'));
  const dalarna = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), eq(organisations.parentId, region!.id)));
  const models = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(
      and(eq(organisations.kind, 'municipality'), sql`'model_municipality' = any(${organisations.flags})`),
    );
  const userId = async (local: string) =>
    (
      await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, `${local}@${DEMO_DOMAIN}`))
    )[0]?.id ?? null;
  const regionUser = await userId('region.dalarna');
  const answerer = new Map([
    ['2080', await userId('samordnare.falun')],
    ['2081', await userId('samordnare.borlange')],
  ]);

  await db.transaction(async (tx) => {
    const round = async (
      name: string,
      ownerId: string,
      opensOn: string,
      closesOn: string,
      closed: boolean,
      sheets: { id: string; code: string; share: number; submitted: boolean }[],
    ) => {
      const [r] = await tx
        .insert(assessmentRounds)
        .values({
          name,
          templateVersionId: version.id,
          ownerOrganisationId: ownerId,
          opensOn,
          closesOn,
          shareResults: true,
          closedAt: closed ? new Date(`${closesOn}T18:00:00Z`) : null,
          createdBy: ownerId === region!.id ? regionUser : null,
        })
        .returning({ id: assessmentRounds.id });
      const when = new Date(`${closed ? closesOn : isoDay(-2)}T10:00:00Z`);
      for (const s of sheets) {
        await tx.insert(assessmentSheets).values({
          roundId: r!.id,
          municipalityId: s.id,
          status: s.submitted ? 'submitted' : 'open',
          submittedAt: s.submitted ? when : null,
          submittedBy: s.submitted ? (answerer.get(s.code) ?? null) : null,
        });
        const answers = answersFor(content, `${name}|${s.code}`, s.share);
        if (answers.length)
          await tx.insert(assessmentAnswers).values(
            answers.map((a) => ({
              roundId: r!.id,
              municipalityId: s.id,
              questionKey: a.questionKey,
              value: a.value,
              comment: a.comment,
              updatedBy: answerer.get(s.code) ?? null,
              updatedAt: when,
            })),
          );
      }
    };
    const all = (list: { id: string; code: string | null }[], share: number, submitted: boolean) =>
      list.map((m) => ({ id: m.id, code: m.code ?? '', share, submitted }));

    await round(
      'Förutsättningar för välfärdsteknik 2025',
      region!.id,
      '2025-02-01',
      '2025-03-31',
      true,
      all(dalarna, 1, true),
    );
    const sorted = [...dalarna].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
    await round(
      'Förutsättningar för välfärdsteknik 2026',
      region!.id,
      isoDay(-14),
      isoDay(21),
      false,
      sorted.map((m, i) => {
        const code = m.code ?? '';
        if (code === '2080') return { id: m.id, code, share: 0.4, submitted: false };
        if (code === '2081') return { id: m.id, code, share: 0, submitted: false };
        // About a third submitted, a third under way, the rest not started.
        return i % 3 === 0
          ? { id: m.id, code, share: 1, submitted: true }
          : i % 3 === 1
            ? { id: m.id, code, share: 0.5, submitted: false }
            : { id: m.id, code, share: 0, submitted: false };
      }),
    );
    await round(
      'Förutsättningar för välfärdsteknik 2025 – modellkommuner',
      nation!.id,
      '2025-02-01',
      '2025-04-30',
      true,
      all(models, 1, true),
    );
  });
}
