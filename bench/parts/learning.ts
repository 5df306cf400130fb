import { isoDuration, lessonActivity, quizActivity } from '../../src/shared/learning/activity.ts';
import type { Random } from '../lib/random.ts';
import { registerGeneratorPart } from './registry.ts';

/** ADL verb IRIs (as in src/shared/contracts/learning.ts `verbs`). */
const VERB = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
} as const;

/** Copies of the two starter courses, so the catalogue has about 20 courses at every scale. */
const COURSE_COPIES = 18;
/** Participants of each region programme: the size of Akademi Norr's first cohort. */
const REGION_PROGRAMME_PARTICIPANTS = 460;
/**
 * Statements to generate at each scale. BENCH_LEARNING_STATEMENTS overrides it (e.g. to fit a time
 * budget). When the budget is smaller than the natural history of every enrolment, the first
 * enrolments (in generation order) get their full history and the rest keep their items and counters
 * without statements.
 */
const STATEMENT_TARGET: Record<string, number> = { national: 10_000_000, region: 520_000, small: 400 };

const courseColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'key', type: 'text' },
  { name: 'track', type: 'text' },
  { name: 'owner_organisation_id', type: 'uuid' },
  { name: 'visibility', type: 'text' },
  { name: 'draft', type: 'jsonb' },
  { name: 'published_version', type: 'int4' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
] as const;
const versionColumns = [
  { name: 'course_id', type: 'uuid' },
  { name: 'version', type: 'int4' },
  { name: 'content', type: 'jsonb' },
  { name: 'published_at', type: 'timestamptz' },
] as const;
const programmeColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'owner_organisation_id', type: 'uuid' },
  { name: 'starts_on', type: 'date' },
  { name: 'ends_on', type: 'date' },
  { name: 'target_participants', type: 'int4' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
] as const;
const programmeMunicipalityColumns = [
  { name: 'programme_id', type: 'uuid' },
  { name: 'municipality_id', type: 'uuid' },
] as const;
const programmeCourseColumns = [
  { name: 'programme_id', type: 'uuid' },
  { name: 'course_id', type: 'uuid' },
  { name: 'track', type: 'text' },
] as const;
const enrolmentColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'user_id', type: 'uuid' },
  { name: 'course_id', type: 'uuid' },
  { name: 'programme_id', type: 'uuid' },
  { name: 'organisation_id', type: 'uuid' },
  { name: 'enrolled_at', type: 'timestamptz' },
  { name: 'started_at', type: 'timestamptz' },
  { name: 'last_activity_at', type: 'timestamptz' },
  { name: 'completed_at', type: 'timestamptz' },
  { name: 'items_completed', type: 'int4' },
  { name: 'seconds_spent', type: 'int4' },
] as const;
const itemColumns = [
  { name: 'enrolment_id', type: 'uuid' },
  { name: 'item', type: 'text' },
  { name: 'completed_at', type: 'timestamptz' },
  { name: 'score', type: 'int2' },
] as const;
const statementColumns = [
  { name: 'id', type: 'uuid' },
  { name: 'user_id', type: 'uuid' },
  { name: 'verb', type: 'text' },
  { name: 'object_id', type: 'text' },
  { name: 'course_id', type: 'uuid' },
  { name: 'enrolment_id', type: 'uuid' },
  { name: 'result', type: 'jsonb' },
  { name: 'context', type: 'jsonb' },
  { name: 'timestamp', type: 'timestamptz' },
  { name: 'stored', type: 'timestamptz' },
] as const;

interface CourseShape {
  id: string;
  key: string;
  track: string;
  modules: { key: string; lessons: string[]; questions: number; passMark: number }[];
}

declare module './registry.ts' {
  interface GeneratedState {
    /** Staff course ids by key, and the national programme (for later parts). */
    learning?: { nationalProgrammeId: string; staffCourseId: string };
  }
}

/** Rows are flushed to the database in chunks of this size, so 10 million statements never sit in memory. */
const FLUSH = 20_000;
const DAY_MS = 24 * 3600_000;

registerGeneratorPart({
  name: 'learning',
  description:
    '~20 published courses, a national programme and one per region, an enrolment per staff member with items, counters and xAPI statements',
  after: ['people'],
  async run(ctx) {
    const rng = ctx.random('learning');
    const epochMs = ctx.epoch.getTime();
    const nationId = ctx.reference.nation.id;

    // 1. Courses: the two starter courses (loaded by bootstrap) and copies of them, version 1 published.
    const starters = await ctx.query<{
      id: string;
      key: string;
      track: string;
      draft: unknown;
      content: Record<string, unknown>;
    }>(
      `select c.id, c.key, c.track, c.draft, v.content from courses c
       join course_versions v on v.course_id = c.id and v.version = c.published_version order by c.key desc`,
    );
    if (starters.length < 2) throw new Error('learning: the starter courses are missing');
    const courseRows: unknown[][] = [];
    const versionRows: unknown[][] = [];
    const shapes: CourseShape[] = [];
    const shapeOf = (id: string, key: string, track: string, content: Record<string, unknown>) => {
      const modules = (
        content.modules as {
          key: string;
          lessons: { key: string }[];
          quiz: { passMark: number; questions: unknown[] };
        }[]
      ).map((m) => ({
        key: m.key,
        lessons: m.lessons.map((l) => l.key),
        questions: m.quiz.questions.length,
        passMark: m.quiz.passMark,
      }));
      return { id, key, track, modules };
    };
    for (const s of starters) shapes.push(shapeOf(s.id, s.key, s.track, s.content));
    const created = new Date(epochMs - 400 * DAY_MS);
    for (let i = 0; i < COURSE_COPIES; i++) {
      const s = starters[i % starters.length]!;
      const key = `${s.key}-${String(i + 1).padStart(2, '0')}`;
      const id = rng.uuid();
      const content = { ...s.content, key };
      const draft = { ...(s.draft as Record<string, unknown>), key };
      courseRows.push([id, key, s.track, nationId, 'national', JSON.stringify(draft), 1, created, created]);
      versionRows.push([id, 1, JSON.stringify(content), created]);
      shapes.push(shapeOf(id, key, s.track, content));
    }
    await ctx.insert('courses', courseColumns, courseRows);
    await ctx.insert('course_versions', versionColumns, versionRows);
    const staffCourse = shapes.find((c) => c.key === 'valfardsteknik-i-vardagen') ?? shapes[0]!;
    const staffCopies = shapes.filter((c) => c.track === 'staff' && c.id !== staffCourse.id);

    // 2. Programmes: one national (every municipality, the staff course) and one per region.
    const programmes: unknown[][] = [];
    const programmeMunicipalities: unknown[][] = [];
    const programmeCourses: unknown[][] = [];
    const nationalProgrammeId = rng.uuid();
    programmes.push([
      nationalProgrammeId,
      'Välfärdsteknik i vardagen — nationell satsning',
      nationId,
      '2024-09-01',
      '2026-06-30',
      ctx.scale.staff,
      created,
      created,
    ]);
    for (const m of ctx.reference.municipalities) programmeMunicipalities.push([nationalProgrammeId, m.id]);
    programmeCourses.push([nationalProgrammeId, staffCourse.id, 'staff']);
    const regionProgrammes = ctx.reference.regions.map((r, i) => {
      const id = rng.uuid();
      const course = staffCopies[i % staffCopies.length] ?? staffCourse;
      programmes.push([
        id,
        `Kompetenslyft ${r.name}`,
        r.id,
        '2025-01-01',
        '2026-12-31',
        REGION_PROGRAMME_PARTICIPANTS,
        created,
        created,
      ]);
      const ms = ctx.reference.municipalities.filter((m) => m.parentId === r.id);
      for (const m of ms) programmeMunicipalities.push([id, m.id]);
      programmeCourses.push([id, course.id, 'staff']);
      return { id, region: r, course, municipalityIds: new Set(ms.map((m) => m.id)) };
    });
    await ctx.insert('programmes', programmeColumns, programmes);
    await ctx.insert('programme_municipalities', programmeMunicipalityColumns, programmeMunicipalities);
    await ctx.insert('programme_courses', programmeCourseColumns, programmeCourses);

    // 3. Learners: every staff member (one membership row per person: the first unit).
    const staff = await ctx.query<{ user_id: string; organisation_id: string; municipality_id: string }>(
      `select distinct on (m.user_id) m.user_id, m.organisation_id, o.parent_id as municipality_id
       from memberships m join organisations o on o.id = m.organisation_id
       where m.role = 'staff' and o.kind = 'unit' order by m.user_id, m.created_at, m.id`,
    );
    // Deterministic order whatever the planner does: by user id.
    staff.sort((a, b) => (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));

    const learners: { userId: string; orgId: string; course: CourseShape; programmeId: string }[] = [];
    for (const s of staff)
      learners.push({
        userId: s.user_id,
        orgId: s.organisation_id,
        course: staffCourse,
        programmeId: nationalProgrammeId,
      });
    for (const p of regionProgrammes) {
      const pool = staff.filter((s) => p.municipalityIds.has(s.municipality_id));
      const n = Math.min(pool.length, REGION_PROGRAMME_PARTICIPANTS);
      // A deterministic sample: a random start and a stride through the pool.
      const stride = Math.max(1, Math.floor(pool.length / Math.max(1, n)));
      const start = rng.int(0, Math.max(0, pool.length - n * stride));
      for (let k = 0; k < n; k++) {
        const s = pool[start + k * stride]!;
        learners.push({ userId: s.user_id, orgId: s.organisation_id, course: p.course, programmeId: p.id });
      }
    }

    // 4. Enrolments, items and statements, in chunks. Progress spread: 25 % not started, 40 % part way,
    // 35 % completed; naturally about 43 statements for a completed staff course.
    const statementTarget = Number(
      process.env.BENCH_LEARNING_STATEMENTS ?? STATEMENT_TARGET[ctx.scale.name] ?? 0,
    );
    let statementBudget = statementTarget;
    let enrolmentRows: unknown[][] = [];
    let itemRows: unknown[][] = [];
    let statementRows: unknown[][] = [];
    let statements = 0;
    let enrolmentsWithHistory = 0;
    let statementSeconds = 0;
    const flush = async (force: boolean) => {
      if (force || enrolmentRows.length >= FLUSH) {
        await ctx.insert('enrolments', enrolmentColumns, enrolmentRows);
        enrolmentRows = [];
      }
      if (force || itemRows.length >= FLUSH) {
        await ctx.insert('enrolment_items', itemColumns, itemRows);
        itemRows = [];
      }
      if (force || statementRows.length >= FLUSH) {
        const t = performance.now();
        statements += await ctx.insert('learning_statements', statementColumns, statementRows);
        statementSeconds += (performance.now() - t) / 1000;
        statementRows = [];
      }
    };

    for (const l of learners) {
      // Enrolments must exist before their items and statements: flush them first when they pile up.
      const e = enrolLearner(rng, l, epochMs, statementBudget > 0);
      enrolmentRows.push(e.enrolment);
      for (const it of e.items) itemRows.push(it);
      if (e.statements.length) {
        enrolmentsWithHistory++;
        statementBudget -= e.statements.length;
        for (const s of e.statements) statementRows.push(s);
      }
      if (itemRows.length >= FLUSH || statementRows.length >= FLUSH || enrolmentRows.length >= FLUSH) {
        await ctx.insert('enrolments', enrolmentColumns, enrolmentRows);
        enrolmentRows = [];
        await flush(false);
      }
    }
    await flush(true);

    ctx.state.learning = { nationalProgrammeId, staffCourseId: staffCourse.id };
    ctx.log(
      `  learning: ${shapes.length} courses, ${programmes.length} programmes, ${learners.length.toLocaleString('en')} enrolments, ` +
        `${statements.toLocaleString('en')} statements (target ${statementTarget.toLocaleString('en')}; ` +
        `${enrolmentsWithHistory.toLocaleString('en')} enrolments with history) in ${statementSeconds.toFixed(1)} s ` +
        `(${Math.round(statements / Math.max(statementSeconds, 0.001)).toLocaleString('en')} statements/s)`,
    );
  },
});

/** One enrolment with a realistic amount of progress, its items, consistent counters and (optionally) statements. */
function enrolLearner(
  r: Random,
  l: { userId: string; orgId: string; course: CourseShape; programmeId: string },
  epochMs: number,
  withStatements: boolean,
): { enrolment: unknown[]; items: unknown[][]; statements: unknown[][] } {
  const id = r.uuid();
  const enrolledAt = epochMs - r.int(30, 270) * DAY_MS;
  // Items in course order: each module's lessons, then its quiz.
  const order: { module: CourseShape['modules'][number]; lesson: string | null }[] = [];
  for (const m of l.course.modules) {
    for (const lesson of m.lessons) order.push({ module: m, lesson });
    order.push({ module: m, lesson: null });
  }
  const u = r.next();
  const done = u < 0.25 ? 0 : u < 0.65 ? r.int(1, order.length - 1) : order.length;
  const items: unknown[][] = [];
  const statements: unknown[][] = [];
  let t = enrolledAt + r.int(0, 14) * DAY_MS + r.int(6, 20) * 3600_000;
  let seconds = 0;
  let startedAt: number | null = null;
  const registration = JSON.stringify({ registration: id, language: 'sv' });
  const stmt = (verb: string, object: string, result: unknown, at: number) =>
    statements.push([
      r.uuid(),
      l.userId,
      verb,
      object,
      l.course.id,
      id,
      result === null ? null : JSON.stringify(result),
      registration,
      new Date(at),
      new Date(at + r.int(1, 3600) * 1000),
    ]);
  for (let i = 0; i < done; i++) {
    const { module: m, lesson } = order[i]!;
    // A few lessons in a sitting, then a pause of a day to a couple of weeks.
    if (r.chance(0.3)) t += r.int(1, 14) * DAY_MS;
    startedAt ??= t;
    if (lesson) {
      const spent = r.int(90, 480);
      seconds += spent;
      if (withStatements) {
        stmt(VERB.experienced, lessonActivity(l.course.key, m.key, lesson), null, t);
        stmt(
          VERB.completed,
          lessonActivity(l.course.key, m.key, lesson),
          { completion: true, duration: isoDuration(spent) },
          t + spent * 1000,
        );
      }
      t += spent * 1000;
      items.push([id, `lesson:${m.key}/${lesson}`, new Date(t), null]);
    } else {
      const quiz = quizActivity(l.course.key, m.key);
      // Some fail first and retake.
      const attempts = r.chance(0.15) ? 2 : 1;
      let score = 0;
      for (let a = 0; a < attempts; a++) {
        const last = a === attempts - 1;
        score = last ? Math.max(m.passMark, 0.6 + r.next() * 0.4) : m.passMark * r.next() * 0.9;
        const spent = r.int(60, 240);
        seconds += spent;
        if (withStatements) {
          for (let q = 0; q < m.questions; q++)
            stmt(
              VERB.answered,
              quiz,
              { success: r.chance(score), response: String(r.int(0, 3)) },
              t + q * 20_000,
            );
          stmt(
            last ? VERB.passed : VERB.failed,
            quiz,
            { score: { scaled: Math.round(score * 100) / 100 }, success: last, duration: isoDuration(spent) },
            t + spent * 1000,
          );
        }
        t += spent * 1000;
      }
      items.push([id, `quiz:${m.key}`, new Date(t), Math.round(Math.round(score * 100))]);
    }
    if (t > epochMs) t = epochMs - r.int(1, 3600) * 1000;
  }
  const completedAt = done === order.length ? new Date(t) : null;
  const enrolment = [
    id,
    l.userId,
    l.course.id,
    l.programmeId,
    l.orgId,
    new Date(enrolledAt),
    startedAt === null ? null : new Date(startedAt),
    done ? new Date(t) : null,
    completedAt,
    done,
    seconds,
  ];
  return { enrolment, items, statements };
}
