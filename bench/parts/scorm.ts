import { createHash } from 'node:crypto';
import { toImportedContent } from '../../src/server/features/course-packages/package-to-course.ts';
import { unitItem } from '../../src/server/features/learning/course-content.ts';
import { parseScormManifest } from '../../src/server/features/scorm/scorm-manifest.ts';
import { ImportedCourseContent } from '../../src/shared/contracts/imported-course.ts';
import type { FlatCmi } from '../../src/shared/contracts/scorm-runtime.ts';
import type { Random } from '../lib/random.ts';
import { registerGeneratorPart } from './registry.ts';

/** The imported SCORM 2004 course the `scorm-commit` scenario plays (its key finds it again). */
export const BENCH_SCORM_COURSE_KEY = 'bench-scorm-larmhantering';

/** Share of active staff enrolled on it: a course bought nationally but not yet taken by everyone. */
const ENROLLED_SHARE: Record<string, number> = { national: 0.1, region: 0.25, small: 1 };
const DAY_MS = 24 * 3600_000;

const CP = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const ADLCP = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const IMSSS = 'http://www.imsglobal.org/xsd/imsss';
const SCOS = [
  ['LARM1', 'Larmkedjan', 'larmkedjan'],
  ['LARM2', 'Trygghetslarm i hemmet', 'hemmet'],
  ['LARM3', 'Kvittera och åtgärda', 'kvittera'],
  ['LARM4', 'Kunskapstest', 'test'],
] as const;

/** What an authoring tool exports for a four-SCO SCORM 2004 4th edition course. */
const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="se.bench.larmhantering" version="1" xmlns="${CP}" xmlns:adlcp="${ADLCP}" xmlns:imsss="${IMSSS}">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG"><title>Larmhantering i hemtjänsten</title>
${SCOS.map(
  ([id, title], i) =>
    `      <item identifier="${id}" identifierref="RES_${id}"><title>${title}</title>${
      i === SCOS.length - 1
        ? `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="test" satisfiedByMeasure="true">
          <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>`
        : '<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.9"/>'
    }</item>`,
).join('\n')}
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources>
${SCOS.map(
  ([id, , dir]) =>
    `    <resource identifier="RES_${id}" type="webcontent" adlcp:scormType="sco" href="${dir}/index.html"/>`,
).join('\n')}
  </resources>
</manifest>`;

/**
 * The run-time data a SCORM 2004 SCO commits part way through: location and suspend data (a
 * Storyline-sized resume string), progress, session time and the interactions answered so far.
 */
export function scormRuntimeData(r: Random, step: number): FlatCmi {
  const cmi: FlatCmi = {
    'cmi.completion_status': 'incomplete',
    'cmi.success_status': 'unknown',
    'cmi.exit': 'suspend',
    'cmi.location': `slide-${step % 40}`,
    'cmi.progress_measure': Math.min(0.85, (step % 40) / 45).toFixed(2),
    'cmi.session_time': `PT${r.int(1, 20)}M${r.int(0, 59)}S`,
    'cmi.suspend_data': suspendData(r, 1_800),
    'cmi.score.min': 0,
    'cmi.score.max': 100,
  };
  const answered = Math.min(12, 1 + (step % 13));
  for (let i = 0; i < answered; i++) {
    const p = `cmi.interactions.${i}`;
    cmi[`${p}.id`] = `fraga-${i + 1}`;
    cmi[`${p}.type`] = 'choice';
    cmi[`${p}.timestamp`] = '2025-05-20T09:15:00Z';
    cmi[`${p}.learner_response`] = String.fromCharCode(97 + r.int(0, 3));
    cmi[`${p}.result`] = r.chance(0.8) ? 'correct' : 'incorrect';
    cmi[`${p}.latency`] = `PT${r.int(5, 90)}S`;
  }
  cmi['cmi.objectives.0.id'] = 'larmkedjan';
  cmi['cmi.objectives.0.completion_status'] = 'incomplete';
  return cmi;
}

const SUSPEND_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~';
function suspendData(r: Random, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += SUSPEND_ALPHABET[r.int(0, SUSPEND_ALPHABET.length - 1)];
  return s;
}

const uuid = 'uuid';
const courseColumns = [
  { name: 'id', type: uuid },
  { name: 'key', type: 'text' },
  { name: 'track', type: 'text' },
  { name: 'owner_organisation_id', type: uuid },
  { name: 'visibility', type: 'text' },
  { name: 'draft', type: 'jsonb' },
  { name: 'published_version', type: 'int4' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
] as const;
const versionColumns = [
  { name: 'course_id', type: uuid },
  { name: 'version', type: 'int4' },
  { name: 'content', type: 'jsonb' },
  { name: 'published_at', type: 'timestamptz' },
] as const;
const packageColumns = [
  { name: 'id', type: uuid },
  { name: 'course_id', type: uuid },
  { name: 'kind', type: 'text' },
  { name: 'manifest', type: 'jsonb' },
  { name: 'sha256', type: 'text' },
  { name: 'file_count', type: 'int4' },
  { name: 'unpacked_bytes', type: 'int8' },
  { name: 'uploaded_at', type: 'timestamptz' },
] as const;
const enrolmentColumns = [
  { name: 'id', type: uuid },
  { name: 'user_id', type: uuid },
  { name: 'course_id', type: uuid },
  { name: 'organisation_id', type: uuid },
  { name: 'enrolled_at', type: 'timestamptz' },
  { name: 'started_at', type: 'timestamptz' },
  { name: 'last_activity_at', type: 'timestamptz' },
  { name: 'items_completed', type: 'int4' },
  { name: 'seconds_spent', type: 'int4' },
] as const;
const itemColumns = [
  { name: 'enrolment_id', type: uuid },
  { name: 'item', type: 'text' },
  { name: 'completed_at', type: 'timestamptz' },
] as const;
const attemptColumns = [
  { name: 'id', type: uuid },
  { name: 'enrolment_id', type: uuid },
  { name: 'user_id', type: uuid },
  { name: 'module_key', type: 'text' },
  { name: 'sco_identifier', type: 'text' },
  { name: 'attempt', type: 'int4' },
  { name: 'cmi', type: 'jsonb' },
  { name: 'completion', type: 'text' },
  { name: 'success', type: 'text' },
  { name: 'total_seconds', type: 'int4' },
  { name: 'commit_seq', type: 'int4' },
  { name: 'started_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
] as const;

registerGeneratorPart({
  name: 'scorm',
  description:
    'An imported SCORM 2004 course of four SCOs, enrolments for a share of active staff and their attempts in progress',
  after: ['people'],
  async run(ctx) {
    const rng = ctx.random('scorm');
    const epochMs = ctx.epoch.getTime();
    const created = new Date(epochMs - 120 * DAY_MS);

    // The course as the import makes it: the manifest read by the importer, its content checked.
    const manifest = parseScormManifest(MANIFEST, {});
    const courseId = rng.uuid();
    const packageId = rng.uuid();
    const content = ImportedCourseContent.parse(
      toImportedContent(
        { kind: 'scorm2004', manifest },
        { packageId, key: BENCH_SCORM_COURSE_KEY, track: 'staff' },
      ),
    );
    const json = JSON.stringify(content);
    await ctx.insert('courses', courseColumns, [
      [courseId, content.key, 'staff', ctx.reference.nation.id, 'national', json, 1, created, created],
    ]);
    await ctx.insert('course_versions', versionColumns, [[courseId, 1, json, created]]);
    // The bench plays no content, only its run-time data: the package row carries the manifest alone.
    await ctx.insert('course_packages', packageColumns, [
      [
        packageId,
        courseId,
        'scorm2004',
        JSON.stringify(manifest),
        createHash('sha256').update(MANIFEST).digest('hex'),
        0,
        0,
        created,
      ],
    ]);

    // Learners: a deterministic share of the active staff, each with one unit as in the learning part.
    const staff = await ctx.query<{ user_id: string; organisation_id: string }>(
      `select distinct on (m.user_id) m.user_id, m.organisation_id
       from memberships m join organisations o on o.id = m.organisation_id join users u on u.id = m.user_id
       where m.role = 'staff' and o.kind = 'unit' and u.status = 'active'
       order by m.user_id, m.created_at, m.id`,
    );
    staff.sort((a, b) => (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));
    const share = ENROLLED_SHARE[ctx.scale.name] ?? 1;
    const stride = Math.max(1, Math.round(1 / share));
    const enrolments: unknown[][] = [];
    const attempts: unknown[][] = [];
    const items: unknown[][] = [];
    for (let i = 0; i < staff.length; i += stride) {
      const s = staff[i]!;
      const id = rng.uuid();
      const enrolledAt = epochMs - rng.int(10, 100) * DAY_MS;
      // Two in three have started: finished SCOs before the one they are in, which is suspended.
      const started = rng.chance(2 / 3);
      const reached = started ? rng.int(0, SCOS.length - 1) : -1;
      let seconds = 0;
      let at = enrolledAt + rng.int(1, 5) * DAY_MS;
      for (let k = 0; k <= reached; k++) {
        const module = content.modules[k]!;
        const spent = rng.int(300, 1_500);
        seconds += spent;
        at += spent * 1000;
        const inProgress = k === reached;
        if (!inProgress) items.push([id, unitItem(module.key), new Date(at)]);
        attempts.push([
          rng.uuid(),
          id,
          s.user_id,
          module.key,
          module.identifier,
          1,
          JSON.stringify(
            inProgress
              ? scormRuntimeData(rng, rng.int(1, 30))
              : { 'cmi.completion_status': 'completed', 'cmi.progress_measure': '1', 'cmi.exit': 'normal' },
          ),
          inProgress ? 'incomplete' : 'completed',
          'unknown',
          spent,
          rng.int(2, 40),
          new Date(at - spent * 1000),
          new Date(at),
        ]);
      }
      enrolments.push([
        id,
        s.user_id,
        courseId,
        s.organisation_id,
        new Date(enrolledAt),
        reached >= 0 ? new Date(enrolledAt + DAY_MS) : null,
        reached >= 0 ? new Date(at) : null,
        Math.max(0, reached),
        seconds,
      ]);
    }
    await ctx.insert('enrolments', enrolmentColumns, enrolments);
    await ctx.insert('enrolment_items', itemColumns, items);
    await ctx.insert('scorm_attempts', attemptColumns, attempts);
    ctx.log(
      `  scorm: 1 course of ${content.modules.length} SCOs, ${enrolments.length.toLocaleString('en')} enrolments, ` +
        `${attempts.length.toLocaleString('en')} attempts`,
    );
  },
});
