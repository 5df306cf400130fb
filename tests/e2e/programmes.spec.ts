import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('programmes and the funder report', () => {
  it('the Akademi Norr coordinator opens the programme, reads the report and downloads the CSV', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'samordnare.akademinorr');
    await page.goto('/program');
    await page.getByRole('heading', { level: 1, name: 'Utbildningsprogram' }).waitFor();
    await expectAccessible(page, 'programme list');
    await page.getByRole('link', { name: /Välfärdsteknologi i omsorgen/ }).click();
    await page.getByRole('heading', { level: 1, name: /Välfärdsteknologi i omsorgen/ }).waitFor();
    await page.getByText('Om programmet').waitFor();
    await expectAccessible(page, 'programme page');
    // The programme owner may read what participants think of its courses.
    await page
      .getByRole('link', { name: /^Återkoppling från deltagarna: / })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Återkoppling från deltagarna' }).waitFor();
    await page.getByRole('table', { name: 'Betyg per modul' }).waitFor();
    await expectAccessible(page, 'course feedback for a programme owner');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /Välfärdsteknologi i omsorgen/ }).waitFor();

    await page.getByRole('link', { name: 'Visa rapport' }).click();
    await page.getByRole('heading', { level: 1, name: /Rapport:/ }).waitFor();
    await expect.poll(() => page.locator('.key-figures dd').first().textContent()).toMatch(/^460\s*\//);
    await page.getByRole('table', { name: 'Per kommun' }).waitFor();
    await expectAccessible(page, 'programme report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner CSV' }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split(/\r?\n/);
    // The report opens with the heading of its first table, then that table's header line.
    expect(lines[0]).toMatch(/^Sammanfattning/);
    expect(lines.some((l) => /;/.test(l))).toBe(true);
  });
});

describe('study groups', () => {
  it('chef.falun records attendance and a note at the study group meeting', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'chef.falun');
    await page.goto('/studiegrupper');
    await page.getByRole('heading', { level: 1, name: 'Studiegrupper' }).waitFor();
    await page.getByRole('table', { name: 'Studiegrupper' }).waitFor();
    await expectAccessible(page, 'study groups');
    await page.getByRole('link', { name: /Studiecirkel välfärdsteknik/ }).click();
    await page.getByRole('heading', { level: 1, name: /Studiecirkel välfärdsteknik/ }).waitFor();
    await page.getByRole('heading', { name: 'Planera en träff' }).waitFor();
    await expectAccessible(page, 'study group');

    const meeting = page.locator('article.meeting').first();
    await meeting.getByText('Reflektionsfrågor').waitFor();
    const boxes = meeting.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(1);
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await meeting.getByLabel('Kort anteckning').fill('Alla var med. Vi provar digital tillsyn på natten.');
    await meeting.getByRole('button', { name: 'Spara närvaro' }).click();
    await meeting.getByText('Närvaron är sparad.').waitFor();
    await expectAccessible(page, 'study group after saving attendance');

    await page.reload();
    const again = page.locator('article.meeting').first();
    await expect.poll(() => again.getByLabel('Kort anteckning').inputValue()).toContain('digital tillsyn');
    const checked = await again
      .getByRole('checkbox')
      .evaluateAll((els) => els.every((el) => (el as HTMLInputElement).checked));
    expect(checked).toBe(true);
  });
});

describe('study group meetings', () => {
  it('chef.falun moves the next meeting to another room and then cancels it', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'chef.falun');
    await page.goto('/studiegrupper');
    await page.getByRole('link', { name: /Studiecirkel välfärdsteknik/ }).click();
    await page.getByRole('heading', { level: 1, name: /Studiecirkel välfärdsteknik/ }).waitFor();
    // The future meeting offers no attendance yet, only a change or a cancellation.
    const next = page.locator('article.meeting').last();
    await next.getByText('Närvaro kan registreras när träffen har börjat.').waitFor();
    expect(await next.getByRole('button', { name: 'Spara närvaro' }).count()).toBe(0);
    await next.getByText('Ändra träffen').click();
    await next.getByLabel('Plats').fill('Stora rummet');
    await next.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.getByText(/^Träffen är ändrad\./).waitFor();
    await page.getByText(/Plats: Stora rummet/).waitFor();
    await expectAccessible(page, 'study group after changing a meeting');
    page.once('dialog', (d) => void d.accept());
    await page.locator('article.meeting').last().getByRole('button', { name: 'Ställ in träffen' }).click();
    await page.locator('article.meeting').last().getByText('Inställd', { exact: true }).waitFor();
    await expectAccessible(page, 'study group with a cancelled meeting');
  });
});

describe('enrolling by search', () => {
  it('the programme owner finds people of the member municipalities and enrols one', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'samordnare.akademinorr');
    await page.goto('/program');
    await page.getByRole('link', { name: /Välfärdsteknologi i omsorgen/ }).click();
    await page.getByRole('heading', { level: 1, name: /Välfärdsteknologi i omsorgen/ }).waitFor();
    const panel = page.getByRole('region', { name: 'Skriv in personer' });
    await page.getByLabel('Sök namn eller e-post').fill('an');
    await expect.poll(() => panel.getByRole('checkbox').count()).toBeGreaterThan(1);
    const labels = await panel.locator('label').allTextContents();
    const free = labels.findIndex((l) => !l.includes('redan inskriven'));
    await panel.getByRole('checkbox').nth(Math.max(0, free)).check();
    await panel.getByRole('button', { name: 'Skriv in 1 person' }).click();
    await page.getByText(/nya inskrivningar, \d+ fanns redan\./).waitFor();
    await expectAccessible(page, 'programme enrolment by search');
  });
});

describe('team report', () => {
  it('chef.falun goes from the study groups to the team page of Hemtjänsten Norr', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'chef.falun');
    await page.goto('/studiegrupper');
    await page.getByRole('link', { name: /Utbildning i Hemtjänsten Norr/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt team' }).waitFor();
    await page.getByRole('table', { name: 'Medarbetare och deras utbildning' }).waitFor();
    expect(
      await page.getByRole('table', { name: 'Medarbetare och deras utbildning' }).getByRole('row').count(),
    ).toBeGreaterThan(2);
    await expectAccessible(page, 'team page');
  });
});

describe('setting up a programme', () => {
  it('the Dalarna regional coordinator creates a programme for three municipalities with a staff course', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'region.dalarna');
    await page.goto('/program');
    await page.getByRole('link', { name: 'Nytt program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt utbildningsprogram' }).waitFor();
    await expectAccessible(page, 'new programme form');

    // Nothing filled in: the summary lists what is missing, and nothing is created.
    await page.getByRole('button', { name: 'Skapa programmet' }).click();
    await page.getByRole('link', { name: 'Program: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByRole('link', { name: 'Deltagande kommuner: Välj minst en kommun.' }).waitFor();
    await expectAccessible(page, 'new programme form with errors');

    await page.getByLabel('Program', { exact: true }).fill('Digitalt stöd i Västerdalarna');
    await page.getByLabel('Startdatum').fill('2027-01-15');
    await page.getByLabel('Slutdatum').fill('2027-12-15');
    await page.getByLabel('Mål, antal deltagare').fill('120');
    for (const m of ['Malung-Sälen', 'Vansbro', 'Älvdalen'])
      await page.getByLabel(m, { exact: true }).check();
    await page
      .getByLabel('Medarbetare', { exact: true })
      .selectOption({ label: 'Välfärdsteknik i vardagen' });
    await page.getByLabel('ESF-projektnummer').fill('2027/00042');
    await page.getByRole('button', { name: 'Skapa programmet' }).click();

    await page.getByRole('heading', { level: 1, name: 'Digitalt stöd i Västerdalarna' }).waitFor();
    await page.getByText('2027/00042').waitFor();
    for (const m of ['Malung-Sälen', 'Vansbro', 'Älvdalen']) await page.getByText(m).first().waitFor();
    await page.getByRole('link', { name: 'Välfärdsteknik i vardagen' }).first().waitFor();
    await expectAccessible(page, 'the new programme');
  });
});
