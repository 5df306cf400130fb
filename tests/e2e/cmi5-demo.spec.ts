import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { CMI5_DEMO_COURSE_KEY } from '../../src/server/db/demo/cmi5-demo.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * The demo's cmi5 course (cmi5-demo.ts) played by the demo care worker on a phone: each AU is the
 * package's own page in the sandboxed frame, fetching its credential and reporting to /xapi; reading
 * the first and passing the check of the second finishes the course.
 */

let e: E2E;
beforeAll(async () => {
  // The launch URL is absolute (PUBLIC_URL): the server must know the address the browser uses.
  e = await startE2E({ ownAddress: true });
});
afterAll(() => e?.close());

const TITLE = 'Digital tillsyn nattetid';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

describe('the demo cmi5 course', () => {
  it('is read and passed on a 360-px phone, and the course counts both modules', async () => {
    const [course] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id::text as id from courses where key = ${CMI5_DEMO_COURSE_KEY}`,
    );
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    await page.goto(`/utbildning/kurser/${course!.id}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // AU 1: three pages, Klar on the last one completes it and ends the session.
    await page.getByRole('link', { name: 'Starta modulen' }).first().click();
    const frame = page.frameLocator('iframe.package-frame');
    await frame.getByRole('heading', { name: 'Tillsyn utan att väcka', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await frame.getByRole('button', { name: 'Nästa' }).click();
    await frame.getByRole('button', { name: 'Nästa' }).click();
    await frame.getByRole('heading', { name: 'Personen bestämmer', level: 2 }).waitFor();
    await frame.getByRole('button', { name: 'Klar' }).click();
    await frame.getByText('Avsnittet är klart. Du kan gå tillbaka till kursen.').waitFor();
    expect(await frame.locator('#note').isHidden()).toBe(true);
    await expectAccessible(page, 'demo cmi5 AU');
    await page.goto(`/utbildning/kurser/${course!.id}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText('50 % klart').waitFor();

    // AU 2: the case, then the check; two right answers of three pass (mastery score 0.67).
    await page.getByRole('link', { name: 'Starta modulen' }).first().click();
    await frame.getByRole('heading', { name: 'Fallet: Gunnar, 91 år', level: 2 }).waitFor();
    await frame.getByRole('button', { name: 'Nästa' }).click();
    await frame.getByRole('button', { name: 'Klar' }).click();
    await frame.getByText('Svara på alla frågor innan du trycker på Klar.').waitFor();
    await frame.getByLabel('Tar kontakt med Gunnar och åker dit om han inte svarar').check();
    await frame.getByLabel('Ljud och bild från sovrummet').check();
    await frame.getByLabel('Han kan ändra sig, och tillsynen görs med besök').check();
    await frame.getByRole('button', { name: 'Klar' }).click();
    await frame.getByText('Du fick 2 av 3 rätt. Godkänt – bra jobbat!').waitFor();
    expect(await frame.locator('#note').isHidden()).toBe(true);
    await expectAccessible(page, 'demo cmi5 check marked');

    await page.getByRole('link', { name: 'Tillbaka till kursen' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText('100 % klart').waitFor();

    // What the AUs sent (and the LMS recorded), each statement with its session id (cmi5 §9.6.3.1).
    const rows = await queryRows<{ verb: string; session: string | null }>(
      e.t.db,
      sql`select s.verb, s.statement->'context'->'extensions'->>${SESSION_ID} as session
          from learning_statements s join cmi5_registrations r on r.registration = s.registration
          where r.course_id = ${course!.id}`,
    );
    const count = (verb: string) => rows.filter((r) => r.verb.endsWith(`/${verb}`)).length;
    expect(['launched', 'initialized', 'completed', 'terminated'].map(count)).toEqual([2, 2, 2, 2]);
    expect([count('passed'), count('failed'), count('satisfied')]).toEqual([1, 0, 1]);
    expect(rows.every((r) => r.session)).toBe(true);
  });
});
