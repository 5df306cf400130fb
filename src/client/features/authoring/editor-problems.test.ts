import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DraftContent,
  DraftContent as DraftContentSchema,
} from '../../../shared/contracts/authoring.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import { contractResolver } from '../../components/form/index.ts';
import { describePath, problemsFromForm } from './editor-problems.ts';

const t = i18next.createInstance();
beforeAll(() =>
  t.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } }),
);

const draft = (over: (d: DraftContent) => void): DraftContent => {
  const d: DraftContent = {
    key: 'kurs',
    track: 'staff',
    title: { sv: 'Kurs' },
    summary: { sv: 'Om kursen' },
    languages: ['sv'],
    estimatedMinutes: 30,
    completionRequiresMeetings: false,
    modules: [
      {
        key: 'm1',
        title: {},
        summary: {},
        lessons: [{ key: 'l1', title: {}, body: {}, estimatedMinutes: 5, resources: [] }],
        quiz: { passMark: 0.67, questions: [] },
        reflectionQuestions: [],
      },
    ],
  };
  over(d);
  return d;
};

/** What the editor's resolver says about a draft: the same zod schema the server saves drafts with. */
async function check(content: DraftContent) {
  const resolver = contractResolver(DraftContentSchema);
  const result = await resolver(content, undefined, { fields: {}, shouldUseNativeValidation: false });
  return problemsFromForm(result.errors, t.t, 'sv');
}

describe('the course editor checks a draft with the shared contract', () => {
  it('finds nothing wrong with a draft the server would save', async () => {
    expect(await check(draft(() => {}))).toEqual([]);
  });

  it('names each number out of the contract’s bounds by where it is, linked by its path', async () => {
    const problems = await check(
      draft((d) => {
        d.estimatedMinutes = 2;
        d.modules[0]!.lessons[0]!.estimatedMinutes = 61;
        d.modules[0]!.quiz.passMark = Number.NaN;
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'estimatedMinutes',
      'modules.0.lessons.0.estimatedMinutes',
      'modules.0.quiz.passMark',
    ]);
    const lesson = problems.find((p) => p.path === 'modules.0.lessons.0.estimatedMinutes')!;
    expect(lesson.message).toMatch(/^Modul 1 › Lektion 1 › /);
    expect(lesson.message).not.toContain('estimatedMinutes');
  });

  it('describes paths in words', () => {
    expect(describePath('modules.1.quiz.questions.0.options.2.text', t.t)).toBe(
      [
        t.t('authoring.module', { n: 2 }),
        t.t('authoring.quiz'),
        t.t('authoring.question', { n: 1 }),
        t.t('authoring.option', { n: 3 }),
        t.t('authoring.optionText'),
      ].join(' › '),
    );
  });
});
