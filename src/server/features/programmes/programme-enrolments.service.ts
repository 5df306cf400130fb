import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, authorize, roleRank, scopeFor, trackOfPlacement } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { staffImportColumns } from '../../../shared/contracts/imports.ts';
import type { Track } from '../../../shared/contracts/learning.ts';
import { Email } from '../../../shared/contracts/people.ts';
import type {
  ProgrammeEnrolmentResult,
  ProgrammeImportResult,
} from '../../../shared/contracts/programmes.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import type { Db } from '../../db/client.ts';
import { enrolments } from '../../db/schema/index.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { normaliseHeader, readCsvRecords } from '../imports/csv-file.ts';
import { forgetProgrammeReports } from '../reports/report-cache.ts';
import * as repo from './programmes.repo.ts';
import { type LoadedProgramme, requireVisibleProgramme } from './programmes.service.ts';

type Refusal = 'forbidden' | 'not_participating' | 'no_course_for_track';
type Decision =
  | { ok: true; userId: string; organisationId: string; track: Track; courseId: string }
  | { ok: false; userId: string; code: Refusal };

/**
 * Decides, for each person, whether the actor may enrol them in the programme and on which course:
 * the person must work (as staff or manager) in a participating municipality; the actor must be able to
 * enrol them there (a manager: own unit; a coordinator: own municipality) or coordinate the programme's
 * owner. Managers take the managers' track, everyone else the staff track.
 */
async function decide(db: Db, actor: Actor, p: LoadedProgramme, userIds: string[]) {
  const placements = await repo.placementsOf(db, userIds);
  const ctxs = await repo.orgContexts(
    db,
    placements.map((pl) => pl.organisation_id),
  );
  const ownerManage = authorize(actor, 'programme.manage', p.ownerCtx);
  const participating = new Set(p.municipalities.map((m) => m.id));
  const decisions = new Map<string, Decision>();
  for (const userId of userIds) {
    const mine = placements.filter((pl) => pl.user_id === userId);
    const allowed = mine.filter((pl) => {
      const ctx = ctxs.get(pl.organisation_id);
      return (
        (ctx !== undefined && authorize(actor, 'learning.enrol', ctx)) ||
        (ownerManage && participating.has(pl.municipality_id))
      );
    });
    if (allowed.length === 0) {
      decisions.set(userId, { ok: false, userId, code: 'forbidden' });
      continue;
    }
    const inProgramme = allowed.filter((pl) => participating.has(pl.municipality_id));
    if (inProgramme.length === 0) {
      decisions.set(userId, { ok: false, userId, code: 'not_participating' });
      continue;
    }
    inProgramme.sort(
      (a, b) => roleRank[b.role] - roleRank[a.role] || Number(b.kind === 'unit') - Number(a.kind === 'unit'),
    );
    const chosen = inProgramme[0]!;
    const track: Track = trackOfPlacement(chosen.role);
    const course = p.courses.find((c) => c.track === track);
    if (!course) {
      decisions.set(userId, { ok: false, userId, code: 'no_course_for_track' });
      continue;
    }
    decisions.set(userId, {
      ok: true,
      userId,
      organisationId: chosen.organisation_id,
      track,
      courseId: course.courseId,
    });
  }
  return decisions;
}

async function write(
  db: Db,
  actor: Actor,
  p: LoadedProgramme,
  accepted: Extract<Decision, { ok: true }>[],
  via: 'api' | 'csv' | 'self',
) {
  const enrolled = await db.transaction(async (tx) => {
    const created = await repo.insertProgrammeEnrolments(
      tx,
      accepted.map((d) => ({
        userId: d.userId,
        courseId: d.courseId,
        programmeId: p.row.id,
        organisationId: d.organisationId,
        enrolledBy: actor.userId,
      })),
    );
    if (created.length) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'programme.enrolled',
        entityType: 'programme',
        entityId: p.row.id,
        organisationId: p.ownerCtx.id,
        after: { via, userIds: created.map((c) => c.userId), created: created.length },
      });
    }
    return new Set(created.map((c) => c.userId));
  });
  // After the commit, so that no instance refills the report from the rows before it.
  if (enrolled.size) forgetProgrammeReports(db, p.row.id);
  return enrolled;
}

/** Enrols people (or, without userIds, the actor through self-enrolment) in a programme. */
export async function enrolInProgramme(
  db: Db,
  actor: Actor,
  programmeId: string,
  userIds: string[] | undefined,
): Promise<ProgrammeEnrolmentResult> {
  const p = await requireVisibleProgramme(db, actor, programmeId);
  let accepted: Extract<Decision, { ok: true }>[];
  if (!userIds) {
    // Self-enrolment: the programme must allow it and the actor must work in a participating municipality.
    if (!p.row.selfEnrolment) throw new AppError(403, 'self_enrolment_closed');
    const participating = new Set(p.municipalities.map((m) => m.id));
    const mine = (await repo.placementsOf(db, [actor.userId]))
      .filter((pl) => participating.has(pl.municipality_id))
      .sort(
        (a, b) =>
          roleRank[b.role] - roleRank[a.role] || Number(b.kind === 'unit') - Number(a.kind === 'unit'),
      );
    const chosen = mine[0];
    if (!chosen) throw new AppError(403, 'self_enrolment_closed');
    const track: Track = trackOfPlacement(chosen.role);
    const course = p.courses.find((c) => c.track === track);
    if (!course)
      throw new AppError(400, 'validation_failed', [{ path: 'body', code: 'no_course_for_track' }]);
    accepted = [
      {
        ok: true,
        userId: actor.userId,
        organisationId: chosen.organisation_id,
        track,
        courseId: course.courseId,
      },
    ];
  } else {
    const targets = [...new Set(userIds)];
    const decisions = await decide(db, actor, p, targets);
    const refused = [...decisions.values()].filter((d) => !d.ok);
    if (refused.some((d) => d.code === 'forbidden')) throw forbidden();
    if (refused.length) {
      throw new AppError(
        400,
        'validation_failed',
        refused.map((d) => ({ path: `body.userIds.${userIds.indexOf(d.userId)}`, code: d.code })),
      );
    }
    accepted = [...decisions.values()].filter((d): d is Extract<Decision, { ok: true }> => d.ok);
  }
  const created = await write(db, actor, p, accepted, userIds ? 'api' : 'self');
  return {
    created: created.size,
    existing: accepted.length - created.size,
    results: accepted.map((d) => ({
      userId: d.userId,
      track: d.track,
      courseId: d.courseId,
      outcome: created.has(d.userId) ? ('created' as const) : ('existing' as const),
    })),
  };
}

const emailHeaders = staffImportColumns.find((c) => c.key === 'email')!.headers as readonly string[];
const nameHeaders = staffImportColumns.find((c) => c.key === 'name')!.headers as readonly string[];

interface CsvRow {
  line: number;
  email: string | null;
  name: string | null;
  errors: { column: string; code: string }[];
}

/**
 * Reads an enrolment CSV with the staff import's rules: UTF-8 (with or without BOM) or Windows-1252,
 * semicolon, comma or tab, headers matched loosely. Only the e-mail column is required.
 */
export function parseEnrolmentCsv(buffer: Buffer) {
  const { encoding, delimiter, header, data } = readCsvRecords(buffer);
  const emailIdx = header.findIndex((h) => emailHeaders.includes(normaliseHeader(h)));
  const nameIdx = header.findIndex((h) => nameHeaders.includes(normaliseHeader(h)));
  if (emailIdx < 0) throw new AppError(400, 'csv_missing_email_column');
  const seen = new Set<string>();
  const rows = data.map(({ record, info }): CsvRow => {
    const raw = (record[emailIdx] ?? '').trim();
    const name = nameIdx >= 0 ? (record[nameIdx] ?? '').trim() || null : null;
    const errors: CsvRow['errors'] = [];
    let email: string | null = null;
    if (!raw) errors.push({ column: 'email', code: 'required' });
    else {
      const parsed = Email.safeParse(raw);
      if (parsed.success) email = parsed.data;
      else errors.push({ column: 'email', code: 'invalid_email' });
    }
    if (email && seen.has(email)) errors.push({ column: 'email', code: 'duplicate_in_file' });
    if (email) seen.add(email);
    return { line: info.lines, email: email ?? (raw || null), name, errors };
  });
  return { encoding, delimiter, rows };
}

/**
 * CSV enrolment: every row gets a result; with mode=commit the valid rows are enrolled in one
 * transaction (rows with errors are skipped). A file without any valid row changes nothing.
 */
export async function importEnrolments(
  db: Db,
  actor: Actor,
  programmeId: string,
  buffer: Buffer,
  mode: 'preview' | 'commit',
  lang: UiLanguage,
): Promise<ProgrammeImportResult> {
  const p = await requireVisibleProgramme(db, actor, programmeId);
  // Only people who may enrol someone somewhere get to probe e-mail addresses.
  const mayEnrolSomeone =
    authorize(actor, 'programme.manage', p.ownerCtx) ||
    scopeFor(actor, 'learning.enrol').organisationIds.length > 0;
  if (!mayEnrolSomeone) throw forbidden();
  const csv = parseEnrolmentCsv(buffer);
  const emails = csv.rows.filter((r) => r.errors.length === 0 && r.email).map((r) => r.email!);
  const people = await repo.usersByEmail(db, emails);
  const byEmail = new Map(people.map((u) => [u.email, u]));
  const decisions = await decide(
    db,
    actor,
    p,
    people.map((u) => u.id),
  );
  const existing = new Set(
    people.length
      ? (
          await db
            .select({ userId: enrolments.userId, courseId: enrolments.courseId })
            .from(enrolments)
            .where(
              and(
                eq(enrolments.programmeId, p.row.id),
                inArray(
                  enrolments.userId,
                  people.map((u) => u.id),
                ),
              ),
            )
        ).map((e) => `${e.userId}/${e.courseId}`)
      : [],
  );
  const rowDecisions = csv.rows.map((r) => {
    if (r.errors.length) return { row: r, decision: null };
    const user = r.email ? byEmail.get(r.email) : undefined;
    if (!user) {
      r.errors.push({ column: 'email', code: 'user_not_found' });
      return { row: r, decision: null };
    }
    const d = decisions.get(user.id)!;
    if (!d.ok) {
      r.errors.push({ column: 'email', code: d.code });
      return { row: r, decision: null };
    }
    return { row: r, decision: d, name: user.name };
  });
  const accepted = rowDecisions.flatMap((x) => (x.decision ? [x.decision] : []));
  if (mode === 'commit' && accepted.length === 0) throw new AppError(400, 'import_has_no_valid_rows');
  const created =
    mode === 'commit'
      ? await write(db, actor, p, accepted, 'csv')
      : new Set(accepted.filter((d) => !existing.has(`${d.userId}/${d.courseId}`)).map((d) => d.userId));
  const rows = rowDecisions.map(({ row, decision, ...rest }) => ({
    line: row.line,
    email: row.email,
    name: 'name' in rest && rest.name ? rest.name : row.name,
    track: decision?.track ?? null,
    outcome: !decision
      ? ('error' as const)
      : created.has(decision.userId)
        ? ('created' as const)
        : ('existing' as const),
    errors: row.errors.map((e) => ({ ...e, message: fieldMessage(e.code, lang) })),
  }));
  return {
    mode,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    total: rows.length,
    created: rows.filter((r) => r.outcome === 'created').length,
    existing: rows.filter((r) => r.outcome === 'existing').length,
    failed: rows.filter((r) => r.outcome === 'error').length,
    rows,
  };
}
