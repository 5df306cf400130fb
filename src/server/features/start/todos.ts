import { sql } from 'drizzle-orm';
import { isPlacementRole, scopeFor, scopeIdsAt } from '../../../shared/access/index.ts';
import { sheetProgress, type TemplateContent } from '../../../shared/contracts/assessments.ts';
import type { StartTodo } from '../../../shared/contracts/start.ts';
import { answeredKeys } from '../assessments/rounds.repo.ts';
import { caseScopeOf, reviewsSql } from '../cases/case-access.ts';
import { contractTodos } from '../contract-radar/contract-todos.ts';
import { reviewReminders } from '../documents/documents.service.ts';
import { externalContactTodos } from '../external-contacts/external-contact-todos.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import { REPORT_OWNER_KINDS } from '../steering-reports/report-area.ts';
import { selectReports } from '../steering-reports/steering-reports.repo.ts';
import { supportTodos } from '../support/support-todos.ts';
import * as repo from './start.repo.ts';
import type { StartContext } from './start-context.ts';

/** Enough of each kind to act on from the start page; the page behind the link has the rest. */
const PER_KIND = 5;
/** Milestones due within this many days count as follow-ups to do. */
const FOLLOW_UP_DAYS = 14;

type TodoSource = (ctx: StartContext) => Promise<StartTodo[]>;

/** Sheets the person answers for in open rounds, with how far each has come. */
const roundsToAnswer: TodoSource = async ({ db, actor, today }) => {
  const municipalities = scopeIdsAt(scopeFor(actor, 'assessment.answer'), ['municipality']);
  if (!municipalities.length) return [];
  const sheets = await repo.sheetsToAnswer(db, municipalities, today, PER_KIND);
  return Promise.all(
    sheets.map(async (s) => {
      const answered = await answeredKeys(db, s.round_id, [s.municipality_id]);
      const progress = sheetProgress(
        s.content as TemplateContent,
        answered.get(s.municipality_id) ?? new Set(),
      );
      return {
        kind: 'assessment_answer' as const,
        title: s.round_name,
        place: s.name,
        count: progress.answered,
        of: progress.total,
        dueOn: s.closes_on,
        to: `/bedomningar/${s.round_id}/kommuner/${s.code}`,
      };
    }),
  );
};

/** Open rounds the person runs (a round is run at its owner itself), to chase those not submitted. */
const roundsToChase: TodoSource = async ({ db, actor, today }) => {
  const run = scopeFor(actor, 'assessment.run');
  if (!run.national && !run.organisationIds.length) return [];
  const rounds = await repo.runningRounds(db, run.restrictTo, today, PER_KIND);
  return rounds.map((r) => ({
    kind: 'assessment_chase' as const,
    title: r.name,
    place: r.owner_name,
    count: r.submitted,
    of: r.participants,
    dueOn: r.closes_on,
    to: `/bedomningar/${r.id}`,
  }));
};

/** Governing documents of the person's own organisations past their review date (the reminders' rule). */
const documentsToReview: TodoSource = async ({ db, actor }) => {
  const { items } = await reviewReminders(db, actor);
  if (!items.length) return [];
  const first = [...items].sort((a, b) => (a.reviewOn ?? '').localeCompare(b.reviewOn ?? ''))[0]!;
  return [
    {
      kind: 'document_review',
      title: items.length === 1 ? first.title : null,
      place: items.length === 1 ? first.owner.name : null,
      count: items.length,
      of: null,
      dueOn: first.reviewOn ?? null,
      to: items.length === 1 ? `/styrdokument/${first.id}` : '/styrdokument',
    },
  ];
};

/** Cases waiting for the person's review, and the person's municipality's cases returned to rework. */
const casesToHandle: TodoSource = async ({ db, actor }) => {
  const scope = caseScopeOf(actor);
  const [review, returned] = await Promise.all([
    scope.national || scope.reviewerAt.length ? repo.caseCount(db, 'submitted', reviewsSql(scope)) : null,
    scope.authorOf.length ? repo.caseCount(db, 'returned', authoredBy(scope.authorOf)) : null,
  ]);
  const out: StartTodo[] = [];
  if (review?.n) {
    out.push({
      kind: 'case_review',
      title: null,
      place: null,
      count: review.n,
      of: null,
      dueOn: null,
      to: '/kunskapsbank/granska',
    });
  }
  if (returned?.n) {
    out.push({
      kind: 'case_returned',
      title: null,
      place: null,
      count: returned.n,
      of: null,
      dueOn: null,
      to: returned.n === 1 && returned.id ? `/kunskapsbank/${returned.id}` : '/kunskapsbank',
    });
  }
  return out;
};

/** The cases of the municipalities the person writes for (authors see their own in every state). */
const authoredBy = (municipalityIds: readonly string[]) =>
  sql`c.municipality_id = any(${uuidArray(municipalityIds)})`;

/** Steering-group reports in draft of the regions and associations where the person reports. */
const reportsToIssue: TodoSource = async ({ db, actor }) => {
  const owners = scopeIdsAt(scopeFor(actor, 'report.steering'), REPORT_OWNER_KINDS);
  if (!owners.length) return [];
  const drafts = (await selectReports(db, { ownerIds: owners })).filter((r) => r.status === 'draft');
  return drafts.slice(0, PER_KIND).map((r) => ({
    kind: 'steering_draft' as const,
    title: r.title,
    place: r.owner_name,
    count: 1,
    of: null,
    dueOn: null,
    to: `/rapporter/styrgrupp/${r.id}`,
  }));
};

/** A manager's units: people enrolled in a programme who have not started it. */
const teamNotStarted: TodoSource = async (ctx) =>
  (await ctx.team()).flatMap((u) =>
    u.not_started
      ? [
          {
            kind: 'team_not_started' as const,
            title: null,
            place: u.name,
            count: u.not_started,
            of: u.members,
            dueOn: null,
            to: '/mitt-team',
          },
        ]
      : [],
  );

/** Initiatives of the person's own organisations with milestones overdue or due within two weeks. */
const followUps: TodoSource = async ({ db, actor, today }) => {
  const owners = scopeFor(actor, 'initiative.manage').organisationIds;
  if (!owners.length) return [];
  const until = new Date(Date.parse(`${today}T12:00:00Z`) + FOLLOW_UP_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await repo.followUpsDue(db, owners, until, PER_KIND);
  return rows.map((r) => ({
    kind: 'initiative_followup' as const,
    title: r.title,
    place: r.owner_name,
    count: r.n,
    of: null,
    dueOn: r.first_due,
    to: `/insatser/${r.id}`,
  }));
};

/**
 * Every source of to-do items, read in parallel. Support requests and contracts (issue 17) add their
 * source here and their kinds to `startTodoKinds`; nothing else changes.
 */
export const todoSources: readonly TodoSource[] = [
  roundsToAnswer,
  roundsToChase,
  documentsToReview,
  casesToHandle,
  reportsToIssue,
  teamNotStarted,
  followUps,
  supportTodos,
  externalContactTodos,
  contractTodos,
];

/** Managers' units: where the person holds a placement role that reports on learning. */
export function managedUnits(actor: StartContext['actor']): { id: string; name: string }[] {
  return scopeFor(actor, 'learning.report')
    .memberships.filter((m) => isPlacementRole(m.role))
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));
}

/** To-do items, soonest due first; those without a date keep their sources' order after them. */
export async function collectTodos(ctx: StartContext): Promise<StartTodo[]> {
  const lists = await Promise.all(todoSources.map((source) => source(ctx)));
  const all = lists.flat();
  return all
    .map((todo, i) => ({ todo, i }))
    .sort((a, b) => (a.todo.dueOn ?? '9999').localeCompare(b.todo.dueOn ?? '9999') || a.i - b.i)
    .map(({ todo }) => todo);
}
