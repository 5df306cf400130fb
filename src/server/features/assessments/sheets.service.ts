import type { Actor } from '../../../shared/access/index.ts';
import {
  type AnswerValue,
  answerProblem,
  type PutAnswer,
  type Question,
  requiredQuestions,
  type SheetAnswer,
  type SheetView,
  sheetProgress,
  type TemplateContent,
} from '../../../shared/contracts/assessments.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldError, forbidden } from '../../lib/errors.ts';
import { forgetResults } from '../assessment-results/results.service.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as answersRepo from './answers.repo.ts';
import { isClosed, loadEditableSheet, loadSheet } from './round-access.ts';
import * as repo from './rounds.repo.ts';

/** 409 `answer_conflict`: someone else saved one of the questions since the client read it. */
export class AnswerConflict extends AppError {
  constructor(readonly current: SheetAnswer[]) {
    super(409, 'answer_conflict');
  }
}

const questionsOf = (content: TemplateContent) =>
  new Map<string, Question>(content.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));

const toAnswer = (a: answersRepo.AnswerRow, name: string | null): SheetAnswer => ({
  questionKey: a.questionKey,
  value: (a.value as AnswerValue | null) ?? null,
  comment: a.comment,
  evidenceUrl: a.evidenceUrl,
  revision: a.revision,
  updatedBy: name,
  updatedAt: a.updatedAt.toISOString(),
});

export async function sheetView(db: Db, actor: Actor, roundId: string, code: string): Promise<SheetView> {
  const { round, municipality, sheet, answers, runs } = await loadSheet(db, actor, roundId, code);
  const content = round.content as TemplateContent;
  const rows = await answersRepo.answersOf(db, roundId, municipality.id);
  const closed = isClosed(round.round);
  return {
    round: { id: round.round.id, name: round.round.name, closesOn: round.round.closesOn, closed },
    municipality: { code: municipality.code, name: municipality.name },
    status: sheet.status as SheetView['status'],
    submittedAt: sheet.submittedAt?.toISOString() ?? null,
    canEdit: answers && !closed && sheet.status !== 'submitted',
    canReopen: runs && !closed && sheet.status === 'submitted',
    content,
    answers: rows.map((r) => toAnswer(r.answer, r.updatedByName)),
    ...sheetProgress(
      content,
      new Set(rows.filter((r) => r.answer.value !== null).map((r) => r.answer.questionKey)),
    ),
  };
}

function validate(content: TemplateContent, items: PutAnswer[]): FieldError[] {
  const questions = questionsOf(content);
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  items.forEach((item, i) => {
    const q = questions.get(item.questionKey);
    if (!q) problems.push({ path: `body.answers.${i}.questionKey`, code: 'unknown_question' });
    else if (item.value !== null) {
      const problem = answerProblem(q, item.value);
      if (problem) problems.push({ path: `body.answers.${i}.value`, code: problem });
    }
    if (seen.has(item.questionKey))
      problems.push({ path: `body.answers.${i}.questionKey`, code: 'duplicate' });
    seen.add(item.questionKey);
  });
  return problems;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Saves the given questions only (the client autosaves one question at a time), all or nothing. The
 * sheet row is locked for the few milliseconds of the write so that saves of one sheet take turns and
 * revisions stay in order; saves of different questions never conflict. A `baseRevision` other than the
 * stored one means someone else changed that answer since the client read it: 409 with the stored answers.
 */
export async function saveAnswers(
  db: Db,
  actor: Actor,
  roundId: string,
  code: string,
  items: PutAnswer[],
): Promise<SheetView> {
  const { round, municipality } = await loadEditableSheet(db, actor, roundId, code);
  const problems = validate(round.content as TemplateContent, items);
  if (problems.length) throw new AppError(400, 'validation_failed', problems);

  await db.transaction(async (tx) => {
    const sheet = await repo.findSheet(tx, roundId, municipality.id, true);
    if (sheet?.status === 'submitted') throw new AppError(409, 'sheet_submitted');
    const keys = items.map((i) => i.questionKey);
    const stored = new Map(
      (await answersRepo.lockAnswers(tx, roundId, municipality.id, keys)).map((a) => [a.questionKey, a]),
    );
    const conflicts = items.filter(
      (i) => i.baseRevision !== undefined && i.baseRevision !== (stored.get(i.questionKey)?.revision ?? 0),
    );
    if (conflicts.length) {
      const names = new Map(
        (await answersRepo.answersOf(tx, roundId, municipality.id)).map((r) => [r.answer.questionKey, r]),
      );
      throw new AnswerConflict(
        conflicts.flatMap((c) => {
          const r = names.get(c.questionKey);
          return r ? [toAnswer(r.answer, r.updatedByName)] : [];
        }),
      );
    }
    const now = new Date();
    let changed = 0;
    for (const item of items) {
      const before = stored.get(item.questionKey);
      const after = {
        value: item.value,
        comment: item.comment === undefined ? (before?.comment ?? null) : item.comment || null,
        evidenceUrl:
          item.evidenceUrl === undefined ? (before?.evidenceUrl ?? null) : item.evidenceUrl || null,
      };
      const was = before
        ? { value: before.value, comment: before.comment, evidenceUrl: before.evidenceUrl }
        : null;
      if (was ? same(was, after) : after.value === null && !after.comment && !after.evidenceUrl) continue;
      await answersRepo.saveAnswer(tx, {
        roundId,
        municipalityId: municipality.id,
        questionKey: item.questionKey,
        ...after,
        revision: (before?.revision ?? 0) + 1,
        updatedBy: actor.userId,
        updatedAt: now,
      });
      await answersRepo.recordAnswerHistory(tx, {
        roundId,
        municipalityId: municipality.id,
        questionKey: item.questionKey,
        changedBy: actor.userId,
        changedAt: now,
        before: was,
        after,
      });
      changed++;
    }
    // The answer history is the detailed record; the sheet's own timestamp shows recent activity.
    if (changed) await repo.updateSheet(tx, roundId, municipality.id, {});
  });
  forgetResults(db);
  return sheetView(db, actor, roundId, code);
}

/** Locks the sheet once every scored and ranking question is answered; lists the missing ones otherwise. */
export async function submitSheet(db: Db, actor: Actor, roundId: string, code: string): Promise<SheetView> {
  const { round, municipality } = await loadEditableSheet(db, actor, roundId, code);
  const content = round.content as TemplateContent;
  await db.transaction(async (tx) => {
    await repo.findSheet(tx, roundId, municipality.id, true);
    const answered =
      (await repo.answeredKeys(tx, roundId, [municipality.id])).get(municipality.id) ?? new Set();
    const missing = requiredQuestions(content).filter((q) => !answered.has(q.key));
    if (missing.length)
      throw new AppError(
        400,
        'sheet_incomplete',
        missing.map((q) => ({ path: `answers.${q.key}`, code: 'unanswered' })),
      );
    await repo.updateSheet(tx, roundId, municipality.id, {
      status: 'submitted',
      submittedAt: new Date(),
      submittedBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'assessment_sheet.submitted',
      entityType: 'assessment_round',
      entityId: roundId,
      organisationId: municipality.id,
    });
  });
  forgetResults(db);
  return sheetView(db, actor, roundId, code);
}

/** The round's owner gives a submitted sheet back to the municipality, while the round is open. */
export async function reopenSheet(db: Db, actor: Actor, roundId: string, code: string): Promise<SheetView> {
  const { round, municipality, sheet, runs } = await loadSheet(db, actor, roundId, code);
  if (!runs) throw forbidden();
  if (isClosed(round.round)) throw new AppError(409, 'round_closed');
  if (sheet.status !== 'submitted') throw new AppError(409, 'sheet_not_submitted');
  await db.transaction(async (tx) => {
    await repo.updateSheet(tx, roundId, municipality.id, { status: 'reopened' });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'assessment_sheet.reopened',
      entityType: 'assessment_round',
      entityId: roundId,
      organisationId: municipality.id,
    });
  });
  forgetResults(db);
  return sheetView(db, actor, roundId, code);
}
