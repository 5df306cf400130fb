import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { packageForm, scorm12Zip } from '../support/course-packages.ts';

/**
 * A SCORM 1.2 course in the browser (issue 18), the way Storyline and Captivate export one: a single
 * SCO that looks for `window.API` up its window chain, reads the mastery score the manifest gives,
 * reports "completed" with a raw score and finishes. The LMS decides "passed" from the mastery score
 * (RTE 3.4.4), and the course counts the module done with its score.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const TITLE = 'Brandsäkerhet i hemtjänsten';

const SCO_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><main>
<h1>${TITLE}</h1>
<p id="mastery">väntar</p>
<p id="state">väntar</p>
<button type="button" id="finish">Skicka provet</button>
</main>
<script>
(function () {
  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API) return win.API;
      } catch (e) {}
      if (win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var show = function (id, text) { document.getElementById(id).textContent = text; };
  var api = findApi(window);
  if (!api || String(api.LMSInitialize('')) !== 'true') { show('state', 'Inget LMS hittades'); return; }
  show('mastery', 'Gräns: ' + api.LMSGetValue('cmi.student_data.mastery_score'));
  show('state', 'Status: ' + api.LMSGetValue('cmi.core.lesson_status'));
  document.getElementById('finish').addEventListener('click', function () {
    api.LMSSetValue('cmi.core.score.raw', '85');
    api.LMSSetValue('cmi.core.score.min', '0');
    api.LMSSetValue('cmi.core.score.max', '100');
    api.LMSSetValue('cmi.core.lesson_status', 'completed');
    api.LMSSetValue('cmi.core.session_time', '00:04:30');
    api.LMSCommit('');
    show('state', api.LMSFinish('') === 'true' ? 'Klart' : 'Fel ' + api.LMSGetLastError());
  });
})();
</script>
</body></html>`;

describe('a SCORM 1.2 course', () => {
  it('plays on a phone, and the mastery score turns its completion and score into a pass', async () => {
    const coordinator = await e.t.as('samordnare.falun');
    const imported = await coordinator.request({
      method: 'POST',
      url: '/api/v1/courses/import',
      ...packageForm(
        scorm12Zip({ title: TITLE, masteryScore: 80, extraFiles: { 'index_lms.html': SCO_PAGE } }),
      ),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { courseId, modules } = imported.json() as { courseId: string; modules: { key: string }[] };
    const learner = await e.t.as('personal.falun');
    const enrolled = await learner.post('/api/v1/enrolments', { courseId });
    expect(enrolled.statusCode).toBe(200);

    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'personal.falun');
    await page.goto(`/utbildning/kurser/${courseId}`);
    await page.getByRole('link', { name: 'Starta modulen' }).first().click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const frame = page.frameLocator('iframe.package-frame');
    const text = (id: string) => frame.locator(`#${id}`).textContent();
    await expect.poll(() => text('state')).toBe('Status: not attempted');
    expect(await text('mastery')).toBe('Gräns: 80');
    await expectAccessible(page, 'player with a SCORM 1.2 SCO');

    await frame.getByRole('button', { name: 'Skicka provet' }).click();
    await expect.poll(() => text('state')).toBe('Klart');
    await expect
      .poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 })
      .toContain('Allt är sparat.');

    // The attempt as stored: the LMS made the completion a pass by the mastery score.
    const [attempt] = await queryRows<Record<string, unknown>>(
      e.t.db,
      sql`select a.completion, a.success, a.score_scaled, a.total_seconds, a.cmi->>'cmi.core.score.raw' as raw
          from scorm_attempts a join enrolments en on en.id = a.enrolment_id
          where en.course_id = ${courseId} and a.module_key = ${modules[0]!.key}`,
    );
    expect(attempt).toEqual({
      completion: 'completed',
      success: 'passed',
      score_scaled: 0.85,
      total_seconds: 270,
      raw: '85',
    });
    await page.goto(`/utbildning/kurser/${courseId}`);
    await page.getByText('100 % klart').waitFor();
    await expectAccessible(page, 'SCORM 1.2 course done');
  });
});
