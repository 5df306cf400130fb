import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { CMI5_COURSE_ID, cmi5Xml, zipOf } from '../support/course-packages.ts';
import {
  expectReportCountsCompletion,
  falunProgrammeFor,
  takeCertificate,
} from '../support/imported-course-follow-up.ts';

/**
 * A cmi5 course played in the web app (issue 18): the AU is the package's own HTML and JavaScript, run
 * in the sandboxed frame. It reads its launch parameters, fetches its token, reads LMS.LaunchData and
 * sends its statements to /xapi as any cmi5 AU does; the course then counts its module done, the learner
 * gets her certificate and the programme running the course counts her as completed.
 */

let e: E2E;
beforeAll(async () => {
  // The launch URL is absolute (PUBLIC_URL): the server must know the address the browser uses.
  e = await startE2E({ ownAddress: true });
});
afterAll(() => e?.close());

const COURSE = { sv: 'Bemötande vid oro och ilska', en: 'Responding to worry and anger' };
const AU = {
  id: `${CMI5_COURSE_ID}/au/bemotande`,
  title: { sv: 'Att lugna en orolig brukare', en: 'Calming a worried client' },
  url: 'au/index.html',
  moveOn: 'Completed',
};

/**
 * The AU, written as cmi5 §8–§10 asks of one: statements carry the registration, the session id of the
 * context template, the cmi5 category on defined verbs (moveOn on Completed) and durations. It keeps
 * its place in a state document of its own, so a new session (after a reload) resumes there.
 */
const AU_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${AU.title.sv}</title></head>
<body><main>
<h1>${AU.title.sv}</h1>
<p id="page">laddar</p>
<p id="status">startar</p>
<button type="button" id="next" hidden>Nästa sida</button>
<button type="button" id="finish" hidden>Slutför</button>
</main>
<script>
(async function () {
  var show = function (id, text) { document.getElementById(id).textContent = text; };
  try {
    var q = new URLSearchParams(location.search);
    var endpoint = q.get('endpoint');
    var actor = JSON.parse(q.get('actor'));
    var registration = q.get('registration');
    var activityId = q.get('activityId');
    var fetched = await (await fetch(q.get('fetch'), { method: 'POST' })).json();
    var token = fetched['auth-token'];
    if (!token) throw new Error('fetch: ' + JSON.stringify(fetched));
    var headers = { Authorization: 'Basic ' + token, 'X-Experience-API-Version': '1.0.3' };
    var stateUrl = function (stateId) {
      return endpoint + 'activities/state?' + new URLSearchParams({
        activityId: activityId,
        agent: JSON.stringify(actor),
        registration: registration,
        stateId: stateId,
      });
    };
    var launchData = await (await fetch(stateUrl('LMS.LaunchData'), { headers: headers })).json();
    var template = launchData.contextTemplate;
    var cmi5 = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
    var moveOn = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
    var send = async function (verb, result, categories) {
      var statement = {
        actor: actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb },
        object: { id: activityId, objectType: 'Activity' },
        context: {
          registration: registration,
          contextActivities: { grouping: template.contextActivities.grouping, category: categories },
          extensions: template.extensions,
        },
        timestamp: new Date().toISOString(),
      };
      if (result) statement.result = result;
      var res = await fetch(endpoint + 'statements', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
        body: JSON.stringify(statement),
      });
      if (!res.ok) throw new Error(verb + ': ' + res.status + ' ' + (await res.text()));
    };
    await send('initialized', null, [cmi5]);
    if (launchData.moveOn !== 'Completed') throw new Error('moveOn ' + launchData.moveOn);
    var saved = await fetch(stateUrl('bookmark'), { headers: headers });
    var place = saved.status === 200 ? (await saved.json()).page : 1;
    var render = function () {
      show('page', 'Sida ' + place + ' av 2');
      document.getElementById('next').hidden = place !== 1;
      document.getElementById('finish').hidden = place !== 2;
    };
    render();
    show('status', saved.status === 200 ? 'fortsätter' : 'ny');
    document.getElementById('next').addEventListener('click', async function () {
      place = 2;
      var res = await fetch(stateUrl('bookmark'), {
        method: 'PUT',
        headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
        body: JSON.stringify({ page: place }),
      });
      show('status', res.ok ? 'sparat' : 'fel: ' + res.status);
      render();
    });
    document.getElementById('finish').addEventListener('click', async function () {
      try {
        await send('completed', { completion: true, duration: 'PT1M' }, [cmi5, moveOn]);
        await send('terminated', { duration: 'PT1M2S' }, [cmi5]);
        show('status', 'done');
      } catch (err) {
        show('status', 'fel: ' + err.message);
      }
    });
  } catch (err) {
    show('status', 'fel: ' + err.message);
  }
})();
</script>
</body></html>`;

describe('an author imports a cmi5 course and a care worker plays it', () => {
  it('imports it on /forfatta; she plays the AU on a phone, resumes after a reload, completes it and the programme counts it', async () => {
    const { page: authorPage } = await e.newPage();
    await loginAs(authorPage, 'samordnare.falun');
    await authorPage.goto('/forfatta');
    const form = authorPage.getByRole('region', { name: 'Importera en kurs (SCORM eller cmi5)' });
    await form.getByLabel('Paketfil').setInputFiles({
      name: 'bemotande-cmi5.zip',
      mimeType: 'application/zip',
      buffer: zipOf({ 'cmi5.xml': cmi5Xml([AU], COURSE), [AU.url]: AU_PAGE }),
    });
    await form.getByLabel('Målgrupp').selectOption({ label: 'Medarbetare' });
    await form.getByRole('button', { name: 'Importera kursen' }).click();
    await authorPage.getByRole('heading', { name: `Importerad kurs: ${COURSE.sv}`, level: 1 }).waitFor();
    const courseId = /\/forfatta\/kurser\/([0-9a-f-]{36})$/.exec(authorPage.url())?.[1] ?? '';
    expect(courseId).not.toBe('');
    expect(await authorPage.locator('dl.facts dd').allTextContents()).toEqual(['cmi5', '1']);
    await expectAccessible(authorPage, 'imported cmi5 course page');
    const programmeId = await falunProgrammeFor(e, courseId, 'Bemötande i hemtjänsten 2027');

    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    await page.goto(`/utbildning/kurser/${courseId}`);
    await page.getByRole('heading', { name: COURSE.sv, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Starta modulen' }).first().click();
    await page.getByRole('heading', { name: AU.title.sv, level: 1 }).waitFor();

    // The AU ran in the sandboxed frame, fetched its token and read its launch data.
    const frame = page.frameLocator('iframe.package-frame');
    const text = (id: string) => frame.locator(`#${id}`).textContent();
    await expect.poll(() => text('status'), { timeout: 15_000 }).toBe('ny');
    expect(await page.locator('iframe.package-frame').getAttribute('sandbox')).toBe(
      'allow-scripts allow-forms allow-popups allow-modals allow-downloads',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'player with a cmi5 AU');
    await frame.getByRole('button', { name: 'Nästa sida' }).click();
    await expect.poll(() => text('status')).toBe('sparat');

    // A reload is a new session of the same registration: the AU resumes at its bookmark.
    await page.reload();
    await expect.poll(() => text('status'), { timeout: 15_000 }).toBe('fortsätter');
    expect(await text('page')).toBe('Sida 2 av 2');
    await frame.getByRole('button', { name: 'Slutför' }).click();
    await expect.poll(() => text('status')).toBe('done');

    // Back on the course page (in the app, without a reload) the module is done.
    await page.getByRole('link', { name: 'Tillbaka till kursen' }).click();
    await page.getByRole('heading', { name: COURSE.sv, level: 1 }).waitFor();
    await page.getByText('100 % klart').waitFor();
    await page.getByText('Modulen är klar').first().waitFor();
    await expectAccessible(page, 'cmi5 course with its module done');
    await takeCertificate(page, courseId);
    await expectReportCountsCompletion(e, programmeId);
  });
});
