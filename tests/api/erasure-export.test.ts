import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DALARNA_REFERENCE_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import { personalData } from '../../src/server/db/personal-data.ts';
import { DEFAULT_TEMPLATE_KEY } from '../../src/server/db/reference/assessment-template.ts';
import { ACTIVITY_BASE } from '../../src/server/features/learning/course-content.ts';
import { upsertReferenceCourse } from '../../src/server/features/learning/courses.repo.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { miniCourse } from '../fixtures/mini-course.ts';
import { multipartFile } from '../support/multipart.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { demoCaseId } from './cases.fixtures.ts';

/**
 * A care worker with a distinctive name and address gets data everywhere the API reaches; her export
 * must show it all, and after her erasure no text or jsonb column of any table may hold her name or
 * address (issue 14, defect 11).
 */
const NAME = 'Qvintessa Raderasdotter';
const EMAIL = 'qvintessa.raderasdotter@falun.example.se';

let t: TestApp;
let she: Agent;
let herId: string;
let courseId: string;
let enrolmentId: string;
let certificateCode: string;

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.db, query))[0]!;
const orgId = async (name: string, kind: string) =>
  (await one<{ id: string }>(sql`select id from organisations where name = ${name} and kind = ${kind}`)).id;

/** Every text, jsonb and array column of every table that mentions `needle` (any case), with the count. */
async function mentionsAnywhere(needle: string) {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    t.db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const c of columns) {
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${sql.identifier(c.table_name)}
          where strpos(lower(${sql.identifier(c.column_name)}::text), lower(${needle})) > 0`,
    );
    if (row!.n > 0) found.push(`${c.table_name}.${c.column_name} (${row!.n})`);
  }
  return found.sort();
}

beforeAll(async () => {
  t = await createTestApp();
  const nation = await one<{ id: string }>(sql`select id from organisations where kind = 'nation'`);
  await upsertReferenceCourse(t.db, CourseContent.parse(miniCourse), nation.id);
  courseId = (await one<{ id: string }>(sql`select id from courses where key = 'testkurs-mini'`)).id;
  const falun = await orgId('Falun', 'municipality');
  const norr = await orgId('Hemtjänsten Norr', 'unit');
  const coordinator = await t.as('samordnare.falun');

  // A staff file previewed (not run) keeps her row in import_jobs.
  const csv = `E-post;Namn;Enhet;Roll\r\n${EMAIL};${NAME};Hemtjänsten Norr;medarbetare\r\n`;
  const { payload, headers } = multipartFile('file', 'personal.csv', Buffer.from(csv));
  const preview = await coordinator.request({
    method: 'POST',
    url: `/api/v1/imports/staff?organisationId=${falun}&mode=preview`,
    payload,
    headers,
  });
  expect(preview.statusCode).toBe(200);

  // Invited (a mail to her, audited), she accepts and logs in.
  const invited = await coordinator.post('/api/v1/invitations', {
    email: EMAIL,
    name: NAME,
    organisationId: norr,
    role: 'staff',
    language: 'sv',
  });
  expect(invited.statusCode).toBe(201);
  const mail = await one<{ text: string }>(sql`select text from outbox where "to" = ${EMAIL}`);
  const token = /\/inbjudan\/([\w-]+)/.exec(mail.text)![1]!;
  she = t.agent();
  const accepted = await she.post(`/api/v1/invitations/${token}/accept`, {
    name: NAME,
    password: 'ett eget långt lösenord',
  });
  expect(accepted.statusCode).toBe(200);
  herId = accepted.json().id;
  expect((await she.patch('/api/v1/me', { gender: 'woman' })).statusCode).toBe(200);
  expect((await t.agent().post('/api/v1/auth/password-reset', { email: EMAIL })).statusCode).toBe(202);

  // Learning: enrolment, a statement, feedback, a certificate.
  expect((await she.post('/api/v1/enrolments', { courseId })).statusCode).toBe(200);
  enrolmentId = (await one<{ id: string }>(sql`select id from enrolments where user_id = ${herId}`)).id;
  const lesson = {
    id: randomUUID(),
    verb: { id: verbs.completed },
    object: { id: `${ACTIVITY_BASE}/testkurs-mini/modules/m1/lessons/l1` },
    timestamp: new Date().toISOString(),
    result: { duration: 'PT3M' },
  };
  expect((await she.post('/api/v1/learning-records', { statements: [lesson] })).statusCode).toBe(200);
  const feedback = await she.request({
    method: 'PUT',
    url: `/api/v1/enrolments/${enrolmentId}/feedback/m1`,
    payload: { rating: 5, comment: `Mycket bra, hälsar ${NAME}` },
  });
  expect(feedback.statusCode).toBe(200);
  // Completing needs passed quizzes, which are graded elsewhere (and tested there): mark it complete.
  await t.db.execute(sql`update enrolments set completed_at = now() where id = ${enrolmentId}`);
  const certificate = await she.post(`/api/v1/enrolments/${enrolmentId}/certificate`);
  expect(certificate.json().learnerName).toBe(NAME);
  certificateCode = certificate.json().code;

  // A study group of her unit.
  const group = await (await t.as('chef.falun')).post('/api/v1/study-groups', {
    name: 'Raderingsgruppen',
    organisationId: norr,
    courseId,
    memberIds: [herId],
  });
  expect(group.statusCode).toBe(201);

  // The municipality names her as contact for a technology (record, history and audit).
  const adoption = await coordinator.request({
    method: 'PUT',
    url: '/api/v1/municipalities/2080/technologies',
    payload: {
      items: [
        { technologyKey: 'digital-lock', status: 'in_operation', contactName: NAME, contactEmail: EMAIL },
      ],
    },
  });
  expect(adoption.statusCode).toBe(200);

  // Responsible for one initiative as a user, named as the responsible person of another.
  for (const responsible of [{ responsibleUserId: herId }, { responsibleName: NAME }]) {
    const created = await coordinator.post('/api/v1/initiatives', {
      title: 'Digitala lås i Norr',
      ownerOrganisationId: falun,
    });
    expect(created.statusCode).toBe(201);
    const named = await coordinator.patch(`/api/v1/initiatives/${created.json().id}`, responsible);
    expect(named.statusCode).toBe(200);
  }

  // A member of the regional reference group, registered for its open event.
  const region = await t.as('region.dalarna');
  const network = await one<{ id: string }>(
    sql`select id from networks where name = ${DALARNA_REFERENCE_GROUP}`,
  );
  const member = await region.post(`/api/v1/networks/${network.id}/members`, {
    email: EMAIL,
    representsOrganisationId: falun,
    roleInGroup: 'member',
  });
  expect(member.statusCode).toBe(201);
  const event = await one<{ id: string }>(sql`select id from network_meetings where is_open_event limit 1`);
  const registration = await t.agent().post(`/api/v1/events/${event.id}/registrations`, {
    name: NAME,
    email: EMAIL,
    organisationName: 'Falun',
  });
  expect(registration.statusCode).toBe(201);

  // She asks a knowledge-bank case's contact (a mail with her address to reply to) and is herself named
  // as another case's contact.
  const asked = await she.post(
    `/api/v1/cases/${await demoCaseId(t, 'Digital nattillsyn i hela hemtjänsten')}/contact`,
    {
      message: 'Hur började ni? Vi startar i höst.',
    },
  );
  expect(asked.statusCode).toBe(202);
  await t.db.execute(
    sql`update cases set contact_name = ${NAME}, contact_email = ${EMAIL.toUpperCase()}, contact_consent = true
        where id = (select id from cases where contact_email is null order by created_at limit 1)`,
  );
});
afterAll(() => t.close());

describe('the personal data export (GDPR art. 15)', () => {
  it('shows every entry of the register, with her learning, groups, mail, contacts and audit trail', async () => {
    const res = await she.get('/api/v1/me/export');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const sections = new Map<string, Record<string, unknown>[]>(
      body.records.map((r: { key: string; rows: Record<string, unknown>[] }) => [r.key, r.rows]),
    );
    expect([...sections.keys()]).toEqual(personalData.map((e) => e.key));
    const rows = (key: string) => sections.get(key) ?? [];
    expect(rows('users')).toEqual([expect.objectContaining({ id: herId, name: NAME, email: EMAIL })]);
    expect(rows('enrolments')).toEqual([expect.objectContaining({ id: enrolmentId, course_id: courseId })]);
    expect(rows('enrolment_items')).toEqual([expect.objectContaining({ item: 'lesson:m1/l1' })]);
    expect(rows('learning_statements')).toEqual([expect.objectContaining({ verb: verbs.completed })]);
    expect(rows('certificates')).toEqual([
      expect.objectContaining({ code: certificateCode, learner_name: NAME }),
    ]);
    expect(rows('module_feedback')).toEqual([
      expect.objectContaining({ module_key: 'm1', rating: 5, comment: `Mycket bra, hälsar ${NAME}` }),
    ]);
    expect(rows('study_group_members')).toHaveLength(1);
    expect(rows('memberships')).toHaveLength(1);
    expect(rows('invitations')).toHaveLength(1);
    expect(rows('password_resets')).toHaveLength(1);
    expect(rows('network_members')).toHaveLength(1);
    expect(rows('event_registrations')).toEqual([expect.objectContaining({ name: NAME, email: EMAIL })]);
    expect(rows('initiatives.responsible')).toHaveLength(2);
    expect(rows('technology_adoptions.contact')).toEqual([
      expect.objectContaining({ contact_name: NAME, contact_email: EMAIL }),
    ]);
    expect(rows('technology_adoption_history.mentions').length).toBeGreaterThan(0);
    expect(rows('import_jobs.rows')).toHaveLength(1);
    expect(rows('outbox.to').length).toBeGreaterThanOrEqual(2); // the invitation and the reset link
    expect(rows('outbox.reply_to')).toHaveLength(1);
    expect(rows('cases.contact')).toEqual([expect.objectContaining({ contact_name: NAME })]);
    expect(rows('audit_log.actor').length).toBeGreaterThan(0);
    expect(rows('audit_log.about').length).toBeGreaterThan(0);
    expect(body.auditEntries).toBe(rows('audit_log.actor').length);
    expect(body.caseContacts).toEqual([expect.objectContaining({ name: NAME, shownWithConsent: true })]);
    // Nothing of other people's audit details: only when, what and on which record.
    expect(Object.keys(rows('audit_log.actor')[0]!).sort()).toEqual([
      'action',
      'at',
      'entity_id',
      'entity_type',
      'id',
    ]);
  });

  it('shows a coordinator the assessment answers she wrote, with their history, and the round she opened', async () => {
    const region = await t.as('region.dalarna');
    const templates = (await region.get('/api/v1/assessment-templates')).json().items as {
      key: string;
      versions: { id: string }[];
    }[];
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const round = await region.post('/api/v1/assessment-rounds', {
      name: 'Exportomgång',
      templateVersionId: templates.find((x) => x.key === DEFAULT_TEMPLATE_KEY)!.versions[0]!.id,
      ownerOrganisationId: (
        await one<{ id: string }>(sql`select id from organisations where kind = 'region' and code = '20'`)
      ).id,
      municipalityCodes: ['2080'],
      opensOn: day(-1),
      closesOn: day(5),
      shareResults: false,
    });
    expect(round.statusCode).toBe(201);
    const coordinator = await t.as('samordnare.falun');
    const saved = await coordinator.request({
      method: 'PUT',
      url: `/api/v1/assessment-rounds/${round.json().id}/municipalities/2080`,
      payload: {
        answers: [
          { questionKey: 'strategi', value: { level: 3 }, comment: 'Ska revideras.', baseRevision: 0 },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    const section = async (a: Agent, key: string) =>
      (
        (await a.get('/api/v1/me/export')).json().records as {
          key: string;
          rows: Record<string, unknown>[];
        }[]
      ).find((r) => r.key === key)!.rows;
    expect(await section(coordinator, 'assessment_answers')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question_key: 'strategi', value: { level: 3 }, comment: 'Ska revideras.' }),
      ]),
    );
    expect(await section(coordinator, 'assessment_answer_history')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question_key: 'strategi', after: expect.anything() }),
      ]),
    );
    expect(await section(region, 'assessment_rounds.created_by')).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: round.json().id, name: 'Exportomgång' })]),
    );
  });

  it('is refused without a session', async () => {
    expect((await t.agent().get('/api/v1/me/export')).statusCode).toBe(401);
  });
});

describe('erasure (GDPR art. 17)', () => {
  it('leaves her name and address in no table, and the certificate check names nobody', async () => {
    const before = (await mentionsAnywhere(NAME)).map((c) => c.replace(/ \(\d+\)$/, ''));
    // Where the defect left her behind, among the others.
    expect(before).toEqual(
      expect.arrayContaining([
        'audit_log.after',
        'cases.contact_name',
        'certificates.learner_name',
        'event_registrations.name',
        'import_jobs.rows',
        'initiatives.responsible_name',
        'module_feedback.comment',
        'outbox.text',
        'technology_adoption_history.after',
        'technology_adoptions.contact_name',
        'users.name',
      ]),
    );
    const res = await (await t.as('admin')).delete(`/api/v1/users/${herId}`);
    expect(res.statusCode).toBe(200);
    expect(await mentionsAnywhere(NAME)).toEqual([]);
    expect(await mentionsAnywhere(EMAIL)).toEqual([]);
    expect(res.json()).toMatchObject({ erased: true, membershipsRemoved: 1, caseContactsRemoved: 1 });
    expect(res.json().changes).toMatchObject({ certificates: 1, 'technology_adoptions.contact': 1 });
    expect((await she.get('/api/v1/me')).statusCode).toBe(401);

    const check = await t.app.inject({ url: `/api/v1/certificates/${certificateCode}` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ code: certificateCode, learnerName: null, valid: true });
    expect(check.body).not.toContain('Qvintessa');
    const pdf = await t.app.inject({ url: `/api/v1/certificates/${certificateCode}/pdf?lang=sv` });
    expect(pdf.statusCode).toBe(200);

    // What stays is anonymous: progress for the programme figures, the audit trail of the erasure.
    const [enrolment] = await queryRows<{ completed: boolean }>(
      t.db,
      sql`select completed_at is not null as completed from enrolments where id = ${enrolmentId}`,
    );
    expect(enrolment).toEqual({ completed: true });
    const [audit] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'user.erased' and entity_id = ${herId}`,
    );
    expect(audit!.n).toBe(1);
  });
});
