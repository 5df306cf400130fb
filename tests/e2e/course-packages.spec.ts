import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { packageForm, zipOf } from '../support/course-packages.ts';
import {
  expectReportCountsCompletion,
  falunProgrammeFor,
  takeCertificate,
} from '../support/imported-course-follow-up.ts';

/**
 * Imported SCORM courses in the browser (issue 18): a coordinator imports a SCORM 2004 package through
 * the authoring pages and replaces it with a new version; a care worker plays it on a phone in the
 * sandboxed frame, resumes where the SCO saved its place and completes the course; a hostile package
 * can neither read the learner's cookie, call the API as the learner, nor navigate the app away.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A SCO of three pages, as an authoring tool's runtime behaves: it looks for the API up its window
 * chain, resumes at `cmi.location`, reports progress on every page and completes on the last one.
 */
const scoPage = (title: string) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>
<body><main>
<h1>${escapeXml(title)}</h1>
<p id="page">Laddar</p>
<p id="entry"></p>
<p id="state"></p>
<button type="button" id="next">Nästa sida</button>
<button type="button" id="finish">Slutför modulen</button>
</main>
<script>
(function () {
  var PAGES = 3;
  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API_1484_11) return win.API_1484_11;
      } catch (e) {}
      if (win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window);
  var show = function (id, text) { document.getElementById(id).textContent = text; };
  if (!api || String(api.Initialize('')) !== 'true') { show('state', 'Inget LMS hittades'); return; }
  var place = Number(api.GetValue('cmi.location')) || 1;
  show('entry', 'Start: ' + api.GetValue('cmi.entry'));
  var render = function () { show('page', 'Sida ' + place + ' av ' + PAGES); };
  render();
  document.getElementById('next').addEventListener('click', function () {
    place = Math.min(place + 1, PAGES);
    api.SetValue('cmi.location', String(place));
    api.SetValue('cmi.completion_status', 'incomplete');
    api.SetValue('cmi.progress_measure', (place / (PAGES + 1)).toFixed(2));
    api.SetValue('cmi.exit', 'suspend');
    show('state', api.Commit('') === 'true' ? 'Sparat' : 'Kunde inte spara');
    render();
  });
  document.getElementById('finish').addEventListener('click', function () {
    api.SetValue('cmi.location', String(PAGES));
    api.SetValue('cmi.progress_measure', '1');
    api.SetValue('cmi.completion_status', 'completed');
    api.SetValue('cmi.success_status', 'passed');
    api.SetValue('cmi.exit', 'normal');
    api.Commit('');
    show('state', api.Terminate('') === 'true' ? 'Modulen är klar' : 'Kunde inte avsluta');
  });
})();
</script>
</body></html>`;

/** A page that tries what a hostile package would, and writes what happened into itself. */
const HOSTILE_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Nyfiken modul</title></head>
<body><main>
<h1>Nyfiken modul</h1>
<p>Kaka: <span id="cookie">väntar</span></p>
<p>Anrop: <span id="fetch">väntar</span></p>
<p>Toppfönster: <span id="top">väntar</span></p>
</main>
<script>
var show = function (id, text) { document.getElementById(id).textContent = text; };
try { show('cookie', 'läst:' + JSON.stringify(document.cookie)); } catch (e) { show('cookie', 'undantag:' + e.name); }
fetch('/api/v1/me', { credentials: 'include' }).then(
  function (res) { return res.text().then(function (body) { show('fetch', 'status:' + res.status + ' ' + body.slice(0, 300)); }); },
  function (e) { show('fetch', 'misslyckades:' + e.name); }
);
try { top.location = '/x'; show('top', 'försökte'); } catch (e) { show('top', 'undantag:' + e.name); }
</script>
</body></html>`;

type Sco = { identifier: string; title: string; html: string };

/** A SCORM 2004 4th edition package with one SCO per entry, each in its own folder. */
function scorm2004(title: string, scos: Sco[]): Buffer {
  const items = scos
    .map(
      (s, i) =>
        `<item identifier="${s.identifier}" identifierref="R${i}"><title>${escapeXml(s.title)}</title></item>`,
    )
    .join('');
  const resources = scos
    .map(
      (_, i) =>
        `<resource identifier="R${i}" type="webcontent" adlcp:scormType="sco" href="sco${i}/index.html"><file href="sco${i}/index.html"/></resource>`,
    )
    .join('');
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="se.example.${title.length}" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>${escapeXml(title)}</title>${items}</organization></organizations>
  <resources>${resources}</resources>
</manifest>`;
  const files: Record<string, string> = { 'imsmanifest.xml': manifest };
  scos.forEach((s, i) => {
    files[`sco${i}/index.html`] = s.html;
  });
  return zipOf(files);
}

const COURSE = 'Säker förflyttning med lyft';
const MODULES = [
  { identifier: 'LYFT_FORE', title: 'Före lyftet' },
  { identifier: 'LYFT_EFTER', title: 'Efter lyftet' },
];
const liftPackage = () =>
  scorm2004(
    COURSE,
    MODULES.map((m) => ({ ...m, html: scoPage(m.title) })),
  );

const frameOf = (page: Page): FrameLocator => page.frameLocator('iframe.package-frame');
const frameText = (page: Page, id: string) => frameOf(page).locator(`#${id}`).textContent();
const allSaved = (page: Page) =>
  expect
    .poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 })
    .toContain('Allt är sparat.');

let courseId = '';

describe('a coordinator imports a SCORM package in the authoring pages', () => {
  it('refuses a file that is no package, imports the package, shows it and takes a new version', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun');
    await page.goto('/forfatta');
    await page.getByRole('heading', { name: 'Importera en kurs (SCORM eller cmi5)', level: 2 }).waitFor();
    await expectAccessible(page, 'authoring list with the import form');
    const form = page.getByRole('region', { name: 'Importera en kurs (SCORM eller cmi5)' });
    const submit = form.getByRole('button', { name: 'Importera kursen' });

    // No file: the summary names the field.
    await submit.click();
    await page.getByRole('link', { name: 'Paketfil: Välj paketfilen att ladda upp.' }).waitFor();
    // Not a package: the server's reason, in words, at the field.
    await form.getByLabel('Paketfil').setInputFiles({
      name: 'anteckningar.zip',
      mimeType: 'application/zip',
      buffer: zipOf({ 'anteckningar.txt': 'Bara text.' }),
    });
    await submit.click();
    await page
      .getByRole('link', { name: /^Paketfil: Filen är varken ett SCORM-paket eller en cmi5-kurs/ })
      .waitFor();
    await expectAccessible(page, 'import form with a refused file');
    // An unsafe zip: its reason in Swedish, the check's own words after it.
    await form.getByLabel('Paketfil').setInputFiles({
      name: 'utanfor.zip',
      mimeType: 'application/zip',
      buffer: zipOf({ 'imsmanifest.xml': '<manifest/>', '../utanfor.txt': 'Utanför.' }),
    });
    await submit.click();
    await page
      .getByRole('link', { name: /En fil i paketet har en sökväg som pekar utanför paketet\./ })
      .waitFor();

    await form.getByLabel('Paketfil').setInputFiles({
      name: 'sakra-lyft.zip',
      mimeType: 'application/zip',
      buffer: liftPackage(),
    });
    await form.getByLabel('Målgrupp').selectOption({ label: 'Medarbetare' });
    await submit.click();
    await page.getByRole('heading', { name: `Importerad kurs: ${COURSE}`, level: 1 }).waitFor();
    courseId = /\/forfatta\/kurser\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(courseId).not.toBe('');
    const facts = page.locator('dl.facts dd');
    expect(await facts.allTextContents()).toEqual(['SCORM 2004', '1']);
    const modules = page
      .getByRole('heading', { name: 'Moduler i paketet (2)' })
      .locator('xpath=following-sibling::ol[1]');
    expect(await modules.getByRole('listitem').allTextContents()).toEqual(MODULES.map((m) => m.title));
    expect(await page.getByRole('link', { name: 'Förhandsgranska som deltagare' }).getAttribute('href')).toBe(
      `/utbildning/kurser/${courseId}`,
    );
    // The lesson editor is not offered for a package.
    expect(await page.getByRole('button', { name: 'Spara utkast' }).count()).toBe(0);
    await expectAccessible(page, 'imported course page');

    // A new version of the same package: published at once.
    await page.getByRole('button', { name: 'Ladda upp den nya versionen' }).click();
    await page.getByText('Välj paketfilen att ladda upp.').first().waitFor();
    // A refused replacement keeps the published version and says why.
    await page.locator('#replace-package-file').setInputFiles({
      name: 'fel.zip',
      mimeType: 'application/zip',
      buffer: zipOf({ 'fel.txt': 'Inget paket.' }),
    });
    await page.getByRole('button', { name: 'Ladda upp den nya versionen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Filen är varken ett SCORM-paket' }).waitFor();
    expect(await facts.allTextContents()).toEqual(['SCORM 2004', '1']);
    await expectAccessible(page, 'imported course page with a refused replacement');
    await page.locator('#replace-package-file').setInputFiles({
      name: 'sakra-lyft-v2.zip',
      mimeType: 'application/zip',
      buffer: liftPackage(),
    });
    await page.getByRole('button', { name: 'Ladda upp den nya versionen' }).click();
    await page.getByText('Version 2 är publicerad.').waitFor();
    await expect.poll(() => facts.allTextContents()).toEqual(['SCORM 2004', '2']);
    await expectAccessible(page, 'imported course page after a new version');
  });
});

describe('a care worker plays the imported course on a phone', () => {
  it('plays module 1, partly offline, resumes where the SCO left off after a reload, completes the course and the programme counts it', async () => {
    expect(courseId).not.toBe('');
    const programmeId = await falunProgrammeFor(e, courseId, 'Lyft i hemtjänsten 2027');
    const { context, page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    await page.goto(`/utbildning/kurser/${courseId}`);
    await page.getByRole('heading', { name: COURSE, level: 1 }).waitFor();
    await expectAccessible(page, 'imported course, learner');
    await page.getByRole('link', { name: 'Starta modulen' }).first().click();
    await page.getByRole('heading', { name: MODULES[0]!.title, level: 1 }).waitFor();

    // Inside the sandboxed frame: the SCO found the API and started a new attempt.
    await expect.poll(() => frameText(page, 'page')).toBe('Sida 1 av 3');
    expect(await frameText(page, 'entry')).toBe('Start: ab-initio');
    await frameOf(page).getByRole('button', { name: 'Nästa sida' }).click();
    await expect.poll(() => frameText(page, 'page')).toBe('Sida 2 av 3');
    expect(await frameText(page, 'state')).toBe('Sparat');
    await allSaved(page);
    // The frame fits the phone: no sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'player with the SCO');

    // Offline, the SCO goes on and its commit waits on the phone until the network is back.
    await context.setOffline(true);
    await frameOf(page).getByRole('button', { name: 'Nästa sida' }).click();
    await expect.poll(() => frameText(page, 'page')).toBe('Sida 3 av 3');
    expect(await frameText(page, 'state')).toBe('Sparat');
    await expect.poll(() => page.getByTestId('sync-status').textContent()).not.toContain('Allt är sparat.');
    await expectAccessible(page, 'player offline with a commit waiting');
    await context.setOffline(false);
    await allSaved(page);

    // A reload resumes the attempt at the location saved offline.
    await page.reload();
    await expect.poll(() => frameText(page, 'entry')).toBe('Start: resume');
    expect(await frameText(page, 'page')).toBe('Sida 3 av 3');

    await frameOf(page).getByRole('button', { name: 'Slutför modulen' }).click();
    await expect.poll(() => frameText(page, 'state')).toBe('Modulen är klar');
    await allSaved(page);
    await page.getByRole('link', { name: `Nästa: ${MODULES[1]!.title}` }).click();
    await page.getByRole('heading', { name: MODULES[1]!.title, level: 1 }).waitFor();
    await expect.poll(() => frameText(page, 'page')).toBe('Sida 1 av 3');
    await frameOf(page).getByRole('button', { name: 'Slutför modulen' }).click();
    await expect.poll(() => frameText(page, 'state')).toBe('Modulen är klar');
    await allSaved(page);

    await takeCertificate(page, courseId);
    await page.goto('/utbildning');
    const completed = page.getByRole('region', { name: 'Avslutade' });
    await completed.getByRole('link', { name: COURSE }).waitFor();
    await expectAccessible(page, 'my learning with the imported course completed');
    await expectReportCountsCompletion(e, programmeId);
  });
});

describe('a hostile package', () => {
  it('cannot read the cookie, call the API as the learner, or navigate the app', async () => {
    const coordinator = await e.t.as('samordnare.falun');
    const imported = await coordinator.request({
      method: 'POST',
      url: '/api/v1/courses/import',
      ...packageForm(
        scorm2004('Nyfiken kurs', [{ identifier: 'NYFIKEN', title: 'Nyfiken modul', html: HOSTILE_PAGE }]),
      ),
    });
    expect(imported.statusCode).toBe(201);
    const { courseId: id, modules } = imported.json() as { courseId: string; modules: { key: string }[] };
    const learner = await e.t.as('personal.falun');
    expect((await learner.post('/api/v1/enrolments', { courseId: id })).statusCode).toBe(200);

    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    const cookies = await page.context().cookies();
    expect(cookies.length).toBeGreaterThan(0);
    const playerUrl = `/utbildning/kurser/${id}/moduler/${modules[0]!.key}/spela`;
    await page.goto(playerUrl);
    await page.getByRole('heading', { name: 'Nyfiken modul', level: 1 }).waitFor();

    await expect.poll(() => frameText(page, 'fetch'), { timeout: 10_000 }).not.toBe('väntar');
    const cookie = (await frameText(page, 'cookie')) ?? '';
    const fetched = (await frameText(page, 'fetch')) ?? '';
    const top = (await frameText(page, 'top')) ?? '';
    // An opaque origin: reading the cookie throws, or there is none to read.
    expect(cookie === 'läst:""' || cookie.startsWith('undantag:'), cookie).toBe(true);
    for (const c of cookies) expect(cookie).not.toContain(c.value);
    // The content policy connects only to the learning record store; and no cookie goes with a request.
    expect(fetched.startsWith('misslyckades:') || !fetched.startsWith('status:200'), fetched).toBe(true);
    expect(fetched).not.toContain('personal.falun');
    expect(top).not.toBe('väntar');
    // The app stayed where it was.
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe(playerUrl);
    await page.getByRole('heading', { name: 'Nyfiken modul', level: 1 }).waitFor();
  });
});
