/*
 * The run-time script of both SCOs in this package (SCORM 2004 4th edition). The page holds its
 * "pages" as <section class="page"> elements; one is shown at a time. Where the learner is and what
 * they answered go to the LMS on every page change, so a new session resumes on the same page.
 * <body data-finish="last-page"> completes the SCO on its last page; data-finish="quiz" completes it
 * when the quiz on its last page is marked. Without an LMS the pages still work and nothing is saved.
 */
(() => {
  const PASSING_FALLBACK = 0.67;

  /* The API may live in a frame of another origin: reading a property there throws. */
  const apiOf = (win) => {
    try {
      return win?.API_1484_11 ? win.API_1484_11 : null;
    } catch {
      return null;
    }
  };

  /* SCORM 2004 RTE 3.1.2: the frame's own window, then each parent, then the opener and its parents. */
  const searchUp = (start) => {
    let win = start;
    for (let depth = 0; win && depth < 500; depth++) {
      const api = apiOf(win);
      if (api) return api;
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  };

  const findApi = () => {
    const own = searchUp(window);
    if (own) return own;
    try {
      return searchUp(window.top.opener) ?? searchUp(window.opener);
    } catch {
      return null;
    }
  };

  const api = findApi();
  const started = Date.now();
  let initialized = false;
  let terminated = false;

  const get = (name) => (initialized ? String(api.GetValue(name) ?? '') : '');
  const set = (name, value) => {
    if (initialized) api.SetValue(name, String(value));
  };
  const commit = () => {
    if (initialized) api.Commit('');
  };

  if (api) initialized = String(api.Initialize('')) === 'true';

  const pages = Array.from(document.querySelectorAll('.page'));
  const total = pages.length;
  const finishMode = document.body.dataset.finish;
  const position = document.getElementById('position');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  const done = document.getElementById('done');
  const result = document.getElementById('result');
  const quiz = document.querySelector('form.quiz');

  const readSaved = () => {
    try {
      const data = JSON.parse(get('cmi.suspend_data') || '{}');
      return data && typeof data === 'object' ? data : {};
    } catch {
      return {};
    }
  };
  const saved = readSaved();
  const state = {
    page: 0,
    furthest: Number.isInteger(saved.furthest) ? saved.furthest : 0,
    answers: saved.answers && typeof saved.answers === 'object' ? saved.answers : {},
    finished: saved.finished === true,
  };
  const savedPage = Number.parseInt(get('cmi.location'), 10);
  if (savedPage >= 1 && savedPage <= total) state.page = savedPage - 1;

  /* ISO 8601 duration as cmi.session_time wants it, e.g. PT0H12M5.25S. */
  const duration = (ms) => {
    const seconds = Math.max(0, ms) / 1000;
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = Math.round((seconds % 60) * 100) / 100;
    return `PT${h}H${m}M${s}S`;
  };

  const progress = () => {
    if (state.finished) return 1;
    // The quiz page counts as seen only once it is marked, so progress never reaches 1 before that.
    const seen = Math.min(state.furthest + 1, finishMode === 'quiz' ? total - 1 : total);
    return Math.round((seen / total) * 100) / 100;
  };

  const save = () => {
    set('cmi.location', state.page + 1);
    set(
      'cmi.suspend_data',
      JSON.stringify({ furthest: state.furthest, answers: state.answers, finished: state.finished }),
    );
    set('cmi.progress_measure', progress());
    set('cmi.exit', state.finished ? 'normal' : 'suspend');
    commit();
  };

  const complete = () => {
    state.finished = true;
    set('cmi.completion_status', 'completed');
  };

  const show = (index, moveFocus) => {
    state.page = index;
    state.furthest = Math.max(state.furthest, index);
    pages.forEach((page, i) => {
      page.hidden = i !== index;
    });
    const last = index === total - 1;
    prev.hidden = index === 0;
    next.hidden = last;
    done.hidden = !last;
    position.textContent = `Sida ${index + 1} av ${total}`;
    if (last && finishMode === 'last-page') complete();
    save();
    if (moveFocus) pages[index].querySelector('h2')?.focus();
  };

  const passingScore = () => {
    const given = Number.parseFloat(get('cmi.scaled_passing_score'));
    return Number.isFinite(given) ? given : PASSING_FALLBACK;
  };

  /* Marks the quiz: every question answered, or the first unanswered one is pointed out. */
  const mark = () => {
    const questions = Array.from(quiz.querySelectorAll('fieldset[data-correct]'));
    const missing = questions.find((q) => !state.answers[q.dataset.question]);
    if (missing) {
      result.textContent = 'Svara på alla frågor innan du trycker på Klar.';
      missing.querySelector('input')?.focus();
      return;
    }
    let correct = 0;
    for (const q of questions) {
      const right = state.answers[q.dataset.question] === q.dataset.correct;
      if (right) correct++;
      const feedback = q.querySelector('.feedback');
      feedback.hidden = false;
      feedback.className = right ? 'feedback right' : 'feedback wrong';
      feedback.textContent = `${right ? 'Rätt.' : 'Inte rätt.'} ${q.dataset.explanation}`;
    }
    // Two decimals, as the passing score is written: 2 of 3 is 0.67 and passes.
    const scaled = Math.round((correct / questions.length) * 100) / 100;
    const passed = scaled >= passingScore();
    set('cmi.score.min', 0);
    set('cmi.score.max', questions.length);
    set('cmi.score.raw', correct);
    set('cmi.score.scaled', scaled);
    set('cmi.success_status', passed ? 'passed' : 'failed');
    complete();
    save();
    result.textContent = passed
      ? `Du fick ${correct} av ${questions.length} rätt. Godkänt – bra jobbat!`
      : `Du fick ${correct} av ${questions.length} rätt. Det räcker inte för godkänt. Läs förklaringarna, ändra dina svar och tryck på Klar igen.`;
  };

  const finishPage = () => {
    complete();
    save();
    result.textContent = 'Avsnittet är klart. Välj nästa avsnitt i kursens meny.';
  };

  prev.addEventListener('click', () => show(Math.max(0, state.page - 1), true));
  next.addEventListener('click', () => show(Math.min(total - 1, state.page + 1), true));
  done.addEventListener('click', () => (quiz ? mark() : finishPage()));

  if (quiz) {
    for (const input of quiz.querySelectorAll('input[type="radio"]')) {
      if (state.answers[input.name] === input.value) input.checked = true;
      input.addEventListener('change', () => {
        state.answers[input.name] = input.value;
        save();
      });
    }
    quiz.addEventListener('submit', (event) => event.preventDefault());
  }

  window.addEventListener('pagehide', () => {
    if (!initialized || terminated) return;
    terminated = true;
    set('cmi.exit', state.finished ? 'normal' : 'suspend');
    set('cmi.session_time', duration(Date.now() - started));
    api.Terminate('');
  });

  if (!initialized) {
    const note = document.getElementById('no-lms');
    if (note) note.hidden = false;
  }
  show(state.page, false);
})();
