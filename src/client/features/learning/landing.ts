import type { CourseDetail } from '../../../shared/contracts/learning.ts';
import { api, checkedByServer, qs } from '../../lib/api.ts';
import { guessCourseLanguage } from './course-language.ts';
import { takeOverSnapshot } from './lesson-snapshot.ts';
import { chunkFor } from './page-chunks.ts';

/**
 * The history entry the app was loaded (or reloaded) on, read before the router starts. A learning
 * page moves focus to its heading only after a client-side navigation, not on that first entry.
 */
const key = (): string => (window.history.state as { key?: string } | null)?.key ?? 'default';
const landing = key();

export function isLandingEntry(): boolean {
  return key() === landing;
}

// The installed app may have opened this lesson from its copy (lesson-snapshot.ts): the app takes over.
takeOverSnapshot();

/**
 * A course page opened directly (a link, a reload, the installed app) would otherwise wait for `/me`,
 * then for the learning chunk, then for the course: three round trips in a row on a slow phone. So the
 * course and the chunk are asked for here, as the main bundle starts, side by side with `/me`; the
 * course query takes this answer once (takeEarlyCourse) if it is for the same course and language.
 */
const COURSE_PAGE = /^\/utbildning\/kurser\/([0-9a-f-]{36})(?:\/|$)/;
let early: { id: string; lang: string; answer: Promise<CourseDetail> } | null = null;

const path = window.location.pathname;
if (path.startsWith('/utbildning')) {
  void import('./index.ts').catch(() => undefined);
  void chunkFor(path)?.().catch(() => undefined);
  const id = COURSE_PAGE.exec(path)?.[1];
  if (id) {
    const lang = guessCourseLanguage();
    const answer = api.get(`/courses/${id}${qs({ lang })}`, checkedByServer<CourseDetail>());
    // A refusal (not logged in, offline) surfaces when the query takes it, or never if it does not.
    answer.catch(() => undefined);
    early = { id, lang, answer };
  }
}

export function takeEarlyCourse(id: string, lang: string): Promise<CourseDetail> | null {
  if (!early || early.id !== id || early.lang !== lang) return null;
  const { answer } = early;
  early = null;
  return answer;
}
