import { sql } from 'drizzle-orm';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { cmi5Zip, DEFAULT_AUS, packageForm, zipOf } from '../support/course-packages.ts';

/**
 * An imported SCORM course on a phone that loses its network (issue 18, ADR 21 "Offline package
 * files"): a SCO that has loaded keeps running offline and its run-time data waits in the outbox, to be
 * taken exactly once when the network returns; a module whose files are not loaded says that it needs
 * the network instead of showing a broken frame, and opens by itself when the network is back. The
 * package's files always come from the network: its sandboxed frame cannot be a client of the app's
 * service worker (sandbox-service-worker.spec.ts).
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

/** A SCO that resumes at `cmi.location`, commits on every page and completes on request. */
const scoPage = (title: string) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="../shared/sco.css"></head>
<body><main><h1>${title}</h1><p id="page">Laddar</p><p id="entry"></p><p id="state"></p>
<button type="button" id="next">Nästa sida</button> <button type="button" id="finish">Slutför modulen</button></main>
<script>
(function () {
  var api = window.API_1484_11 || (window.parent && window.parent.API_1484_11);
  var show = function (id, text) { document.getElementById(id).textContent = text; };
  if (!api || String(api.Initialize('')) !== 'true') { show('state', 'Inget LMS hittades'); return; }
  var place = Number(api.GetValue('cmi.location')) || 1;
  show('entry', 'Start: ' + api.GetValue('cmi.entry'));
  var render = function () { show('page', 'Sida ' + place + ' av 3'); };
  render();
  document.getElementById('next').addEventListener('click', function () {
    place = Math.min(place + 1, 3);
    api.SetValue('cmi.location', String(place));
    api.SetValue('cmi.completion_status', 'incomplete');
    api.SetValue('cmi.exit', 'suspend');
    show('state', api.Commit('') === 'true' ? 'Sparat ' + place : 'Kunde inte spara');
    render();
  });
  document.getElementById('finish').addEventListener('click', function () {
    api.SetValue('cmi.completion_status', 'completed');
    api.SetValue('cmi.success_status', 'passed');
    api.SetValue('cmi.exit', 'normal');
    api.Commit('');
    show('state', api.Terminate('') === 'true' ? 'Modulen är klar' : 'Kunde inte avsluta');
  });
})();
</script></body></html>`;

const MODULES = [
  { identifier: 'FORFLYTT_1', title: 'Förflyttning i säng' },
  { identifier: 'FORFLYTT_2', title: 'Förflyttning till rullstol' },
];
const COURSE = 'Förflyttning utan nätverk';

function offlinePackage(): Buffer {
  const items = MODULES.map(
    (m, i) => `<item identifier="${m.identifier}" identifierref="R${i}"><title>${m.title}</title></item>`,
  ).join('');
  const resources = MODULES.map(
    (_, i) =>
      `<resource identifier="R${i}" type="webcontent" adlcp:scormType="sco" href="sco${i}/index.html"><file href="sco${i}/index.html"/></resource>`,
  ).join('');
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="se.example.forflyttning" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>${COURSE}</title>${items}</organization></organizations>
  <resources>${resources}</resources>
</manifest>`;
  return zipOf({
    'imsmanifest.xml': manifest,
    'shared/sco.css': 'main { padding: 1rem; }',
    'sco0/index.html': scoPage(MODULES[0]!.title),
    'sco1/index.html': scoPage(MODULES[1]!.title),
  });
}

const frameOf = (page: Page): FrameLocator => page.frameLocator('iframe.package-frame');
const frameText = (page: Page, id: string) => frameOf(page).locator(`#${id}`).textContent();
const syncStatus = (page: Page) => page.getByTestId('sync-status').textContent();
const NEEDS_NETWORK = 'Den här modulen behöver nätverk för att öppnas';

describe('a care worker plays an imported course on a phone that loses its network', () => {
  it('keeps a loaded SCO running offline, says which module needs the network, and syncs once', async () => {
    const coordinator = await e.t.as('samordnare.falun');
    const imported = await coordinator.request({
      method: 'POST',
      url: '/api/v1/courses/import',
      ...packageForm(offlinePackage()),
    });
    expect(imported.statusCode).toBe(201);
    const { courseId, modules } = imported.json() as { courseId: string; modules: { key: string }[] };
    const learner = await e.t.as('personal.falun');
    expect((await learner.post('/api/v1/enrolments', { courseId })).statusCode).toBe(200);
    const [enrolment] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from enrolments where course_id = ${courseId}`,
    );
    const enrolmentId = enrolment!.id;

    const { context, page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    // The installed app: its service worker is active and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.goto('/utbildning');
    await page.getByRole('heading', { name: COURSE }).first().waitFor();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    const packageFiles: { url: string; fromWorker: boolean }[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/content')) {
        packageFiles.push({ url: r.url(), fromWorker: r.fromServiceWorker() });
      }
    });
    const player = (key: string) => `/utbildning/kurser/${courseId}/moduler/${key}/spela`;
    // The player page itself comes from the worker (the installed app's shell).
    expect((await page.goto(player(modules[0]!.key)))?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: MODULES[0]!.title, level: 1 }).waitFor();
    await expect.poll(() => frameText(page, 'page')).toBe('Sida 1 av 3');
    expect(await frameText(page, 'entry')).toBe('Start: ab-initio');
    await expect.poll(() => syncStatus(page)).toContain('Allt är sparat.');

    // Offline: the SCO on screen keeps working, and each commit waits in the outbox (the newest
    // replacing the one before).
    await context.setOffline(true);
    await frameOf(page).getByRole('button', { name: 'Nästa sida' }).click();
    await expect.poll(() => frameText(page, 'state')).toBe('Sparat 2');
    await frameOf(page).getByRole('button', { name: 'Nästa sida' }).click();
    await expect.poll(() => frameText(page, 'state')).toBe('Sparat 3');
    await expect.poll(() => syncStatus(page)).toContain('Du är inte uppkopplad.');
    await frameOf(page).getByRole('button', { name: 'Slutför modulen' }).click();
    await expect.poll(() => frameText(page, 'state')).toBe('Modulen är klar');
    await expectAccessible(page, 'player offline with a loaded SCO');

    // The next module's files are not on the phone: the page says so instead of a broken frame.
    await page.getByRole('link', { name: `Nästa: ${MODULES[1]!.title}` }).click();
    await page.getByRole('heading', { name: MODULES[1]!.title, level: 1 }).waitFor();
    await page.getByText(NEEDS_NETWORK).waitFor();
    expect(await page.locator('iframe.package-frame').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'player offline, module not loaded');
    // The installed app opens the player without network too, and says the same.
    await page.reload();
    await page.getByRole('heading', { name: MODULES[1]!.title, level: 1 }).waitFor();
    await page.getByText(NEEDS_NETWORK).waitFor();

    // Nothing reached the server while offline.
    const attemptsOf = () =>
      queryRows<{ module_key: string; commit_seq: number; completion: string }>(
        e.t.db,
        sql`select module_key, commit_seq, completion from scorm_attempts where enrolment_id = ${enrolmentId} order by module_key`,
      );
    const before = await attemptsOf();
    expect(before.every((a) => a.completion !== 'completed')).toBe(true);

    // Back online: the frame takes the notice's place, and the outbox is sent.
    await context.setOffline(false);
    await expect.poll(() => frameText(page, 'page'), { timeout: 15_000 }).toBe('Sida 1 av 3');
    expect(await page.getByText(NEEDS_NETWORK).count()).toBe(0);
    await expect.poll(() => syncStatus(page), { timeout: 15_000 }).toContain('Allt är sparat.');

    const after = await attemptsOf();
    const first = after.find((a) => a.module_key === modules[0]!.key);
    expect(first?.completion).toBe('completed');
    // One attempt, at the last of its commits (two pages, the completion and the end of the session).
    expect(after.filter((a) => a.module_key === modules[0]!.key)).toHaveLength(1);
    expect(first!.commit_seq).toBeGreaterThanOrEqual(3);
    // The module's first completion (passed, here) is one statement in the learning record store.
    const completions = async () => {
      const [row] = await queryRows<{ n: number }>(
        e.t.db,
        sql`select count(*)::int as n from learning_statements
            where enrolment_id = ${enrolmentId} and (verb like '%/completed' or verb like '%/passed')
              and object_id like ${`%/modules/${modules[0]!.key}`}`,
      );
      return row!.n;
    };
    expect(await completions()).toBe(1);
    // A reload sends nothing again: still one completion, and the module counts once.
    await page.reload();
    await expect.poll(() => frameText(page, 'page')).toBe('Sida 1 av 3');
    await expect.poll(() => syncStatus(page)).toContain('Allt är sparat.');
    expect(await completions()).toBe(1);

    // Every file of the package came from the network, none from the app's service worker.
    expect(packageFiles.length).toBeGreaterThan(0);
    expect(packageFiles.filter((f) => f.fromWorker)).toEqual([]);
  });

  it('a cmi5 AU is not launched offline: the player says it needs the network, and launches it when back', async () => {
    const coordinator = await e.t.as('samordnare.falun');
    const imported = await coordinator.request({
      method: 'POST',
      url: '/api/v1/courses/import',
      ...packageForm(cmi5Zip()),
    });
    expect(imported.statusCode).toBe(201);
    const { courseId, modules } = imported.json() as { courseId: string; modules: { key: string }[] };
    const learner = await e.t.as('personal.falun');
    expect((await learner.post('/api/v1/enrolments', { courseId })).statusCode).toBe(200);
    const sessions = async () => {
      const [row] = await queryRows<{ n: number }>(
        e.t.db,
        sql`select count(*)::int as n from cmi5_sessions where au_id = ${DEFAULT_AUS[0]!.id}`,
      );
      return row!.n;
    };

    const { context, page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Online once, so that the course and the enrolment are on the phone.
    await page.goto('/utbildning');
    await page.getByRole('heading', { name: 'Hot och våld' }).first().waitFor();
    await page.goto(`/utbildning/kurser/${courseId}`);
    await page.getByRole('heading', { name: 'Hot och våld', level: 1 }).waitFor();

    await context.setOffline(true);
    await page.goto(`/utbildning/kurser/${courseId}/moduler/${modules[0]!.key}/spela`);
    await page.getByRole('heading', { name: 'Introduktion', level: 1 }).waitFor();
    await page.getByText(NEEDS_NETWORK).waitFor();
    expect(await page.locator('iframe.package-frame').count()).toBe(0);
    expect(await sessions()).toBe(0);
    await expectAccessible(page, 'cmi5 player offline');

    await context.setOffline(false);
    await page.locator('iframe.package-frame').waitFor();
    expect(await page.getByText(NEEDS_NETWORK).count()).toBe(0);
    expect(await sessions()).toBe(1);
  });
});
