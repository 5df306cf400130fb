/*
 * Välfärdsnavet's service worker, emitted as /sw.js by the `serviceWorker` plugin in vite.config.ts,
 * which replaces the BUILD line below with the build's version and its files.
 *
 * - App shell and built assets: precached at install; the learner's pages (/utbildning…) answer with
 *   the cached shell at once, other pages are network-first with it as the offline fallback; hashed
 *   assets are cache-first.
 * - GET /api/v1/me: network-first with the last answer as the offline fallback, so that a logged-in
 *   learner can open the app without network. Forgotten at login, logout and on a 401.
 * - Every other API call passes through: course content and the statement queue live in IndexedDB and
 *   are handled by the app itself (src/client/lib/offline).
 */
const BUILD = { version: 'dev', files: [] };

const SHELL = `vn-shell-${BUILD.version}`;
const RUNTIME = 'vn-runtime';
const ME = '/api/v1/me';

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
          keys.filter((k) => k.startsWith('vn-shell-') && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function forgetMe() {
  const cache = await caches.open(RUNTIME);
  await cache.delete(ME);
}

/** Keeps a copy of the logged-in user (the page asks after login and at start). */
async function refreshMe() {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(ME, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) await cache.put(ME, response);
    else if (response.status === 401) await cache.delete(ME);
  } catch {
    // Offline: keep what we have.
  }
}

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'refresh-me') event.waitUntil(refreshMe());
});

async function networkFirstMe(request) {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(ME, response.clone());
    else if (response.status === 401) await cache.delete(ME);
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
  if (SHELL_FIRST.test(new URL(request.url).pathname)) {
    const shell = await caches.match('/index.html', { cacheName: SHELL });
    if (shell) return shell;
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
