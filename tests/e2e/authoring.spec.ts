import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const field = (page: Page, path: string) => page.locator(`#f-${path.replace(/\./g, '-')}`);
const TITLE = 'Trygg med digitala lås';

describe('a coordinator authors a course', () => {
  it('creates a municipality course, writes a lesson and quiz, publishes, and Falun staff see it', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun');
    // On a phone the main menu sits behind its button.
    await followMenu(page, 'Lärande', 'Författa');
    await page.getByRole('heading', { name: 'Författa kurser', level: 1 }).waitFor();
    await expectAccessible(page, 'authoring list');

    // Bad input first: the error summary lists the field.
    await page.getByRole('button', { name: 'Skapa kurs' }).click();
    await page
      .getByRole('link', { name: 'Kortnamn: Skriv en nyckel med små bokstäver, siffror och bindestreck.' })
      .waitFor();
    await page.getByLabel('Kortnamn').fill('falun-digitala-las');
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Sammanfattning').fill('Så använder vi digitala lås i hemtjänsten.');
    await page.getByRole('button', { name: 'Skapa kurs' }).click();
    await page.getByRole('heading', { name: `Redigera: ${TITLE}`, level: 1 }).waitFor();

    // Keyboard only, one editor form: a language code is checked by the contract and added with Enter.
    await page.getByLabel('Lägg till språk (BCP 47-kod)').focus();
    await page.keyboard.type('Arabiska');
    await page.keyboard.press('Enter');
    const problem = page.getByRole('link', { name: /^Lägg till språk \(BCP 47-kod\): / });
    await problem.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expectAccessible(page, 'course editor with a bad language code');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-language-code');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('fa');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#edit-language').inputValue()).toBe('fa');
    expect(await problem.count()).toBe(0);
    // Not declared after all: publishing would then want every text in Persian too.
    // (Undeclared, Persian leaves the lists: it was only there because the course declared it.)
    await page.locator('#declared-fa').click();
    await expect.poll(() => page.locator('#declared-fa').count()).toBe(0);
    await page.locator('#edit-language').selectOption('sv');

    await page.getByRole('button', { name: 'Lägg till modul' }).click();
    await field(page, 'modules.0.title').fill('Låset i vardagen');
    await field(page, 'modules.0.summary').fill('Hur låset fungerar och vad du gör när det krånglar.');
    await field(page, 'modules.0.lessons.0.title').fill('Så fungerar låset');
    await field(page, 'modules.0.lessons.0.body').fill(
      '## Låset öppnas med mobilen\n\nDu öppnar med **appen**.\n\n- Kvittera besöket\n- Lås efter dig',
    );
    // Live preview of the Markdown.
    await page.getByRole('heading', { name: 'Låset öppnas med mobilen', level: 3 }).waitFor();

    for (let q = 0; q < 3; q++) {
      await page.getByRole('button', { name: /^Lägg till fråga\s*, Modul 1$/ }).click();
      const qp = `modules.0.quiz.questions.${q}`;
      await field(page, `${qp}.prompt`).fill(`Vad gör du efter besök ${q + 1}?`);
      await field(page, `${qp}.options.0.text`).fill('Låser och kvitterar');
      await field(page, `${qp}.options.0.feedback`).fill('Rätt, så blir besöket dokumenterat.');
      await field(page, `${qp}.options.1.text`).fill('Går direkt');
      await field(page, `${qp}.options.1.feedback`).fill('Nej, dörren måste låsas.');
    }
    await field(page, 'modules.0.reflectionQuestions.0').fill(
      'Hur tar ni emot en ny brukare med digitalt lås?',
    );
    await field(page, 'modules.0.reflectionQuestions.1').fill('Vad gör ni när låset inte svarar?');
    await page.getByText('Du har ändringar som inte är sparade.').waitFor();
    await expectAccessible(page, 'course editor with a module');

    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();

    await page.getByRole('button', { name: 'Förhandsgranska som deltagare' }).click();
    await page.getByRole('heading', { name: 'Så ser deltagaren kursen' }).waitFor();
    await expectAccessible(page, 'learner preview');

    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByText('Publicera version 1?').waitFor();
    await page.getByRole('button', { name: 'Ja, publicera' }).click();
    await page.getByText('Version 1 är publicerad.').waitFor();
    await expectAccessible(page, 'course editor after publishing');

    const staff = await e.newPage({ width: 360, height: 740 });
    await loginAs(staff.page, 'personal.falun');
    await staff.page.goto('/utbildning');
    await staff.page.getByRole('heading', { name: 'Mina utbildningar', level: 1 }).waitFor();
    await staff.page.getByText(TITLE).first().waitFor();
    await expectAccessible(staff.page, 'my learning with the new course');
  });
});
