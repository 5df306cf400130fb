import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { packageForm, scorm2004Zip } from '../support/course-packages.ts';
import { falunProgrammeFor } from '../support/imported-course-follow-up.ts';
import { demoEmail } from '../support/test-app.ts';

/**
 * Results of an imported SCORM course (issue 18) on a phone: the programme report shows each module's
 * results, and the author's feedback page the questions most often answered wrong, both accessible.
 */

let e: E2E;
let courseId: string;
let programmeId: string;
let testModule: string;

/** The cells of a table row, spaces as typed (numbers are formatted with no-break spaces). */
const cells = async (row: ReturnType<Page['getByRole']>) =>
  (await row.getByRole('cell').allTextContents()).map((c) => c.replace(/\s/g, ' '));

const idOf = async (query: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(e.t.db, query))[0]!.id;

beforeAll(async () => {
  e = await startE2E();
  const coordinator = await e.t.as('samordnare.falun');
  const falun = await idOf(sql`select id from organisations where kind = 'municipality' and code = '2080'`);
  const imported = await coordinator.request({
    method: 'POST',
    url: '/api/v1/courses/import',
    ...packageForm(scorm2004Zip({ title: 'Resultatkursen' }), { ownerOrganisationId: falun }),
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const body = imported.json() as { courseId: string; modules: { key: string }[] };
  courseId = body.courseId;
  testModule = body.modules[2]!.key;
  programmeId = await falunProgrammeFor(e, courseId, 'Resultatprogrammet');

  // The learner takes the test: completed, failed with 4 of 10, one of two questions wrong.
  const learner = await e.t.as('personal.falun');
  const userId = await idOf(sql`select id from users where email = ${demoEmail('personal.falun')}`);
  const enrolment = await idOf(
    sql`select id from enrolments where user_id = ${userId} and course_id = ${courseId}`,
  );
  const committed = await learner.request({
    method: 'PUT',
    url: `/api/v1/enrolments/${enrolment}/modules/${testModule}/scorm`,
    payload: {
      attempt: 1,
      seq: 1,
      terminated: true,
      cmi: {
        'cmi.completion_status': 'completed',
        'cmi.score.scaled': '0.4',
        'cmi.score.raw': '4',
        'cmi.score.max': '10',
        'cmi.session_time': 'PT6M',
        'cmi.interactions.0.id': 'fraga-1',
        'cmi.interactions.0.description': 'Vad ska dokumenteras?',
        'cmi.interactions.0.result': 'incorrect',
        'cmi.interactions.1.id': 'fraga-2',
        'cmi.interactions.1.result': 'correct',
      },
    },
  });
  expect(committed.statusCode, committed.body).toBe(200);
});
afterAll(() => e?.close());

describe('results of an imported course', () => {
  it('shows each module’s results in the programme report on a phone', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'samordnare.falun');
    await page.goto(`/program/${programmeId}/rapport`);
    await page.getByRole('heading', { level: 2, name: 'Resultat i importerade kurser' }).waitFor();
    const table = page.getByRole('table', { name: 'Resultatkursen (SCORM 2004): resultat per modul' });
    const row = table.getByRole('row', { name: /Kunskapstest/ });
    await expect.poll(() => cells(row)).toEqual(['1', '1', '0', '1', '40 %', '40 %']);
    await expectAccessible(page, 'programme report with an imported course');
  });

  it('shows the author the package’s results and the questions most often wrong', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'samordnare.falun');
    await page.goto(`/utbildning/kurser/${courseId}/aterkoppling`);
    await page.getByRole('heading', { level: 2, name: 'Resultat från kurspaketet' }).waitFor();
    const overview = page.getByRole('table', { name: 'Deltagarnas resultat per modul' });
    await expect
      .poll(() => cells(overview.getByRole('row', { name: /Kunskapstest/ })))
      .toEqual(['1', '1', '0', '1', '40 %', '40 %']);
    const wrong = page.getByRole('table', { name: 'Frågor i Kunskapstest som oftast besvaras fel' });
    expect(await wrong.getByRole('rowheader').allTextContents()).toEqual(['Vad ska dokumenteras? (fraga-1)']);
    await expectAccessible(page, 'feedback page of an imported course');
  });
});
