/*
 * Välfärdsnavet's service worker, emitted as /sw.js by the `serviceWorker` plugin in vite.config.ts,
 * which replaces the BUILD line below with the build's version and its files.
 *
 * - App shell and built assets: precached at install; the learner's pages (/utbildning…) answer with
 *   the cached shell at once, other pages are network-first with it as the offline fallback; hashed
 *   assets are cache-first.
 * - Lessons shown before: the shell with a copy of the lesson in it (ADR 0018), so that its title and
 *   text paint before the app has booted. The page sends the copy (lesson-snapshot.ts); forgotten with
 *   /me (login, logout, a 401) and with every new build.
 * - GET /api/v1/me: network-first with the last answer as the offline fallback, so that a logged-in
 *   learner can open the app without network. Forgotten at login, logout and on a 401.
 * - Every other API call passes through: course content and the statement queue live in IndexedDB and
 *   are handled by the app itself (src/client/lib/offline).
 */
const BUILD = { version: 'dev', files: [] };

const SHELL = `vn-shell-${BUILD.version}`;
const RUNTIME = 'vn-runtime';
const LESSONS = `vn-lessons-${BUILD.version}`;
const ME = '/api/v1/me';
/** A lesson's address; the only pages kept as copies. */
const LESSON_PAGE =
  /^\/utbildning\/kurser\/[0-9a-f-]{36}\/moduler\/[a-z0-9-]{1,80}\/lektioner\/[a-z0-9-]{1,80}$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(['/index.html', ...BUILD.files]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter(
              (k) =>
                (k.startsWith('vn-shell-') && k !== SHELL) || (k.startsWith('vn-lessons-') && k !== LESSONS),
            )
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The user and the lessons shown to them go together: at login, logout and when the session has ended. */
async function forgetMe() {
  const cache = await caches.open(RUNTIME);
  await cache.delete(ME);
  await forgetLessons();
}

async function forgetLessons() {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith('vn-lessons-')).map((k) => caches.delete(k)));
}

/** Keeps a copy of the logged-in user (the page asks after login and at start). */
async function refreshMe() {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(ME, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) await cache.put(ME, response);
    else if (response.status === 401) await forgetMe();
  } catch {
    // Offline: keep what we have.
  }
}

/** Keeps the copy of a lesson the page has shown (lesson-snapshot.ts), replacing an older one. */
async function keepLesson(data) {
  const valid =
    typeof data.path === 'string' &&
    LESSON_PAGE.test(data.path) &&
    typeof data.html === 'string' &&
    data.html.length < 2_000_000 &&
    typeof data.title === 'string' &&
    typeof data.lang === 'string' &&
    Array.isArray(data.styles);
  if (!valid) return;
  const styles = data.styles.filter((s) => typeof s === 'string' && /^\/assets\/[\w.-]+\.css$/.test(s));
  const copy = { title: data.title, lang: data.lang, html: data.html, styles };
  const cache = await caches.open(LESSONS);
  await cache.put(
    data.path,
    new Response(JSON.stringify(copy), { headers: { 'Content-Type': 'application/json' } }),
  );
}

self.addEventListener('message', (event) => {
  // Only the app's own pages talk to this worker.
  if (!event.source || new URL(event.source.url).origin !== self.location.origin) return;
  if (event.data && event.data.type === 'refresh-me') event.waitUntil(refreshMe());
  if (event.data && event.data.type === 'lesson-page') event.waitUntil(keepLesson(event.data));
});

const escapeHtml = (s) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const ROOT = '<div id="root"></div>';

/** The shell with the copy of a lesson beside a hidden #root (the app takes over: lesson-snapshot.ts). */
async function lessonFromCopy(path, shell) {
  const saved = await caches.match(path, { cacheName: LESSONS });
  if (!saved) return null;
  const copy = await saved.json();
  const html = await shell.clone().text();
  if (!html.includes(ROOT)) return null;
  const links = copy.styles
    .filter((href) => !html.includes(`href="${href}"`))
    .map((href) => `<link rel="stylesheet" crossorigin href="${escapeHtml(href)}">`)
    .join('');
  const page = html
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(copy.lang)}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(copy.title)}</title>`)
    .replace('</head>', `${links}</head>`)
    .replace(ROOT, `<div id="root" hidden></div><div id="lesson-snapshot">${copy.html}</div>`);
  // The shell's own headers (its Content-Security-Policy above all), minus those of the old body.
  const headers = new Headers(shell.headers);
  for (const h of ['content-length', 'content-encoding', 'etag', 'last-modified']) headers.delete(h);
  return new Response(page, { status: 200, headers });
}

async function networkFirstMe(request) {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(ME, response.clone());
    else if (response.status === 401) await forgetMe();
    return response;
  } catch (err) {
    const cached = await cache.match(ME);
    if (cached) return cached;
    throw err;
  }
}

/**
 * The learner's pages open from the installed app's shell at once: it belongs to this worker's build
 * (a new build installs a new worker and shell), and the page fetches its data itself. Other pages
 * ask the network first, so a new deployment shows at once there.
 */
const SHELL_FIRST = /^\/utbildning(\/|$)/;

async function page(request) {
  const path = new URL(request.url).pathname;
  if (SHELL_FIRST.test(path)) {
    const shell = await caches.match('/index.html', { cacheName: SHELL });
    if (shell) {
      const lesson = LESSON_PAGE.test(path) ? await lessonFromCopy(path, shell).catch(() => null) : null;
      return lesson ?? shell;
    }
  }
  try {
    return await fetch(request);
  } catch (err) {
    const cached = await caches.match('/index.html', { cacheName: SHELL });
    if (cached) return cached;
    throw err;
  }
}

async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith('/api/')) {
    if (request.method === 'GET' && url.pathname === ME) {
      event.respondWith(networkFirstMe(request));
    } else if (
      request.method === 'POST' &&
      (url.pathname === '/api/v1/auth/logout' || url.pathname === '/api/v1/auth/login')
    ) {
      event.respondWith(forgetMe().then(() => fetch(request)));
    }
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  if (
    url.pathname.startsWith('/assets/') ||
    url.pathname.startsWith('/icons/') ||
    url.pathname === '/favicon.svg' ||
    url.pathname === '/manifest.webmanifest'
  ) {
    event.respondWith(asset(request));
  }
});
