import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { upsertReferenceCourse } from '../../src/server/features/learning/courses.repo.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { miniCourse } from '../fixtures/mini-course.ts';
import { demoLogin, type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

let e: E2E;
/** Statements about the test course (the demo data has the learner's other courses too). */
const MINI = '%/courses/testkurs-mini/%';

/** The mini course with an Arabic translation of everything, for right-to-left rendering. */
const arabicCourse = CourseContent.parse({
  ...miniCourse,
  key: 'testkurs-arabiska',
  title: { sv: 'Testkurs på arabiska', ar: 'دورة تجريبية' },
  summary: { sv: 'En kurs med arabisk översättning.', ar: 'دورة مع ترجمة عربية.' },
  languages: ['sv', 'ar'],
  modules: miniCourse.modules.map((m) => ({
    ...m,
    title: { ...m.title, ar: `الوحدة ${m.key}` },
    summary: { ...m.summary, ar: 'ملخص' },
    lessons: m.lessons.map((l) => ({
      ...l,
      title: { ...l.title, ar: `الدرس ${l.key}` },
      body: { ...l.body, ar: '## مرحبا\n\nهذا **نص** باللغة العربية.\n\n- نقطة أولى\n- نقطة ثانية' },
    })),
  })),
});

beforeAll(async () => {
  e = await startE2E();
  const [nation] = await queryRows<{ id: string }>(
    e.t.db,
    sql`select id from organisations where kind = 'nation'`,
  );
  await upsertReferenceCourse(e.t.db, CourseContent.parse(miniCourse), nation!.id);
  await upsertReferenceCourse(e.t.db, arabicCourse, nation!.id);
});
afterAll(() => e?.close());

const syncStatus = (page: Page) => page.getByTestId('sync-status');

/** Answers the three questions; the device cannot tell right from wrong, the server's grading does. */
async function answerQuiz(page: Page, answer: 'Svar A' | 'Svar B', scan = false) {
  for (let q = 1; q <= 3; q++) {
    await page.getByRole('heading', { name: `Fråga ${q} av 3` }).waitFor();
    await page.getByRole('radio', { name: answer }).check();
    if (scan && q === 1) await expectAccessible(page, 'quiz question');
    await page.getByRole('button', { name: q < 3 ? 'Nästa fråga' : 'Skicka svaren' }).click();
  }
}

/** The same quiz, keyboard only: Tab to the first option, Space to choose, Enter to go on. */
async function answerQuizByKeyboard(page: Page, answer: 'Svar A' | 'Svar B') {
  for (let q = 1; q <= 3; q++) {
    await page.getByRole('heading', { name: `Fråga ${q} av 3` }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.keyboard.press('Tab');
    if (answer === 'Svar B') await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: answer }).isChecked()).toBe(true);
    if (q === 1) await expectAccessible(page, 'quiz question');
    await page.keyboard.press('Enter');
  }
}

/** Within the first screen of the page as it is scrolled now (the result heading has focus). */
async function expectFirstScreen(target: Locator) {
  await target.waitFor();
  const box = await target.boundingBox();
  const height = await target.page().evaluate(() => window.innerHeight);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
  expect(box!.y).toBeGreaterThanOrEqual(0);
}

async function expectBefore(first: Locator, then: Locator) {
  const a = (await first.boundingBox())!.y;
  const b = (await then.boundingBox())!.y;
  expect(a).toBeLessThan(b);
}

describe('a staff member takes a course on a phone, partly offline', () => {
  it('enrols, learns, syncs offline work exactly once, passes the quizzes and gets a verifiable certificate', async () => {
    const { context, page } = await e.newPage({ width: 360, height: 740 });
    const sentIds: string[] = [];
    const miniIds = new Set<string>();
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/v1/learning-records')) {
        const body = req.postDataJSON() as { statements: { id: string; object: { id: string } }[] };
        sentIds.push(...body.statements.map((s) => s.id));
        for (const st of body.statements) if (st.object.id.includes('/testkurs-mini/')) miniIds.add(st.id);
      }
    });

    await loginAs(page, 'personal.falun');
    await page.goto('/utbildning');
    await page.getByRole('heading', { name: 'Mina utbildningar', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Kurser du kan anmäla dig till' }).waitFor();
    await expectAccessible(page, 'my learning, before enrolling');

    // Self-enrolment.
    await page.getByRole('button', { name: 'Anmäl mig: Testkurs', exact: true }).click();
    await page.getByText('Du är anmäld till Testkurs.').waitFor();
    await page.getByRole('link', { name: 'Börja: Testkurs', exact: true }).click();

    // Lesson 1 of module 1, online.
    await page.getByRole('heading', { name: 'Lektion 1', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Hej', level: 2 }).waitFor();
    await expectAccessible(page, 'lesson page');
    await page.getByRole('button', { name: 'Klar, nästa' }).click();
    await page.getByRole('heading', { name: 'Lektion 2', level: 1 }).waitFor();
    await expect.poll(() => syncStatus(page).textContent()).toContain('Allt är sparat.');

    // Lesson 2 offline: the statement waits in the queue, and progress shows it.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe(
      'activated',
    );
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Klar, nästa' }).click();
    await page.getByRole('heading', { name: 'Quiz: Modul m1', level: 1 }).waitFor();
    await expect.poll(() => syncStatus(page).textContent()).toContain('1 steg är sparat i telefonen');
    await page.getByRole('link', { name: 'Testkurs' }).click();
    await page.getByRole('heading', { name: 'Testkurs', level: 1 }).waitFor();
    await page.getByText('2 av 2 lektioner klara').waitFor();
    await page.getByText('Du är inte uppkopplad.', { exact: false }).first().waitFor();
    await expectAccessible(page, 'course page offline with a pending event');
    // The installed app opens without network: shell from the service worker, course and queue from IndexedDB.
    await page.reload();
    await page.getByRole('heading', { name: 'Testkurs', level: 1 }).waitFor();
    await page.getByText('2 av 2 lektioner klara').waitFor();
    await expect.poll(() => syncStatus(page).textContent()).toContain('1 steg är sparat i telefonen');
    const [offlineStatementCount] = await queryRows<{ n: number }>(
      e.t.db,
      sql`select count(*)::int as n from learning_statements s join users u on u.id = s.user_id
          where u.email = ${demoLogin('personal.falun').email} and s.object_id like ${MINI}`,
    );
    expect(offlineStatementCount!.n).toBe(1);

    // Back online: the queue is sent and the page says so.
    await context.setOffline(false);
    await expect.poll(() => syncStatus(page).textContent(), { timeout: 15_000 }).toContain('Allt är sparat.');

    // Quiz of module 1: fail once, retry, pass; reflection questions follow.
    await page.getByRole('link', { name: 'Fortsätt' }).click();
    await page.getByRole('heading', { name: 'Quiz: Modul m1', level: 1 }).waitFor();
    // The course on the phone does not say which options are right.
    const [course] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from courses where key = 'testkurs-mini'`,
    );
    const onPhone = await page.evaluate(
      async (id) => (await fetch(`/api/v1/courses/${id}`, { credentials: 'same-origin' })).text(),
      course!.id,
    );
    expect(onPhone).not.toMatch(/"correct"|"feedback"/);
    await answerQuiz(page, 'Svar B');
    await page.getByRole('heading', { name: 'Inte godkänt den här gången' }).waitFor();
    await page.getByText('Du fick 0 av 3 rätt (0 %).').waitFor();
    // The server's feedback: each answer marked, with the explanation and the right answer.
    expect(await page.getByText('Ditt svar – fel.').count()).toBe(3);
    expect(await page.getByText('Rätt svar.').count()).toBe(3);
    await expectAccessible(page, 'quiz result graded by the server');
    // Failed: another try is the first thing after the result, on the first screen of the phone.
    await expectFirstScreen(page.getByRole('button', { name: 'Gör om quizet' }));
    await page.getByRole('button', { name: 'Gör om quizet' }).click();
    await answerQuizByKeyboard(page, 'Svar A');
    await page.getByRole('heading', { name: 'Godkänt!' }).waitFor();
    expect(await page.getByText('Ditt svar – rätt.').count()).toBe(3);
    // Passed: the next module comes first (the next Tab from the result), another try after it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Till nästa modul');
    await expectFirstScreen(page.getByRole('link', { name: 'Till nästa modul' }));
    await expectBefore(
      page.getByRole('link', { name: 'Till nästa modul' }),
      page.getByRole('button', { name: 'Gör om quizet' }),
    );
    await page.getByRole('heading', { name: 'Att prata om på arbetsplatsträffen' }).waitFor();
    await page.getByText('Vad tar du med dig?').waitFor();
    await expectAccessible(page, 'quiz result with reflection questions');

    // Rate the module: without a rating the error summary names what is missing, in the contract's words.
    await page.getByRole('button', { name: 'Skicka omdöme' }).click();
    await page.getByRole('link', { name: 'Betyg: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByLabel('4', { exact: true }).check();
    await page.getByLabel('Kommentar (frivillig)').fill('Bra exempel från hemtjänsten.');
    await page.getByRole('button', { name: 'Skicka omdöme' }).click();
    await page.getByText('Tack! Ditt omdöme är sparat.').waitFor();
    await expectAccessible(page, 'quiz result with a module rating');

    // Module 2, online.
    await page.getByRole('link', { name: 'Till nästa modul' }).click();
    await page.getByRole('heading', { name: 'Lektion 1', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Klar, nästa' }).click();
    await page.getByRole('heading', { name: 'Lektion 2', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Klar, nästa' }).click();
    await page.getByRole('heading', { name: 'Quiz: Modul m2', level: 1 }).waitFor();
    // Taken offline: saved on the phone, graded when the queue arrives, and the result shown then.
    await context.setOffline(true);
    await answerQuiz(page, 'Svar A');
    await page.getByRole('heading', { name: 'Dina svar är skickade' }).waitFor();
    await page.getByText('Du är offline. Svaren är sparade i telefonen', { exact: false }).waitFor();
    await expectAccessible(page, 'quiz answered offline, waiting to be graded');
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Godkänt!' }).waitFor({ timeout: 15_000 });
    await page.getByText('Grattis! Du har gått klart kursen.').waitFor({ timeout: 15_000 });
    await expectFirstScreen(page.getByRole('button', { name: 'Hämta intyg' }));
    await expectBefore(
      page.getByRole('button', { name: 'Hämta intyg' }),
      page.getByRole('button', { name: 'Gör om quizet' }),
    );

    // Every statement the browser sent is stored exactly once, replays included.
    await expect.poll(() => syncStatus(page).textContent()).toContain('Allt är sparat.');
    const stored = await queryRows<{ id: string; verb: string; success: boolean | null }>(
      e.t.db,
      sql`select s.id, s.verb, (s.result->>'success')::boolean as success
          from learning_statements s join users u on u.id = s.user_id
          where u.email = ${demoLogin('personal.falun').email} and s.object_id like ${MINI}`,
    );
    const distinctSent = [...new Set(sentIds.filter((id) => miniIds.has(id)))];
    expect(stored.map((s) => s.id).sort()).toEqual(distinctSent.sort());
    expect(new Set(stored.map((s) => s.id)).size).toBe(stored.length);
    // 4 lessons and 3 quiz attempts, graded by the server: 1 failed, 2 passed. No pass is claimed.
    expect(stored.filter((s) => s.verb.endsWith('/completed'))).toHaveLength(7);
    expect(stored.filter((s) => s.success === false)).toHaveLength(1);
    expect(stored.filter((s) => s.success === true)).toHaveLength(2);
    expect(stored.filter((s) => /\/(passed|failed|answered)$/.test(s.verb))).toHaveLength(0);

    // The certificate.
    await page.getByRole('button', { name: 'Hämta intyg' }).click();
    await page.getByRole('heading', { name: 'Intyg', level: 1 }).waitFor();
    await page.getByText('Amir Haddad', { exact: true }).waitFor();
    const code = (await page.locator('.certificate-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // It names the public check page, where the code is typed; the link fills the code in.
    expect(await page.getByRole('link', { name: /\/intyg$/ }).getAttribute('href')).toBe(`/intyg/${code}`);
    await expectAccessible(page, 'my certificate');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner som PDF på svenska' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await download.createReadStream();
    const head = await new Promise<string>((resolve) =>
      pdf.once('data', (c: Buffer) => resolve(c.toString('latin1', 0, 5))),
    );
    expect(head).toBe('%PDF-');

    // My learning lists the course as completed.
    await followMenu(page, 'Lärande', 'Mina utbildningar');
    await page.getByRole('heading', { name: 'Avslutade' }).waitFor();
    await page.getByRole('link', { name: 'Visa intyg' }).waitFor();
    await expectAccessible(page, 'my learning with a completed course');

    // The course's authors (here the national administrator) see the rating, the comment without a
    // name, and which questions were missed.
    const author = await e.newPage();
    await loginAs(author.page, 'admin');
    const [mini] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from courses where key = 'testkurs-mini'`,
    );
    await author.page.goto(`/utbildning/kurser/${mini!.id}/aterkoppling`);
    await author.page.getByRole('heading', { name: 'Återkoppling från deltagarna', level: 1 }).waitFor();
    const overview = author.page.getByRole('table', { name: 'Betyg per modul' });
    await overview
      .getByRole('row', { name: /Modul m1/ })
      .getByText('4 av 5')
      .waitFor();
    await author.page.getByText('Bra exempel från hemtjänsten.').waitFor();
    expect(await author.page.getByText('Amir Haddad').count()).toBe(0);
    const questions = author.page.getByRole('table', { name: 'Quizfrågor i Modul m1' });
    await questions
      .getByRole('row', { name: /Fråga q1/ })
      .getByText('50 %')
      .waitFor();
    await expectAccessible(author.page, 'course feedback for its authors');

    // Anyone can verify it, without logging in.
    const visitor = await e.newPage({ width: 360 });
    await visitor.page.goto(`/intyg/${code}`);
    await visitor.page.getByRole('heading', { name: 'Intyget är giltigt' }).waitFor();
    await visitor.page.getByText('Amir Haddad', { exact: true }).waitFor();
    await visitor.page.getByText('Testkurs').first().waitFor();
    await expectAccessible(visitor.page, 'public certificate verification');
    await visitor.page.goto('/intyg/AAAA-BBBB-CCCC');
    await visitor.page.getByRole('heading', { name: 'Intyget hittades inte' }).waitFor();
    await expectAccessible(visitor.page, 'public verification of an unknown code');
  });
});

describe('course languages', () => {
  it('shows a course in Arabic right to left and remembers the choice', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'personal.falun');
    await page.goto('/utbildning');
    await page.getByRole('button', { name: 'Anmäl mig: Testkurs på arabiska', exact: true }).click();
    await page.getByText('Du är anmäld till Testkurs på arabiska.').waitFor();
    await page.getByRole('link', { name: 'Testkurs på arabiska' }).first().click();
    await page.getByRole('heading', { name: 'Testkurs på arabiska', level: 1 }).waitFor();
    // The course's language is its own control, apart from the website's language in the header.
    await page.getByLabel('Kursens språk').selectOption('ar');
    await page.getByText('Kursens språk är sparat på ditt konto.').waitFor();
    await page.getByRole('heading', { name: 'دورة تجريبية', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('dir')).toBe('rtl');
    await expectAccessible(page, 'course page in Arabic');

    await page.getByRole('link', { name: 'الدرس l1' }).first().click();
    const article = page.locator('article.lesson');
    await article.getByRole('heading', { name: 'مرحبا' }).waitFor();
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.getAttribute('lang')).toBe('ar');
    await expectAccessible(page, 'lesson in Arabic');

    // The choice is remembered on the account: after a reload, and on another device.
    await page.reload();
    await page.getByRole('heading', { name: 'الدرس l1', level: 1 }).waitFor();
    const lessonUrl = page.url();
    const other = await e.newPage({ width: 360 });
    await loginAs(other.page, 'personal.falun');
    await other.page.goto(lessonUrl);
    await other.page.getByRole('heading', { name: 'الدرس l1', level: 1 }).waitFor();
    expect(await other.page.getByLabel('Kursens språk').inputValue()).toBe('ar');

    // English for the Swedish/English course; plain Swedish would fall back to Swedish.
    await page.goto('/utbildning');
    await page
      .getByRole('link', { name: /Test course|Testkurs/ })
      .first()
      .waitFor();
  });
});
