import { allStrings } from '../../lib/i18n.ts';

/**
 * The learner's pages besides the lesson, each a chunk of its own, so that a lesson loads only its own
 * page (the lesson route's JavaScript budget, docs/performance.md). landing.ts asks for the page the app
 * was opened on at once; LessonPage asks for the next ones once its text is on screen.
 */
export const pageChunks = {
  course: () => import('./CoursePage.tsx'),
  // The quiz's strings are not in the core strings either (vite.config.ts).
  quiz: () => Promise.all([import('./QuizPage.tsx'), allStrings()]).then(([m]) => m),
  mine: () => import('./MyLearningPage.tsx'),
  // The SCORM run-time (scorm-again) loads with the player only, when a module starts.
  player: () => import('./player/PlayerPage.tsx'),
  // The certificate's facts are worded by the certificate check (not in the core strings: vite.config.ts).
  certificate: () => Promise.all([import('./CertificatePages.tsx'), allStrings()]).then(([m]) => m),
};

const COURSE = '^/utbildning/kurser/[^/]+';
const chunkByPath: [RegExp, () => Promise<unknown>][] = [
  [/^\/utbildning\/?$/, pageChunks.mine],
  [new RegExp(`${COURSE}/?$`), pageChunks.course],
  [new RegExp(`${COURSE}/moduler/[^/]+/quiz/?$`), pageChunks.quiz],
  [new RegExp(`${COURSE}/intyg/?$`), pageChunks.certificate],
  [new RegExp(`${COURSE}/moduler/[^/]+/spela/?$`), pageChunks.player],
];

/** The chunk of the learner's page at a path; null for a lesson (it is in the learning chunk itself). */
export function chunkFor(pathname: string): (() => Promise<unknown>) | null {
  return chunkByPath.find(([path]) => path.test(pathname))?.[1] ?? null;
}
