/**
 * The languages the UI is translated into, as a plain value: the browser's main bundle reads it without
 * the contracts' zod schemas (docs/performance.md, "Lesson load"); common.ts builds UiLanguage from it.
 */
export const uiLanguages = ['sv', 'en'] as const;
