import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { queryRows } from '../../src/server/db/client.ts';
import type { AnswerValue, TemplateContent } from '../../src/shared/contracts/assessments.ts';

const l = (sv: string, en = sv) => ({ sv, en });
const levels = [1, 2, 3, 4, 5].map((n) => l(`Nivå ${n}`, `Level ${n}`));

/** A small template: two scored areas with two questions each and a support-needs section. */
export const resultsContent: TemplateContent = {
  name: l('Testmall resultat', 'Results test template'),
  description: l('För tester av resultat.', 'For results tests.'),
  sections: [
    {
      key: 'styrning',
      area: 'governance',
      title: l('Styrning', 'Governance'),
      questions: [
        {
          key: 'g1',
          type: 'level',
          text: l('Finns en strategi?', 'Is there a strategy?'),
          levels,
          scored: true,
        },
        { key: 'g2', type: 'status', text: l('Finns mål?', 'Are there goals?'), scored: true },
      ],
    },
    {
      key: 'kompetens',
      area: 'competence',
      title: l('Kompetens', 'Competence'),
      questions: [
        { key: 'c1', type: 'level', text: l('Utbildad personal?', 'Trained staff?'), levels, scored: true },
        { key: 'c2', type: 'level', text: l('Digitala ombud?', 'Digital champions?'), levels, scored: true },
      ],
    },
    {
      key: 'stod',
      area: 'support',
      title: l('Stödbehov', 'Support needs'),
      questions: [
        {
          key: 'behov-upphandling',
          type: 'level',
          text: l('Behov av upphandlingsstöd?', 'Need for procurement support?'),
          levels,
          scored: false,
        },
        {
          key: 'behov-natverk',
          type: 'level',
          text: l('Behov av nätverk?', 'Need for networks?'),
          levels,
          scored: false,
        },
        {
          key: 'behov-medel',
          type: 'level',
          text: l('Behov av medel?', 'Need for funds?'),
          levels,
          scored: false,
        },
        {
          key: 'rangordning',
          type: 'ranking',
          text: l('Rangordna', 'Rank'),
          options: [
            { key: 'upphandling', label: l('Upphandlingsstöd', 'Procurement support') },
            { key: 'natverk', label: l('Nätverk', 'Networks') },
            { key: 'medel', label: l('Stimulansmedel', 'Stimulus funds') },
          ],
          scored: false,
        },
        { key: 'onskemal', type: 'text', text: l('Önskemål?', 'Wishes?'), scored: false },
      ],
    },
  ],
};

export const orgIdByCode = async (db: Db, code: string) =>
  (
    await queryRows<{ id: string }>(
      db,
      sql`select id from organisations where kind = 'municipality' and code = ${code}`,
    )
  )[0]!.id;
export const orgIdByName = async (db: Db, name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;
export const nationId = async (db: Db) =>
  (await queryRows<{ id: string }>(db, sql`select id from organisations where kind = 'nation'`))[0]!.id;

/** A template with versions (v1, optionally v2 renaming keys through carries_over); returns version ids. */
export async function createTemplate(
  db: Db,
  versions: { content: TemplateContent; carriesOver?: Record<string, string> }[],
) {
  const templateId = randomUUID();
  await db.execute(
    sql`insert into assessment_templates (id, key, owner_organisation_id)
        values (${templateId}, ${`resultat-${templateId.slice(0, 8)}`}, ${await nationId(db)})`,
  );
  const ids: string[] = [];
  for (const [i, v] of versions.entries()) {
    const id = randomUUID();
    await db.execute(
      sql`insert into assessment_template_versions (id, template_id, version, content, carries_over)
          values (${id}, ${templateId}, ${i + 1}, ${JSON.stringify(v.content)}::jsonb,
                  ${JSON.stringify(v.carriesOver ?? {})}::jsonb)`,
    );
    ids.push(id);
  }
  return ids;
}

export interface SheetInput {
  code: string;
  status?: 'open' | 'submitted' | 'reopened';
  answers: Record<string, { value: AnswerValue; comment?: string; evidenceUrl?: string }>;
}

/** A round with a sheet and answers per municipality, written straight to the tables. */
export async function createRound(
  db: Db,
  opts: {
    versionId: string;
    ownerId: string;
    name: string;
    opensOn: string;
    /** The 28th of the opening month unless given. */
    closesOn?: string;
    shareResults?: boolean;
    sheets: SheetInput[];
  },
) {
  const roundId = randomUUID();
  await db.execute(
    sql`insert into assessment_rounds (id, name, template_version_id, owner_organisation_id, opens_on, closes_on, share_results)
        values (${roundId}, ${opts.name}, ${opts.versionId}, ${opts.ownerId}, ${opts.opensOn}, ${opts.closesOn ?? opts.opensOn.replace(/-\d\d$/, '-28')},
                ${opts.shareResults ?? false})`,
  );
  for (const s of opts.sheets) {
    const municipalityId = await orgIdByCode(db, s.code);
    await db.execute(
      sql`insert into assessment_sheets (round_id, municipality_id, status) values (${roundId}, ${municipalityId}, ${s.status ?? 'submitted'})`,
    );
    for (const [key, a] of Object.entries(s.answers))
      await db.execute(
        sql`insert into assessment_answers (round_id, municipality_id, question_key, value, comment, evidence_url)
            values (${roundId}, ${municipalityId}, ${key}, ${JSON.stringify(a.value)}::jsonb, ${a.comment ?? null}, ${a.evidenceUrl ?? null})`,
      );
  }
  return roundId;
}

/** A full sheet from compact numbers: g1 level, g2 status, c1, c2 levels, ranking order and a wish. */
export function sheet(
  code: string,
  g1: number,
  g2: string,
  c1: number,
  c2: number,
  order: string[],
  wish?: string,
  comment?: string,
): SheetInput {
  const answers: SheetInput['answers'] = {
    g1: {
      value: { level: g1 },
      comment,
      evidenceUrl: comment ? 'https://example.org/strategi.pdf' : undefined,
    },
    g2: { value: { status: g2 } },
    c1: { value: { level: c1 } },
    c2: { value: { level: c2 } },
    'behov-upphandling': { value: { level: 5 } },
    'behov-natverk': { value: { level: 3 } },
    'behov-medel': { value: { level: 4 } },
    rangordning: { value: { order } },
  };
  if (wish) answers.onskemal = { value: { text: wish } };
  return { code, answers };
}
