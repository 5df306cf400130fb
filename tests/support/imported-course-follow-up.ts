import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs } from './browser.ts';
import { demoEmail } from './test-app.ts';

/**
 * What follows a played imported course (issue 18): the programme that runs it counts the learner as
 * completed, and she gets a certificate for it like for a course written in the editor.
 */

const idOf = async (e: E2E, query: ReturnType<typeof sql>) =>
  (await queryRows<{ id: string }>(e.t.db, query))[0]!.id;

/** A Falun programme whose staff course is the one given, with the demo care worker enrolled in it. */
export async function falunProgrammeFor(e: E2E, courseId: string, name: string): Promise<string> {
  const coordinator = await e.t.as('samordnare.falun');
  const falun = await idOf(
    e,
    sql`select id from organisations where kind = 'municipality' and code = '2080'`,
  );
  const created = await coordinator.post('/api/v1/programmes', {
    name,
    ownerOrganisationId: falun,
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    municipalityCodes: ['2080'],
    targetParticipants: 20,
    courses: [{ track: 'staff', courseId }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const programmeId = (created.json() as { id: string }).id;
  const learner = await idOf(e, sql`select id from users where email = ${demoEmail('personal.falun')}`);
  const enrolled = await coordinator.post(`/api/v1/programmes/${programmeId}/enrolments`, {
    userIds: [learner],
  });
  expect(enrolled.statusCode, enrolled.body).toBeLessThan(300);
  return programmeId;
}

/** On the completed course's page, the learner gets her certificate; its code is returned. */
export async function takeCertificate(page: Page, courseId: string): Promise<string> {
  await page.goto(`/utbildning/kurser/${courseId}`);
  await page.getByText('100 % klart').waitFor();
  await page.getByRole('button', { name: 'Hämta intyg' }).click();
  await page.getByRole('heading', { name: 'Intyg', level: 1 }).waitFor();
  const code = (await page.locator('.certificate-code').textContent())?.trim() ?? '';
  expect(code).not.toBe('');
  await expectAccessible(page, 'certificate of an imported course');
  return code;
}

/** The programme's report, as its coordinator reads it, counts the one enrolled learner as completed. */
export async function expectReportCountsCompletion(e: E2E, programmeId: string): Promise<Page> {
  const { page } = await e.newPage({ width: 360 });
  await loginAs(page, 'samordnare.falun');
  await page.goto(`/program/${programmeId}/rapport`);
  await page.getByRole('heading', { level: 1, name: /Rapport:/ }).waitFor();
  const figure = (label: string) =>
    page.locator('.key-figures > div').filter({ hasText: label }).locator('dd').textContent();
  await expect.poll(() => figure('Har slutfört')).toBe('1');
  expect(await figure('Andel som slutfört')).toMatch(/^100\s*%$/);
  await expectAccessible(page, 'programme report of an imported course');
  return page;
}
