import { defaultTemplateContent } from '../../src/server/db/reference/assessment-template.ts';
import type { AnswerValue } from '../../src/shared/contracts/assessments.ts';
import { statusValues } from '../../src/shared/contracts/assessments.ts';
import { registerGeneratorPart } from './registry.ts';

/** The bench template has its own key so it never collides with the reference template from bootstrap. */
const BENCH_TEMPLATE_KEY = 'bench-forutsattningar';
const YEARS = [2024, 2025, 2026] as const;

const roundColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'template_version_id', type: 'uuid' },
  { name: 'owner_organisation_id', type: 'uuid' },
  { name: 'opens_on', type: 'date' },
  { name: 'closes_on', type: 'date' },
  { name: 'share_results', type: 'bool' },
] as const;
const sheetColumns = [
  { name: 'round_id', type: 'uuid' },
  { name: 'municipality_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'submitted_at', type: 'timestamptz' },
] as const;
const answerColumns = [
  { name: 'round_id', type: 'uuid' },
  { name: 'municipality_id', type: 'uuid' },
  { name: 'question_key', type: 'text' },
  { name: 'value', type: 'jsonb' },
  { name: 'comment', type: 'text' },
] as const;

const COMMENTS = [
  'Arbetet pågår i förvaltningen men är inte förankrat politiskt.',
  'Vi saknar resurser för att driva frågan i år.',
  'Goda erfarenheter från piloten i hemtjänsten.',
  'Behöver stöd från regionen i upphandlingen.',
];

registerGeneratorPart({
  name: 'assessments',
  description:
    'An assessment template and three rounds (2024–2026) per region plus a national 2025 round, every in-scope municipality answering all questions',
  after: ['people'],
  async run(ctx) {
    const rng = ctx.random('assessments');
    const { municipalities, regions, nation } = ctx.reference;
    const content = defaultTemplateContent;
    const templateId = rng.uuid();
    const versionId = rng.uuid();
    await ctx.query('insert into assessment_templates (id, key, owner_organisation_id) values ($1, $2, $3)', [
      templateId,
      BENCH_TEMPLATE_KEY,
      nation.id,
    ]);
    await ctx.query(
      'insert into assessment_template_versions (id, template_id, version, content) values ($1, $2, 1, $3::jsonb)',
      [versionId, templateId, JSON.stringify(content)],
    );
    const questions = content.sections.flatMap((s) => s.questions);
    // Each municipality has a "maturity" that drifts upward over the years, so trends are visible.
    const maturity = new Map(municipalities.map((m) => [m.id, rng.int(1, 4)]));
    const answerOf = (q: (typeof questions)[number], base: number): AnswerValue | null => {
      switch (q.type) {
        case 'level':
          return { level: Math.max(1, Math.min(5, base + rng.int(-1, 1))) };
        case 'status':
          return { status: rng.pick(statusValues) };
        case 'ranking': {
          const keys = (q.options ?? []).map((o) => o.key);
          for (let i = keys.length - 1; i > 0; i--) {
            const j = rng.int(0, i);
            [keys[i], keys[j]] = [keys[j]!, keys[i]!];
          }
          return { order: keys };
        }
        case 'text':
          return rng.chance(0.4) ? { text: 'Mer stöd i upphandling och gemensamma avtal.' } : null;
        case 'single':
          return q.options ? { option: rng.pick(q.options).key } : null;
        case 'multiple':
          return q.options ? { options: [rng.pick(q.options).key] } : null;
        case 'number':
          return { number: rng.int(q.min ?? 0, q.max ?? 100) };
      }
    };

    const rounds: unknown[][] = [];
    const sheets: unknown[][] = [];
    let answers: unknown[][] = [];
    let answerCount = 0;
    const addRound = async (ownerId: string, name: string, year: number, members: typeof municipalities) => {
      const id = rng.uuid();
      rounds.push([id, name, versionId, ownerId, `${year}-03-01`, `${year}-05-31`, false]);
      for (const m of members) {
        const open = year === 2026 && rng.chance(0.3);
        sheets.push([id, m.id, open ? 'open' : 'submitted', open ? null : `${year}-05-15T10:00:00Z`]);
        const base = Math.min(5, (maturity.get(m.id) ?? 2) + YEARS.indexOf(year as (typeof YEARS)[number]));
        for (const q of questions) {
          const value = answerOf(q, base);
          if (!value) continue;
          answers.push([id, m.id, q.key, JSON.stringify(value), rng.chance(0.2) ? rng.pick(COMMENTS) : null]);
        }
        if (answers.length > 20_000) {
          answerCount += answers.length;
          await flush();
        }
      }
    };
    // Rounds and sheets go in before their answers (foreign keys), so flush them together.
    const flush = async () => {
      await ctx.insert('assessment_rounds', roundColumns, rounds.splice(0));
      await ctx.insert('assessment_sheets', sheetColumns, sheets.splice(0));
      await ctx.insert('assessment_answers', answerColumns, answers);
      answers = [];
    };
    for (const region of regions) {
      const members = municipalities.filter((m) => m.parentId === region.id);
      for (const year of YEARS) await addRound(region.id, `${region.name} ${year}`, year, members);
    }
    await addRound(nation.id, 'Nationell bedömning 2025', 2025, municipalities);
    answerCount += answers.length;
    await flush();
    ctx.log(`    ${regions.length * YEARS.length + 1} rounds, ${answerCount.toLocaleString('en')} answers`);
  },
});
