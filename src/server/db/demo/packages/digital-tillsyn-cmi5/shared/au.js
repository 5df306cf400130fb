/*
 * The cmi5 run-time of both AUs in this package (cmi5 §8–§11). The LMS launches the page with
 * `endpoint`, `fetch`, `actor`, `registration` and `activityId`; the AU fetches its credential once,
 * reads LMS.LaunchData and sends Initialized, Completed, Passed or Failed, and Terminated, each with
 * the cmi5 category, the registration and the context template (with the session id). Its own state
 * (the page it was on, and whether Completed and Passed were sent, as each is sent once per
 * registration) is a state document. <section class="page"> elements are shown one at a time; a page
 * with <form class="quiz"> is marked by the Klar button. Without an LMS the pages still work.
 */
(() => {
  const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
  const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
  const VERBS = 'http://adlnet.gov/expapi/verbs/';
  const STATE_ID = 'se.valfardsnavet.demo.progress';
  const PASSING_FALLBACK = 0.67;

  const q = new URLSearchParams(location.search);
  const launch = {
    endpoint: q.get('endpoint'),
    fetchUrl: q.get('fetch'),
    actor: q.get('actor'),
    registration: q.get('registration'),
    activityId: q.get('activityId'),
  };
  const started = Date.now();
  /* ready: Initialized was accepted; normal: the launch mode lets the AU judge (§10). */
  const lms = { ready: false, normal: false, terminated: false, headers: {}, template: {}, mastery: null };
  const progress = { page: 0, completed: false, passed: false };

  const pages = Array.from(document.querySelectorAll('.page'));
  const total = pages.length;
  const $ = (id) => document.getElementById(id);
  const [position, prev, next, done, result, note] = 'position prev next done result note'.split(' ').map($);
  const quiz = document.querySelector('form.quiz');
  const answers = {};

  const say = (text) => {
    result.textContent = text;
  };
  const showNote = (text) => {
    note.textContent = text;
    note.hidden = false;
  };

  /* ISO 8601 duration since the launch, e.g. PT95.25S (§9.5.4.1). */
  const duration = () => `PT${Math.round((Date.now() - started) / 10) / 100}S`;

  const stateUrl = (stateId) =>
    `${launch.endpoint}activities/state?${new URLSearchParams({
      activityId: launch.activityId,
      agent: launch.actor,
      registration: launch.registration,
      stateId,
    })}`;

  const send = async (verb, resultOf, moveOn, keepalive = false) => {
    const context = lms.template.contextActivities ?? {};
    const statement = {
      actor: JSON.parse(launch.actor),
      verb: { id: VERBS + verb, display: { 'en-US': verb } },
      object: { objectType: 'Activity', id: launch.activityId },
      context: {
        registration: launch.registration,
        contextActivities: {
          ...context,
          category: [...(context.category ?? []), { id: CMI5 }, ...(moveOn ? [{ id: MOVE_ON }] : [])],
        },
        extensions: lms.template.extensions,
      },
      timestamp: new Date().toISOString(),
    };
    if (resultOf) statement.result = resultOf;
    const res = await fetch(`${launch.endpoint}statements`, {
      method: 'POST',
      keepalive,
      headers: { ...lms.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(statement),
    });
    if (!res.ok) throw new Error(`${verb}: ${res.status}`);
  };

  /* POST merges into the JSON document, so no ETag is needed (xAPI Communication §3.3). */
  const saveProgress = () =>
    lms.ready
      ? fetch(stateUrl(STATE_ID), {
          method: 'POST',
          headers: { ...lms.headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(progress),
        }).catch(() => undefined)
      : Promise.resolve();

  const terminate = async (keepalive = false) => {
    if (!lms.ready || lms.terminated) return;
    lms.terminated = true;
    await send('terminated', { duration: duration() }, false, keepalive);
  };

  const start = async () => {
    if (!launch.endpoint || !launch.fetchUrl || !launch.actor || !launch.registration || !launch.activityId) {
      showNote('Du läser avsnittet utan lärplattform. Det fungerar, men inget sparas.');
      return;
    }
    const token = (await (await fetch(launch.fetchUrl, { method: 'POST' })).json())['auth-token'];
    if (!token) throw new Error('fetch');
    lms.headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3' };
    const launchData = await (await fetch(stateUrl('LMS.LaunchData'), { headers: lms.headers })).json();
    lms.template = launchData.contextTemplate ?? {};
    lms.normal = launchData.launchMode === 'Normal';
    lms.mastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : null;
    const saved = await fetch(stateUrl(STATE_ID), { headers: lms.headers });
    if (saved.ok) Object.assign(progress, await saved.json());
    await send('initialized');
    lms.ready = true;
    if (!lms.normal) showNote('Du tittar på avsnittet i granskningsläge. Inget av det du gör sparas.');
  };

  const show = (index, moveFocus) => {
    progress.page = index;
    pages.forEach((page, i) => {
      page.hidden = i !== index;
    });
    const last = index === total - 1;
    prev.hidden = index === 0;
    next.hidden = last;
    done.hidden = !last;
    position.textContent = `Sida ${index + 1} av ${total}`;
    if (moveFocus) {
      saveProgress();
      pages[index].querySelector('h2')?.focus();
    }
  };

  /* Completed once per registration (§9.3.3), Passed once, never Failed after Passed (§9.3). */
  const judge = async (score) => {
    if (!lms.ready || !lms.normal) return;
    if (!progress.completed) {
      await send('completed', { completion: true, duration: duration() }, true);
      progress.completed = true;
    }
    if (score && !progress.passed) {
      const passed = score.scaled >= (lms.mastery ?? PASSING_FALLBACK);
      await send(passed ? 'passed' : 'failed', { success: passed, score, duration: duration() }, true);
      progress.passed = passed;
    }
    await saveProgress();
    await terminate();
  };

  const mark = () => {
    const questions = Array.from(quiz.querySelectorAll('fieldset[data-correct]'));
    const missing = questions.find((fieldset) => !answers[fieldset.dataset.question]);
    if (missing) {
      say('Svara på alla frågor innan du trycker på Klar.');
      missing.querySelector('input')?.focus();
      return null;
    }
    let correct = 0;
    for (const fieldset of questions) {
      const right = answers[fieldset.dataset.question] === fieldset.dataset.correct;
      if (right) correct++;
      const feedback = fieldset.querySelector('.feedback');
      feedback.hidden = false;
      feedback.className = right ? 'feedback right' : 'feedback wrong';
      feedback.textContent = `${right ? 'Rätt.' : 'Inte rätt.'} ${fieldset.dataset.explanation}`;
    }
    /* Two decimals, as the mastery score is written: 2 of 3 is 0.67 and passes. */
    const scaled = Math.round((correct / questions.length) * 100) / 100;
    return { scaled, raw: correct, min: 0, max: questions.length };
  };

  const finish = async () => {
    const score = quiz ? mark() : null;
    if (quiz && !score) return;
    const passed = !score || score.scaled >= (lms.mastery ?? PASSING_FALLBACK);
    done.disabled = true;
    try {
      await judge(score);
    } catch {
      done.disabled = false;
      say('Det gick inte att spara. Kontrollera anslutningen och tryck på Klar igen.');
      return;
    }
    if (!score) say('Avsnittet är klart. Du kan gå tillbaka till kursen.');
    else if (passed) say(`Du fick ${score.raw} av ${score.max} rätt. Godkänt – bra jobbat!`);
    else
      say(
        `Du fick ${score.raw} av ${score.max} rätt. Det räcker inte för godkänt. Läs förklaringarna och öppna avsnittet igen för att svara på nytt.`,
      );
  };

  prev.addEventListener('click', () => show(Math.max(0, progress.page - 1), true));
  next.addEventListener('click', () => show(Math.min(total - 1, progress.page + 1), true));
  done.addEventListener('click', finish);
  if (quiz) {
    for (const input of quiz.querySelectorAll('input[type="radio"]'))
      input.addEventListener('change', () => {
        answers[input.name] = input.value;
      });
    quiz.addEventListener('submit', (event) => event.preventDefault());
  }
  /* Leaving the page ends the session; without it the LMS abandons it at the next launch (§9.3.6). */
  window.addEventListener('pagehide', () => {
    terminate(true).catch(() => undefined);
  });

  show(0, false);
  start()
    .then(() => {
      if (progress.page > 0 && progress.page < total) show(progress.page, false);
    })
    .catch(() => showNote('Avsnittet kunde inte kopplas till lärplattformen. Inget av det du gör sparas.'));
})();
