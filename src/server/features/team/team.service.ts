import {
  type Actor,
  authorize,
  type PlacementRole,
  placementRoles,
  roleRank,
  scopeFor,
} from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  TeamEnrolment,
  TeamMember,
  TeamQuery,
  TeamReminderResult,
  TeamStatus,
  TeamView,
} from '../../../shared/contracts/team.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { pick, requiredItems } from '../learning/course-content.ts';
import * as courseRepo from '../learning/courses.repo.ts';
import type { Mailer } from '../mail/mailer.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { orgContexts, placementsOf } from '../programmes/programmes.repo.ts';
import { learningReminderMail } from './reminder-mail.ts';
import * as repo from './team.repo.ts';

/** The role a person is shown with: the highest of their placements (a manager who also works shifts). */
const highestPlacement = (roles: PlacementRole[]) =>
  [...roles].sort((a, b) => roleRank[b] - roleRank[a])[0] ?? placementRoles[0];

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const DAY_MS = 24 * 3600 * 1000;

/**
 * The units a team page covers: the one asked for (where the actor may see learning progress), or
 * else every unit where the actor holds `learning.report` and the units of municipalities where they
 * do. Regional and national roles name a unit: their "team" would be a whole country.
 */
export async function teamUnits(db: Db, actor: Actor, unitId: string | undefined) {
  if (unitId) {
    const ctx = await requireOrgContext(db, unitId);
    if (!authorize(actor, 'learning.report', ctx)) {
      if (!authorize(actor, 'organisation.read', ctx)) throw notFound();
      throw forbidden();
    }
    if (ctx.kind !== 'unit') {
      throw new AppError(400, 'validation_failed', [{ path: 'querystring.unitId', code: 'not_a_unit' }]);
    }
    return repo.unitsUnder(db, [unitId]).then((u) => u.filter((x) => x.id === unitId));
  }
  const scope = scopeFor(actor, 'learning.report');
  if (scope.memberships.length === 0) throw forbidden();
  const near = scope.memberships
    .filter((m) => m.organisationKind === 'unit' || m.organisationKind === 'municipality')
    .map((m) => m.organisationId);
  return (await repo.unitsUnder(db, near)).sort((a, b) => swedishCollator.compare(a.name, b.name));
}

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = Number(text);
  if (!/^\d{1,9}$/.test(text) || !Number.isSafeInteger(n)) {
    throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
  }
  return n;
}

function enrolmentStatus(e: repo.EnrolmentRow): TeamStatus {
  if (e.completed_at) return 'done';
  if (e.programme_ended) return 'overdue';
  return e.started_at ? 'in_progress' : 'not_started';
}

/** Course titles and required item counts, each course read once. */
async function courseInfo(db: Db, courseIds: string[], lang: string) {
  const found = await courseRepo.findPublishedCoursesByIds(db, [...new Set(courseIds)]);
  const info = new Map<string, { title: string; required: number }>();
  for (const id of new Set(courseIds)) {
    const c = found.get(id);
    info.set(id, {
      title: c ? pick(c.content.title, lang).text : '',
      required: c ? requiredItems(c.content).length : 1,
    });
  }
  return info;
}

/** One page of the team: people in my units, their status, progress, certificates and reminders. */
export async function teamView(
  db: Db,
  actor: Actor,
  query: Omit<TeamQuery, 'limit' | 'cursor'> & { limit: number | null; cursor?: string | undefined },
  lang: string,
): Promise<TeamView> {
  const units = await teamUnits(db, actor, query.unitId);
  const unitIds = units.map((u) => u.id);
  const offset = decodeOffset(query.cursor);
  const filter: repo.TeamFilter = {
    unitIds,
    courseId: query.courseId,
    status: query.status,
    q: query.q,
    sort: query.sort,
    limit: query.limit === null ? null : query.limit + 1,
    offset,
  };
  const [rows, counts, courseIds] = await Promise.all([
    repo.teamPeople(db, filter),
    repo.statusCounts(db, filter),
    repo.teamCourseIds(db, unitIds),
  ]);
  const more = query.limit !== null && rows.length > query.limit;
  const pageRows = more ? rows.slice(0, query.limit!) : rows;
  const enrolments = await repo.enrolmentsOf(
    db,
    pageRows.map((r) => r.user_id),
    query.courseId,
  );
  const info = await courseInfo(db, [...courseIds, ...enrolments.map((e) => e.course_id)], lang);
  const items = pageRows.map((r): TeamMember => {
    const mine = enrolments
      .filter((e) => e.user_id === r.user_id)
      .map((e): TeamEnrolment => {
        const c = info.get(e.course_id)!;
        return {
          enrolmentId: e.enrolment_id,
          courseId: e.course_id,
          courseTitle: c.title,
          programmeId: e.programme_id,
          programmeName: e.programme_name,
          percent: e.completed_at
            ? 100
            : Math.min(100, Math.round((100 * e.lessons_quizzes) / Math.max(1, c.required))),
          status: enrolmentStatus(e),
          enrolledAt: iso(e.enrolled_at)!,
          lastActivityAt: iso(e.last_activity_at),
          completedAt: iso(e.completed_at),
          certificateCode: e.certificate_code,
        };
      });
    return {
      userId: r.user_id,
      name: r.name,
      role: highestPlacement(r.roles),
      units: r.units,
      status: r.status,
      percent: mine.length ? Math.round(mine.reduce((s, e) => s + e.percent, 0) / mine.length) : 0,
      lastActivityAt: iso(r.last_activity_at),
      lastRemindedAt: iso(r.last_reminded_at),
      enrolments: mine,
    };
  });
  return {
    units,
    courses: [...new Set(courseIds)]
      .map((id) => ({ id, title: info.get(id)!.title }))
      .filter((c) => c.title)
      .sort((a, b) => swedishCollator.compare(a.title, b.title)),
    total: rows[0]?.total ?? 0,
    counts,
    items,
    nextCursor: more ? Buffer.from(String(offset + query.limit!)).toString('base64url') : null,
  };
}

/**
 * Reminds people in my units of the courses they have not finished: one mail each through the outbox,
 * at most one per person a day (a second the same day is refused for that person, not for the rest).
 * The audit entry holds ids only.
 */
export async function sendReminders(
  deps: { db: Db; mailer: Mailer; config: Config },
  actor: Actor,
  userIds: string[],
  lang: UiLanguage,
): Promise<TeamReminderResult> {
  const { db } = deps;
  const targets = [...new Set(userIds)];
  const scope = scopeFor(actor, 'learning.report');
  if (scope.memberships.length === 0) throw forbidden();
  // Every person must be placed in a unit where the actor may see their progress.
  const placements = await placementsOf(db, targets);
  const ctxs = await orgContexts(
    db,
    placements.map((p) => p.organisation_id),
  );
  const outside = targets.filter(
    (u) =>
      !placements.some((p) => {
        const ctx = ctxs.get(p.organisation_id);
        return p.user_id === u && ctx !== undefined && authorize(actor, 'learning.report', ctx);
      }),
  );
  if (outside.length) throw forbidden();

  const open = await repo.reminderTargets(db, targets);
  const already = await repo.remindedSince(db, targets, new Date(Date.now() - DAY_MS));
  const info = await courseInfo(
    db,
    open.map((o) => o.course_id),
    lang,
  );
  const results: TeamReminderResult['results'] = targets.map((userId) => {
    if (!open.some((o) => o.user_id === userId && o.email)) return { userId, outcome: 'nothing_to_remind' };
    if (already.has(userId)) return { userId, outcome: 'already_today' };
    return { userId, outcome: 'sent' };
  });
  const toSend = results.filter((r) => r.outcome === 'sent').map((r) => r.userId);
  if (toSend.length) {
    await db.transaction(async (tx) => {
      await repo.insertReminders(tx, toSend, actor.userId);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'learning.reminded',
        entityType: 'user',
        entityId: actor.userId,
        after: { userIds: toSend },
      });
    });
    await deps.mailer.sendMany(
      toSend.map((userId) => {
        const mine = open.filter((o) => o.user_id === userId);
        return learningReminderMail({
          to: mine[0]!.email!,
          name: mine[0]!.name,
          courses: [...new Set(mine.map((o) => info.get(o.course_id)!.title))].filter(Boolean),
          link: `${deps.config.publicUrl}/utbildning`,
          lang: mine[0]!.preferred_language ?? lang,
        });
      }),
    );
  }
  return { sent: toSend.length, results };
}
