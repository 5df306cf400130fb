import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { CMI5_COURSE_ID, cmi5Xml, packageForm, zipOf } from '../support/course-packages.ts';

/**
 * A cmi5 course played in the web app (issue 18): the AU is the package's own HTML and JavaScript, run
 * in the sandboxed frame. It reads its launch parameters, fetches its token, reads LMS.LaunchData and
 * sends its statements to /xapi as any cmi5 AU does; the course then counts its module done.
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
 * context template, the cmi5 category on defined verbs (moveOn on Completed) and durations.
 */
const AU_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${AU.title.sv}</title></head>
<body><main>
<h1>${AU.title.sv}</h1>
<p id="status">startar</p>
</main>
<script>
(async function () {
  var show = function (text) { document.getElementById('status').textContent = text; };
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
    var stateQuery = new URLSearchParams({
      activityId: activityId,
      agent: JSON.stringify(actor),
      registration: registration,
      stateId: 'LMS.LaunchData',
    });
    var launchData = await (await fetch(endpoint + 'activities/state?' + stateQuery, { headers: headers })).json();
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
    await send('completed', { completion: true, duration: 'PT1M' }, [cmi5, moveOn]);
    await send('terminated', { duration: 'PT1M2S' }, [cmi5]);
    show('done');
  } catch (err) {
    show('fel: ' + err.message);
  }
})();
</script>
</body></html>`;

describe('a care worker plays a cmi5 course', () => {
  it('enrols, plays the AU on a phone, and the course counts the module done', async () => {
    const coordinator = await e.t.as('samordnare.falun');
    const imported = await coordinator.request({
      method: 'POST',
      url: '/api/v1/courses/import',
      ...packageForm(zipOf({ 'cmi5.xml': cmi5Xml([AU], COURSE), [AU.url]: AU_PAGE })),
    });
    expect(imported.statusCode).toBe(201);
    const { courseId } = imported.json() as { courseId: string };

    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    await page.goto('/utbildning');
    await page.getByRole('button', { name: `Anmäl mig: ${COURSE.sv}`, exact: true }).click();
    await page.getByText(`Du är anmäld till ${COURSE.sv}.`).waitFor();

    await page.goto(`/utbildning/kurser/${courseId}`);
    await page.getByRole('heading', { name: COURSE.sv, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Starta modulen' }).first().click();
    await page.getByRole('heading', { name: AU.title.sv, level: 1 }).waitFor();

    // The AU ran in the sandboxed frame and the learning record store took its statements.
    const status = page.frameLocator('iframe.package-frame').locator('#status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('done');
    expect(await page.locator('iframe.package-frame').getAttribute('sandbox')).toBe(
      'allow-scripts allow-forms allow-popups allow-modals allow-downloads',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'player with a cmi5 AU');

    // Back on the course page (in the app, without a reload) the module is done.
    await page.getByRole('link', { name: 'Tillbaka till kursen' }).click();
    await page.getByRole('heading', { name: COURSE.sv, level: 1 }).waitFor();
    await page.getByText('100 % klart').waitFor();
    await page.getByText('Modulen är klar').first().waitFor();
    await expectAccessible(page, 'cmi5 course with its module done');
  });
});
