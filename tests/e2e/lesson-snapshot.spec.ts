import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * The installed app opens a lesson it has shown before from the service worker's copy (ADR 0018): the
 * lesson's title and text are in the HTML the worker answers with, before any script has run.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const lessonCopies = () => caches.keys().then((keys) => keys.filter((k) => k.startsWith('vn-lessons-')));

describe('the installed app and a lesson it has shown', () => {
  it('answers the lesson from its copy with the network off, without personal data, and the app takes over', async () => {
    const { context, page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { name: string };

    // The demo staff member's next lesson, online, once the service worker is in charge.
    const mine = (await (await page.request.get('/api/v1/me/learning')).json()) as {
      items: { course: { id: string }; next: { moduleKey: string; lessonKey: string | null } | null }[];
    };
    const next = mine.items.find((i) => i.next?.lessonKey)!;
    const path = `/utbildning/kurser/${next.course.id}/moduler/${next.next!.moduleKey}/lektioner/${next.next!.lessonKey}`;
    await page.goto(path);
    const article = page.locator('article.lesson');
    await article.waitFor();
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    const firstParagraph = await article.locator('p').first().textContent();
    await expect
      .poll(() => page.evaluate((p) => caches.match(p).then((r) => !!r), path), { timeout: 15_000 })
      .toBe(true);

    await context.setOffline(true);
    const response = await page.goto(path);
    expect(response?.fromServiceWorker()).toBe(true);
    const html = (await response?.text()) ?? '';
    const fromHtml = await page.evaluate((doc) => {
      const parsed = new DOMParser().parseFromString(doc, 'text/html');
      return {
        title: parsed.querySelector('#lesson-snapshot h1')?.textContent ?? '',
        text: parsed.querySelector('#lesson-snapshot article.lesson')?.textContent ?? '',
        rootHidden: parsed.getElementById('root')?.hidden,
        scripts: parsed.querySelectorAll('script[type="module"]').length,
      };
    }, html);
    expect(fromHtml.title).toBe(title);
    expect(fromHtml.text).toContain(firstParagraph);
    expect(fromHtml.rootHidden).toBe(true);
    expect(fromHtml.scripts).toBeGreaterThan(0);
    // Course content only: not the person's name, nor their progress.
    expect(html).not.toContain(me.name);
    expect(html).not.toContain('data-testid="sync-status"');

    // The app boots offline (the user and the course from the device) and takes the copy's place.
    await page.getByRole('button', { name: 'Klar, nästa' }).waitFor();
    expect(await page.locator('#lesson-snapshot').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.locator('article.lesson').count()).toBe(1);
    expect(await article.textContent()).toContain(firstParagraph);
    await expectAccessible(page, 'lesson opened offline from the installed app');

    // Logging out forgets the copies with the user.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Meny' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await expect.poll(() => page.evaluate(lessonCopies)).toEqual([]);
  });
});
