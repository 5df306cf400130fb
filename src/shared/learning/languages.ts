/**
 * Content languages of courses as plain values (no zod), for the learner's pages, which must load
 * without the contracts' schemas (docs/performance.md, "Lesson load"); course-content.ts builds the
 * ContentLanguage schema from the same tag pattern.
 */

/** A BCP 47 tag as courses use them: sv, sv-x-plain (lättläst), en, ar, fa … */
export const CONTENT_LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
export const PLAIN_SWEDISH = 'sv-x-plain';
export const rtlLanguages = ['ar', 'fa', 'he', 'ur', 'ku', 'ps'];
