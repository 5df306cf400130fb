/**
 * The installed app shows a lesson before the app has booted (ADR 0018): once a lesson is on screen, the
 * page hands the service worker a copy of it (saveLessonSnapshot); the next time that lesson is opened,
 * the worker answers with the app's HTML with the copy in it, so its title and text paint at once.
 * Meanwhile the app boots into a hidden #root; when it has drawn a page of its own (not a loading
 * indicator), the copy goes and #root shows, in the same frame (takeOverSnapshot).
 *
 * The copy is course content: elements marked `data-personal` (the signed-in person's name, the
 * learner's progress and sync state) are left out. The worker forgets every copy at login, logout and
 * when the session has ended, and a new build starts without copies (service-worker.js).
 */

/** The element the service worker puts the copy in, beside the hidden #root (service-worker.js). */
export const SNAPSHOT_ID = 'lesson-snapshot';
/** After this long the app shows whatever it has, so that a page can never stay hidden behind a copy. */
const TAKE_OVER_AT_LATEST_MS = 10_000;

export interface LessonSnapshot {
  type: 'lesson-page';
  path: string;
  title: string;
  lang: string;
  /** The layout with the lesson (`#root > .app`), without what is personal. */
  html: string;
  /** The stylesheets the page uses (the lesson's come with its chunk, after the shell's). */
  styles: string[];
}

/** Sends the lesson on screen to the service worker (call once its text is rendered). */
export function saveLessonSnapshot(): void {
  if (!('serviceWorker' in navigator)) return;
  const app = document.querySelector('#root > .app');
  if (!app) return;
  const copy = app.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll('[data-personal]')) el.remove();
  const snapshot: LessonSnapshot = {
    type: 'lesson-page',
    path: window.location.pathname,
    title: document.title,
    lang: document.documentElement.lang,
    html: copy.outerHTML,
    styles: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
      (l) => new URL(l.href).pathname,
    ),
  };
  void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage(snapshot)).catch(() => undefined);
}

/**
 * When the page came with a copy of the lesson: keeps #root hidden until the app has drawn something
 * other than a loading indicator in its main area, then swaps the copy for it before the next paint.
 */
export function takeOverSnapshot(): void {
  const snapshot = document.getElementById(SNAPSHOT_ID);
  const root = document.getElementById('root');
  if (!snapshot || !root) return;
  let timer = 0;
  const reveal = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    snapshot.remove();
    root.hidden = false;
  };
  // MutationObserver callbacks run before the browser paints, so the copy and the app never show together.
  const observer = new MutationObserver(() => {
    const main = root.querySelector('main');
    if (main && [...main.children].some((child) => !child.classList.contains('loading'))) reveal();
  });
  observer.observe(root, { childList: true, subtree: true });
  timer = window.setTimeout(reveal, TAKE_OVER_AT_LATEST_MS);
}
