import type { TFunction } from 'i18next';
import type { FieldErrors } from 'react-hook-form';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { clientMessage, flattenErrors } from '../../components/form/index.ts';
import type { ApiError } from '../../lib/api.ts';

type T = TFunction;

/** One thing wrong with the draft, linked to its field (in the language it is missing in, if any). */
export type Problem = { path: string; lang: string | null; message: string };

const numbered: Record<string, string> = {
  modules: 'authoring.module',
  lessons: 'authoring.lesson',
  questions: 'authoring.question',
  options: 'authoring.option',
  reflectionQuestions: 'authoring.reflectionQuestion',
};
const named: Record<string, string> = {
  title: 'authoring.title',
  summary: 'authoring.summary',
  body: 'authoring.lessonBody',
  prompt: 'authoring.prompt',
  text: 'authoring.optionText',
  feedback: 'authoring.feedback',
  quiz: 'authoring.quiz',
  reflectionQuestions: 'authoring.reflection',
  lessons: 'authoring.lessons',
  modules: 'authoring.modules',
  estimatedMinutes: 'authoring.estimatedMinutes',
  passMark: 'authoring.passMark',
};

/** A path such as modules.0.lessons.1.body in words: "Modul 1 › Lektion 2 › Lektionstext". */
export function describePath(path: string, t: T): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const n = Number(parts[i + 1]) + 1;
    const key = numbered[p];
    if (key && n) {
      words.push(t(key, { n }));
      i++;
    } else words.push(named[p] ? t(named[p]) : p);
  }
  return words.join(' › ') || t('authoring.courseDetails');
}

/** The server's refusal of a save (`body.content.`) or a publish (`draft.`) as problems. */
export function problemsFromApi(err: ApiError, prefix: string, t: T): Problem[] {
  return (err.problem?.errors ?? []).map((e) => {
    const path = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
    if (e.code === 'missing_translation') {
      const parts = path.split('.');
      const l = parts.pop()!;
      const where = parts.join('.');
      return {
        path: where,
        lang: l,
        message: t('authoring.problemMissing', { where: describePath(where, t), lang: l }),
      };
    }
    const tooFew = e.code === 'too_small';
    return {
      path,
      lang: null,
      message: t('authoring.problemOther', {
        where: describePath(path, t),
        message: tooFew ? t('authoring.tooFew') : e.message,
      }),
    };
  });
}

/** What the draft contract found in the browser, worded as the server words the same issue. */
export function problemsFromForm(errors: FieldErrors, t: T, lang: UiLanguage): Problem[] {
  return [...flattenErrors(errors)].map(([path, e]) => ({
    path,
    lang: null,
    message: t('authoring.problemOther', { where: describePath(path, t), message: clientMessage(e, lang) }),
  }));
}
