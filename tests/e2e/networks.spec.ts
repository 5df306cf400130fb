import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DALARNA_REFERENCE_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('networks and groups', () => {
  it('the Dalarna coordinator sees the uncovered municipalities, invites a member and records minutes', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'region.dalarna');
    await page.goto('/natverk');
    await page.getByRole('heading', { level: 1, name: 'Nätverk och grupper' }).waitFor();
    await expectAccessible(page, 'networks list');
    await page.getByRole('link', { name: DALARNA_REFERENCE_GROUP }).click();
    await page.getByRole('heading', { level: 1, name: DALARNA_REFERENCE_GROUP }).waitFor();

    await page.getByRole('heading', { level: 2, name: 'Kommuner utan representant' }).waitFor();
    await page.getByText('3 av 15 kommuner saknar representant.').waitFor();
    const uncovered = page.getByRole('table', {
      name: `Kommuner utan representant i ${DALARNA_REFERENCE_GROUP}`,
    });
    expect(await uncovered.locator('tbody th').allTextContents()).toEqual([
      'Smedjebacken',
      'Vansbro',
      'Älvdalen',
    ]);
    await expectAccessible(page, 'reference group');

    // Invite a representative for Vansbro by e-mail.
    await page.getByLabel('E-postadress', { exact: true }).fill('vansbro.representant@exempel.se');
    await page.getByLabel('Namn', { exact: true }).fill('Vera Vansbro');
    await page
      .getByLabel('Representerar (kommun eller region)', { exact: true })
      .selectOption({ label: 'Vansbro' });
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByText('Vera Vansbro har fått en inbjudan via e-post.').waitFor();
    const members = page.getByRole('table', { name: `Medlemmar i ${DALARNA_REFERENCE_GROUP}` });
    await members
      .getByRole('row', { name: /Vera Vansbro/ })
      .getByText('Inbjuden')
      .waitFor();
    await expectAccessible(page, 'reference group after inviting');

    // The invitation link from the e-mail makes her a member; Vansbro is then covered.
    const [mail] = await queryRows<{ text: string }>(
      e.t.db,
      sql`select text from outbox where "to" = 'vansbro.representant@exempel.se'`,
    );
    const link = /\/natverk\/inbjudan\/[A-Za-z0-9_-]+/.exec(mail!.text)![0];
    const invitee = await e.newPage({ width: 360, height: 740 });
    await invitee.page.goto(link);
    await invitee.page
      .getByRole('heading', { level: 1, name: `Inbjudan till ${DALARNA_REFERENCE_GROUP}` })
      .waitFor();
    await expectAccessible(invitee.page, 'network invitation');
    await invitee.page.getByRole('button', { name: 'Tacka ja' }).click();
    await invitee.page.getByText(`Tack! Du är nu med i ${DALARNA_REFERENCE_GROUP}.`).waitFor();
    await expectAccessible(invitee.page, 'network invitation accepted');
    await page.reload();
    await page.getByText('2 av 15 kommuner saknar representant.').waitFor();

    // Minutes, a decision and attendance for the group's meeting.
    await page.getByRole('link', { name: 'Referensgruppen – erfarenhetsutbyte digitala lås' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Referensgruppen – erfarenhetsutbyte digitala lås' })
      .waitFor();
    await expectAccessible(page, 'meeting');
    await page
      .getByLabel('Protokoll', { exact: true })
      .fill('Kommunerna delade erfarenheter av digitala lås.');
    await page.getByLabel('Beslut', { exact: true }).fill('Falun delar sin rutin.\nNästa möte i mars.');
    await page.getByLabel('Helena Frost', { exact: true }).check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Mötet är sparat.').waitFor();
    await expectAccessible(page, 'meeting after saving');
    const [saved] = await queryRows<{ minutes: string; decisions: string[] }>(
      e.t.db,
      sql`select minutes, decisions from network_meetings where title = 'Referensgruppen – erfarenhetsutbyte digitala lås'`,
    );
    expect(saved).toEqual({
      minutes: 'Kommunerna delade erfarenheter av digitala lås.',
      decisions: ['Falun delar sin rutin.', 'Nästa möte i mars.'],
    });

    // The open conference's participant list, for the region that runs it.
    await page.getByRole('link', { name: `Tillbaka till ${DALARNA_REFERENCE_GROUP}` }).click();
    await page.getByRole('link', { name: 'Regional konferens: Välfärdsteknik i Dalarna' }).click();
    await page.getByRole('heading', { level: 2, name: 'Anmälda deltagare' }).waitFor();
    await page.getByText('6 av 80 platser bokade.').waitFor();
    await expectAccessible(page, 'open event with participants');
  });

  // A plain meeting, not an open event: the tests below take the demo's open event as the only one.
  it('plans a meeting: what is missing is named, typed work is not lost by leaving, the saved message takes focus', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'region.dalarna');
    await page.goto('/natverk');
    await page.getByRole('link', { name: DALARNA_REFERENCE_GROUP }).click();
    const form = page.getByRole('form', { name: 'Nytt möte eller evenemang' });
    await form.getByRole('button', { name: 'Skapa' }).click();
    await form.getByRole('link', { name: 'Rubrik: Uppgiften måste fyllas i.' }).waitFor();
    await form.getByRole('link', { name: 'Börjar: Uppgiften måste fyllas i.' }).waitFor();
    await expectAccessible(page, 'new meeting with errors');

    await form.getByLabel('Rubrik').fill('Arbetsmöte om digitala lås');
    await page.getByRole('link', { name: 'Referensgruppen – erfarenhetsutbyte digitala lås' }).click();
    const dialog = page.getByRole('dialog', { name: 'Du har ändringar som inte är sparade' });
    await dialog.waitFor();
    await expectAccessible(page, 'leaving unsaved work');
    await dialog.getByRole('button', { name: 'Stanna kvar och spara' }).click();
    expect(await form.getByLabel('Rubrik').inputValue()).toBe('Arbetsmöte om digitala lås');

    await form.getByLabel('Börjar').fill('2027-03-01T09:00');
    await form.getByLabel('Länk för digitalt deltagande').fill('exempel.se/mote');
    await form.getByRole('button', { name: 'Skapa' }).click();
    await form.getByRole('link', { name: 'Länk för digitalt deltagande: Värdet har fel format.' }).waitFor();
    await form.getByLabel('Länk för digitalt deltagande').fill('https://exempel.se/mote');
    await form.getByRole('button', { name: 'Skapa' }).click();
    await form.getByText('Arbetsmöte om digitala lås är skapat.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Arbetsmöte om digitala lås är skapat.',
    );
    await page.getByRole('link', { name: 'Arbetsmöte om digitala lås' }).waitFor();
    await expectAccessible(page, 'meeting planned');
  });

  it('a coordinator creates a group with a coverage area', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna');
    await page.goto('/natverk/nytt');
    await page.getByRole('heading', { level: 1, name: 'Nytt nätverk eller ny grupp' }).waitFor();
    await page.getByRole('button', { name: 'Skapa' }).click();
    await page.getByRole('link', { name: 'Namn: Uppgiften måste fyllas i.' }).waitFor();
    await expectAccessible(page, 'new network with an error');
    await page.getByLabel('Namn', { exact: true }).fill('Projektgrupp trygghetslarm');
    await page.getByLabel('Typ av grupp', { exact: true }).selectOption({ label: 'Projektgrupp' });
    await page
      .getByLabel('Gruppen ska ha representanter från varje kommun i Region Dalarna', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Skapa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projektgrupp trygghetslarm' }).waitFor();
    await page.getByText('15 av 15 kommuner saknar representant.').waitFor();
    await expectAccessible(page, 'new project group');

    // Its details change later: no coverage, a purpose.
    await page.getByRole('link', { name: 'Ändra gruppens uppgifter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra: Projektgrupp trygghetslarm' }).waitFor();
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Projektgrupp trygghetslarm');
    await expectAccessible(page, 'editing a group');
    await page
      .getByLabel('Syfte', { exact: true })
      .fill('Byter alla analoga larm till digitala före årsskiftet.');
    await page
      .getByLabel('Gruppen ska ha representanter från varje kommun i Region Dalarna', { exact: true })
      .uncheck();
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projektgrupp trygghetslarm' }).waitFor();
    await page.getByText('Byter alla analoga larm till digitala före årsskiftet.').waitFor();
    expect(await page.getByText('kommuner saknar representant').count()).toBe(0);

    // A member of the reference group who does not run it reads it, without the link.
    const member = await e.newPage();
    await loginAs(member.page, 'samordnare.falun');
    await member.page.goto('/natverk');
    await member.page.getByRole('link', { name: DALARNA_REFERENCE_GROUP }).click();
    await member.page.getByRole('heading', { level: 1, name: DALARNA_REFERENCE_GROUP }).waitFor();
    expect(await member.page.getByRole('link', { name: 'Ändra gruppens uppgifter' }).count()).toBe(0);
  });

  it('a visitor registers for the open conference without logging in', async () => {
    const [event] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from network_meetings where is_open_event limit 1`,
    );
    const { page } = await e.newPage({ width: 360, height: 740 });
    await page.goto(`/evenemang/${event!.id}`);
    await page
      .getByRole('heading', { level: 1, name: 'Regional konferens: Välfärdsteknik i Dalarna' })
      .waitFor();
    await page.getByText('Platser kvar: 74 av 80').waitFor();
    await expectAccessible(page, 'public event page');
    await page.getByRole('button', { name: 'Anmäl mig' }).click();
    await page.getByRole('link', { name: 'Namn: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByRole('link', { name: 'E-postadress: Ange en giltig e-postadress.' }).waitFor();
    await expectAccessible(page, 'registration with errors');
    await page.getByLabel('Namn', { exact: true }).fill('Greta Besökare');
    await page.getByLabel('E-postadress', { exact: true }).fill('greta@exempel.se');
    await page.getByLabel('Organisation', { exact: true }).fill('Gagnefs kommun');
    await page.getByLabel('Digitalt', { exact: true }).check();
    await page.getByRole('button', { name: 'Anmäl mig' }).click();
    await page.getByText('Tack, du är anmäld! En bekräftelse har skickats till greta@exempel.se.').waitFor();
    await page.getByText('Platser kvar: 73 av 80').waitFor();
    await expectAccessible(page, 'registered');

    // The same address again is refused with a clear message.
    const again = await e.newPage();
    await again.page.goto(`/evenemang/${event!.id}`);
    await again.page.getByLabel('Namn', { exact: true }).fill('Greta Besökare');
    await again.page.getByLabel('E-postadress', { exact: true }).fill('GRETA@exempel.se');
    await again.page.getByRole('button', { name: 'Anmäl mig' }).click();
    await again.page.getByText('Den e-postadressen är redan anmäld till evenemanget.').first().waitFor();
    await expectAccessible(again.page, 'duplicate registration');
  });

  it('shows a clear message when the event is full', async () => {
    const [event] = await queryRows<{ id: string }>(
      e.t.db,
      sql`update network_meetings set capacity = (select count(*) from event_registrations r
            where r.meeting_id = network_meetings.id and r.cancelled_at is null)
          where is_open_event returning id`,
    );
    const { page } = await e.newPage({ width: 360, height: 740 });
    await page.goto(`/evenemang/${event!.id}`);
    await page.getByText('Evenemanget är fullbokat. Det finns inga platser kvar.').waitFor();
    expect(await page.getByRole('button', { name: 'Anmäl mig' }).count()).toBe(0);
    await expectAccessible(page, 'full event');
  });
});
