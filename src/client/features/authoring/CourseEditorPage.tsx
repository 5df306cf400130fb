// biome-ignore-all lint/suspicious/noArrayIndexKey: list items are addressed by position while editing
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type CourseDraftView,
  type DraftContent,
  type DraftLesson,
  type DraftLocalised,
  missingTranslations,
} from '../../../shared/contracts/authoring.ts';
import { ContentLanguage, PLAIN_SWEDISH, rtlLanguages } from '../../../shared/contracts/course-content.ts';
import type { MdTree } from '../../../shared/contracts/markdown-tree.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { ApiError } from '../../lib/api.ts';
import { Markdown } from '../learning/Markdown.tsx';
import { authoringKeys, fetchDraft, publishCourse, saveDraft } from './data.ts';
import { useLessonPreview } from './useLessonPreview.ts';
import './authoring.css';

const isRtl = (lang: string) => rtlLanguages.includes(lang.split('-')[0]!);
const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

type Problem = { path: string; lang: string | null; message: string };

export function CourseEditorPage() {
  const { id = '' } = useParams();
  const draft = useQuery({ queryKey: authoringKeys.draft(id), queryFn: () => fetchDraft(id) });
  // The editor owns its copy of the draft; it starts afresh only when the author asks to reload,
  // never because a background refetch brought a newer version (that would drop unsaved edits).
  const [generation, setGeneration] = useState(0);
  if (draft.isPending) return <Loading />;
  if (draft.isError) return <ErrorAlert error={draft.error} onRetry={() => draft.refetch()} />;
  const reload = async () => {
    await draft.refetch();
    setGeneration((g) => g + 1);
  };
  return <Editor key={`${id}:${generation}`} initial={draft.data} onReload={reload} />;
}

function Editor({ initial, onReload }: { initial: CourseDraftView; onReload: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [content, setContent] = useState<DraftContent>(initial.content);
  const [updatedAt, setUpdatedAt] = useState(initial.updatedAt);
  const [publishedVersion, setPublishedVersion] = useState(initial.publishedVersion);
  const [dirty, setDirty] = useState(false);
  const [lang, setLang] = useState('sv');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [preview, setPreview] = useState(false);
  const [newLang, setNewLang] = useState('');
  const [newLangError, setNewLangError] = useState<string | null>(null);

  const edit = (fn: (d: DraftContent) => void) => {
    setContent((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
    setDirty(true);
    setStatus(null);
  };

  const title = content.title.sv || initial.key;
  const languageChoices = [...new Set(['sv', PLAIN_SWEDISH, 'en', ...content.languages])];
  const missingCount = (l: string) => missingTranslations(content, [l]).length;
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const lessonText = (l: DraftLesson) => l.body[lang] || l.body.sv || '';
  const lessonTrees = useLessonPreview(
    initial.id,
    content.modules.flatMap((m) => m.lessons.map(lessonText)),
  );

  const focusProblem = (p: Problem) => {
    if (p.lang) setLang(p.lang);
    setTimeout(() => {
      const el = document.getElementById(fieldId(p.path));
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    }, 0);
  };

  const save = async (): Promise<string | null> => {
    setBusy('save');
    setError(null);
    setProblems([]);
    try {
      const saved = await saveDraft(initial.id, updatedAt, content);
      setUpdatedAt(saved.updatedAt);
      setDirty(false);
      setStatus(t('authoring.saved'));
      qc.setQueryData(authoringKeys.draft(initial.id), saved);
      await qc.invalidateQueries({ queryKey: authoringKeys.list });
      return saved.updatedAt;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else if (err instanceof ApiError && err.status === 400) setProblems(toProblems(err, 'body.content.'));
      else setError(err);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setConfirming(false);
    const at = dirty ? await save() : updatedAt;
    if (!at) return;
    setBusy('publish');
    setError(null);
    setProblems([]);
    try {
      const res = await publishCourse(initial.id, at);
      setPublishedVersion(res.version);
      setStatus(t('authoring.published', { version: res.version }));
      await qc.invalidateQueries({ queryKey: authoringKeys.list });
      await qc.invalidateQueries({ queryKey: ['courses'] });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else if (err instanceof ApiError && err.status === 400) setProblems(toProblems(err, 'draft.'));
      else setError(err);
    } finally {
      setBusy(null);
    }
  };

  function toProblems(err: ApiError, prefix: string): Problem[] {
    return (err.problem?.errors ?? []).map((e) => {
      const path = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
      if (e.code === 'missing_translation') {
        const parts = path.split('.');
        const l = parts.pop()!;
        const where = parts.join('.');
        return {
          path: where,
          lang: l,
          message: t('authoring.problemMissing', { where: describe(where), lang: l }),
        };
      }
      const tooFew = e.code === 'too_small';
      return {
        path,
        lang: null,
        message: t('authoring.problemOther', {
          where: describe(path),
          message: tooFew ? t('authoring.tooFew') : e.message,
        }),
      };
    });
  }

  /** A path such as modules.0.lessons.1.body in words: "Modul 1 › Lektion 2 › body". */
  function describe(path: string): string {
    const parts = path.split('.');
    const words: string[] = [];
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
    };
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

  const addLanguage = () => {
    const code = newLang.trim();
    if (!ContentLanguage.safeParse(code).success) {
      setNewLangError(t('authoring.languageInvalid'));
      return;
    }
    setNewLangError(null);
    edit((d) => {
      if (!d.languages.includes(code)) d.languages.push(code);
    });
    setLang(code);
    setNewLang('');
  };

  // A text field in the language being edited, with the Swedish text beside it for translators.
  const localised = (props: {
    path: string;
    label: string;
    value: DraftLocalised;
    set: (v: DraftLocalised) => void;
    multiline?: boolean;
  }) => <LocalisedField key={`${props.path}-${lang}`} lang={lang} dir={dir} {...props} />;

  return (
    <Page title={t('authoring.editorTitle', { title })}>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/forfatta">
          {t('authoring.back')}
        </Link>
      </p>
      <p className="ds-paragraph">
        {initial.ownerName} · {t(`authoring.visibility.${initial.visibility}`)} ·{' '}
        {publishedVersion === null
          ? t('authoring.draftOnly')
          : t('authoring.publishedVersion', { version: publishedVersion })}
      </p>
      {publishedVersion !== null ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/utbildning/kurser/${initial.id}/aterkoppling`}>
            {t('programmes.feedback.link')}
          </Link>
        </p>
      ) : null}

      {problems.length > 0 ? (
        <div className="ds-error-summary error-summary" tabIndex={-1} ref={(el) => el?.focus()}>
          <h2 className="ds-heading" data-size="xs">
            {t('authoring.publishProblems')}
          </h2>
          <ul className="ds-list">
            {problems.slice(0, 50).map((p, i) => (
              <li key={i}>
                <a
                  className="ds-link"
                  href={`#${fieldId(p.path)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusProblem(p);
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {conflict ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{t('authoring.conflict')}</p>
          <button type="button" className="ds-button" data-variant="secondary" onClick={onReload}>
            {t('authoring.reload')}
          </button>
        </div>
      ) : null}

      <Section title={t('authoring.languages')} id="authoring-languages">
        <div className="ds-field field">
          <label className="ds-label" data-weight="medium" htmlFor="edit-language">
            {t('authoring.editLanguage')}
          </label>
          <select
            id="edit-language"
            className="ds-input"
            value={lang}
            onChange={(e) => setLang(e.target.value)}
          >
            {languageChoices.map((l) => (
              <option key={l} value={l}>
                {languageName(l, t)} —{' '}
                {missingCount(l)
                  ? t('authoring.missingIn', { count: missingCount(l) })
                  : t('authoring.complete')}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="ds-fieldset fieldset">
          <legend className="ds-label" data-weight="medium">
            {t('authoring.declared')}
          </legend>
          <div className="field-hint">{t('authoring.declaredHint')}</div>
          {languageChoices.map((l) => (
            <div className="ds-field checkbox" key={l}>
              <input
                className="ds-input"
                type="checkbox"
                id={`declared-${l}`}
                checked={content.languages.includes(l)}
                disabled={l === 'sv'}
                onChange={(e) => {
                  const on = e.target.checked;
                  edit((d) => {
                    d.languages = on ? [...d.languages, l] : d.languages.filter((x) => x !== l);
                  });
                }}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`declared-${l}`}>
                {languageName(l, t)} (
                {missingCount(l)
                  ? t('authoring.missingIn', { count: missingCount(l) })
                  : t('authoring.complete')}
                )
              </label>
            </div>
          ))}
        </fieldset>
        <div className="ds-field field">
          <label className="ds-label" data-weight="medium" htmlFor="new-language">
            {t('authoring.addLanguage')}
          </label>
          <div className="field-hint" id="new-language-hint">
            {t('authoring.addLanguageHint')}
          </div>
          {newLangError ? (
            <div className="ds-validation-message" data-color="danger" id="new-language-error">
              {newLangError}
            </div>
          ) : null}
          <div className="inline-row">
            <input
              id="new-language"
              className="ds-input"
              value={newLang}
              onChange={(e) => setNewLang(e.target.value)}
              aria-invalid={newLangError ? true : undefined}
              aria-describedby={newLangError ? 'new-language-hint new-language-error' : 'new-language-hint'}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="button" className="ds-button" data-variant="secondary" onClick={addLanguage}>
              {t('authoring.addLanguageButton')}
            </button>
          </div>
        </div>
      </Section>

      <Section title={t('authoring.courseDetails')} id="authoring-details">
        {localised({
          path: 'title',
          label: t('authoring.title'),
          value: content.title,
          set: (v) =>
            edit((d) => {
              d.title = v;
            }),
        })}
        {localised({
          path: 'summary',
          label: t('authoring.summary'),
          value: content.summary,
          set: (v) =>
            edit((d) => {
              d.summary = v;
            }),
          multiline: true,
        })}
        <div className="ds-field field">
          <label className="ds-label" data-weight="medium" htmlFor="course-track">
            {t('authoring.track')}
          </label>
          <select
            id="course-track"
            className="ds-input"
            value={content.track}
            onChange={(e) => {
              const track = e.target.value as DraftContent['track'];
              edit((d) => {
                d.track = track;
              });
            }}
          >
            {(['staff', 'managers', 'coordinators'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`authoring.tracks.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          id="course-minutes"
          label={t('authoring.estimatedMinutes')}
          value={content.estimatedMinutes}
          min={5}
          set={(v) =>
            edit((d) => {
              d.estimatedMinutes = v;
            })
          }
        />
        <div className="ds-field checkbox">
          <input
            className="ds-input"
            type="checkbox"
            id="course-meetings"
            checked={content.completionRequiresMeetings}
            onChange={(e) => {
              const on = e.target.checked;
              edit((d) => {
                d.completionRequiresMeetings = on;
              });
            }}
          />
          <label className="ds-label" data-weight="regular" htmlFor="course-meetings">
            {t('authoring.requiresMeetings')}
          </label>
        </div>
      </Section>

      <Section title={t('authoring.modules')} id="authoring-modules">
        {content.modules.map((m, mi) => {
          const mp = `modules.${mi}`;
          const moduleName = t('authoring.module', { n: mi + 1 });
          return (
            <fieldset className="ds-fieldset author-block" key={m.key}>
              <legend className="ds-heading" data-size="xs">
                {moduleName}
                {m.title[lang] ? `: ${m.title[lang]}` : ''}
              </legend>
              <ListControls
                what={moduleName}
                index={mi}
                length={content.modules.length}
                move={(to) => edit((d) => move(d.modules, mi, to))}
                remove={() => edit((d) => void d.modules.splice(mi, 1))}
              />
              {localised({
                path: `${mp}.title`,
                label: t('authoring.moduleTitle'),
                value: m.title,
                set: (v) =>
                  edit((d) => {
                    d.modules[mi]!.title = v;
                  }),
              })}
              {localised({
                path: `${mp}.summary`,
                label: t('authoring.moduleSummary'),
                value: m.summary,
                set: (v) =>
                  edit((d) => {
                    d.modules[mi]!.summary = v;
                  }),
                multiline: true,
              })}

              <h3 className="ds-heading" data-size="2xs">
                {t('authoring.lessons')}
              </h3>
              {m.lessons.map((l, li) => {
                const lp = `${mp}.lessons.${li}`;
                const lessonName = `${moduleName}, ${t('authoring.lesson', { n: li + 1 })}`;
                return (
                  <fieldset className="ds-fieldset author-block" key={l.key}>
                    <legend className="ds-label" data-weight="medium">
                      {t('authoring.lesson', { n: li + 1 })}
                    </legend>
                    <ListControls
                      what={lessonName}
                      index={li}
                      length={m.lessons.length}
                      move={(to) => edit((d) => move(d.modules[mi]!.lessons, li, to))}
                      remove={() => edit((d) => void d.modules[mi]!.lessons.splice(li, 1))}
                    />
                    {localised({
                      path: `${lp}.title`,
                      label: t('authoring.lessonTitle'),
                      value: l.title,
                      set: (v) =>
                        edit((d) => {
                          d.modules[mi]!.lessons[li]!.title = v;
                        }),
                    })}
                    <div className="lesson-edit">
                      {localised({
                        path: `${lp}.body`,
                        label: t('authoring.lessonBody'),
                        value: l.body,
                        set: (v) =>
                          edit((d) => {
                            d.modules[mi]!.lessons[li]!.body = v;
                          }),
                        multiline: true,
                      })}
                      <section
                        className="lesson-preview"
                        aria-label={`${t('authoring.preview')}: ${lessonName}`}
                        lang={lang}
                        dir={dir}
                      >
                        <p className="ds-label" data-weight="medium" aria-hidden="true">
                          {t('authoring.preview')}
                        </p>
                        {lessonTrees.failed ? (
                          <p className="field-hint">{t('authoring.previewFailed')}</p>
                        ) : null}
                        <div className="lesson-body">
                          <PreviewTree tree={lessonTrees.treeOf(`${m.key}/${l.key}`, lessonText(l))} />
                        </div>
                      </section>
                    </div>
                    <NumberField
                      id={fieldId(`${lp}.estimatedMinutes`)}
                      label={t('authoring.lessonMinutes')}
                      value={l.estimatedMinutes}
                      min={1}
                      max={60}
                      set={(v) =>
                        edit((d) => {
                          d.modules[mi]!.lessons[li]!.estimatedMinutes = v;
                        })
                      }
                    />
                  </fieldset>
                );
              })}
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() =>
                  edit((d) =>
                    d.modules[mi]!.lessons.push({
                      key: nextKey('l', d.modules[mi]!.lessons),
                      title: {},
                      body: {},
                      estimatedMinutes: 5,
                      resources: [],
                    }),
                  )
                }
              >
                {t('authoring.addLesson')}
                <span className="sr-only">, {moduleName}</span>
              </button>

              <h3 className="ds-heading" data-size="2xs">
                {t('authoring.quiz')}
              </h3>
              <NumberField
                id={fieldId(`${mp}.quiz.passMark`)}
                label={t('authoring.passMark')}
                value={m.quiz.passMark}
                min={0}
                max={1}
                step={0.01}
                set={(v) =>
                  edit((d) => {
                    d.modules[mi]!.quiz.passMark = v;
                  })
                }
              />
              {m.quiz.questions.map((q, qi) => {
                const qp = `${mp}.quiz.questions.${qi}`;
                const questionName = `${moduleName}, ${t('authoring.question', { n: qi + 1 })}`;
                return (
                  <fieldset className="ds-fieldset author-block" key={q.key}>
                    <legend className="ds-label" data-weight="medium">
                      {t('authoring.question', { n: qi + 1 })}
                    </legend>
                    <ListControls
                      what={questionName}
                      index={qi}
                      length={m.quiz.questions.length}
                      move={(to) => edit((d) => move(d.modules[mi]!.quiz.questions, qi, to))}
                      remove={() => edit((d) => void d.modules[mi]!.quiz.questions.splice(qi, 1))}
                    />
                    {localised({
                      path: `${qp}.prompt`,
                      label: t('authoring.prompt'),
                      value: q.prompt,
                      set: (v) =>
                        edit((d) => {
                          d.modules[mi]!.quiz.questions[qi]!.prompt = v;
                        }),
                    })}
                    <div className="ds-field field">
                      <label className="ds-label" data-weight="medium" htmlFor={fieldId(`${qp}.kind`)}>
                        {t('authoring.kind')}
                      </label>
                      <select
                        id={fieldId(`${qp}.kind`)}
                        className="ds-input"
                        value={q.kind}
                        onChange={(e) => {
                          const kind = e.target.value as typeof q.kind;
                          edit((d) => {
                            d.modules[mi]!.quiz.questions[qi]!.kind = kind;
                          });
                        }}
                      >
                        {(['single', 'multiple', 'true_false'] as const).map((k) => (
                          <option key={k} value={k}>
                            {t(`authoring.kinds.${k}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    {q.options.map((o, oi) => {
                      const op = `${qp}.options.${oi}`;
                      const optionName = `${questionName}, ${t('authoring.option', { n: oi + 1 })}`;
                      return (
                        <fieldset className="ds-fieldset author-block option-block" key={o.key}>
                          <legend className="ds-label" data-weight="regular">
                            {t('authoring.option', { n: oi + 1 })}
                          </legend>
                          {localised({
                            path: `${op}.text`,
                            label: t('authoring.optionText'),
                            value: o.text,
                            set: (v) =>
                              edit((d) => {
                                d.modules[mi]!.quiz.questions[qi]!.options[oi]!.text = v;
                              }),
                          })}
                          <div className="ds-field checkbox">
                            <input
                              className="ds-input"
                              type="checkbox"
                              id={fieldId(`${op}.correct`)}
                              checked={o.correct}
                              onChange={(e) => {
                                const on = e.target.checked;
                                edit((d) => {
                                  const question = d.modules[mi]!.quiz.questions[qi]!;
                                  if (on && question.kind !== 'multiple')
                                    for (const other of question.options) other.correct = false;
                                  question.options[oi]!.correct = on;
                                });
                              }}
                            />
                            <label
                              className="ds-label"
                              data-weight="regular"
                              htmlFor={fieldId(`${op}.correct`)}
                            >
                              {t('authoring.correct')}
                            </label>
                          </div>
                          {localised({
                            path: `${op}.feedback`,
                            label: t('authoring.feedback'),
                            value: o.feedback,
                            set: (v) =>
                              edit((d) => {
                                d.modules[mi]!.quiz.questions[qi]!.options[oi]!.feedback = v;
                              }),
                          })}
                          <button
                            type="button"
                            className="ds-button"
                            data-variant="tertiary"
                            onClick={() =>
                              edit((d) => void d.modules[mi]!.quiz.questions[qi]!.options.splice(oi, 1))
                            }
                          >
                            {t('authoring.remove', { what: optionName })}
                          </button>
                        </fieldset>
                      );
                    })}
                    {q.options.length < 8 ? (
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="secondary"
                        onClick={() =>
                          edit((d) => {
                            const opts = d.modules[mi]!.quiz.questions[qi]!.options;
                            opts.push({ key: nextKey('o', opts), text: {}, correct: false, feedback: {} });
                          })
                        }
                      >
                        {t('authoring.addOption')}
                        <span className="sr-only">, {questionName}</span>
                      </button>
                    ) : null}
                  </fieldset>
                );
              })}
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() =>
                  edit((d) => {
                    const qs = d.modules[mi]!.quiz.questions;
                    qs.push({
                      key: nextKey('q', qs),
                      kind: 'single',
                      prompt: {},
                      options: [
                        { key: 'a', text: {}, correct: true, feedback: {} },
                        { key: 'b', text: {}, correct: false, feedback: {} },
                      ],
                    });
                  })
                }
              >
                {t('authoring.addQuestion')}
                <span className="sr-only">, {moduleName}</span>
              </button>

              <h3 className="ds-heading" data-size="2xs">
                {t('authoring.reflection')}
              </h3>
              {m.reflectionQuestions.map((r, ri) => (
                <div className="author-row" key={ri}>
                  {localised({
                    path: `${mp}.reflectionQuestions.${ri}`,
                    label: t('authoring.reflectionQuestion', { n: ri + 1 }),
                    value: r,
                    set: (v) =>
                      edit((d) => {
                        d.modules[mi]!.reflectionQuestions[ri] = v;
                      }),
                  })}
                  <button
                    type="button"
                    className="ds-button"
                    data-variant="tertiary"
                    onClick={() => edit((d) => void d.modules[mi]!.reflectionQuestions.splice(ri, 1))}
                  >
                    {t('authoring.remove', {
                      what: `${moduleName}, ${t('authoring.reflectionQuestion', { n: ri + 1 })}`,
                    })}
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() => edit((d) => void d.modules[mi]!.reflectionQuestions.push({}))}
              >
                {t('authoring.addReflection')}
                <span className="sr-only">, {moduleName}</span>
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() =>
            edit((d) =>
              d.modules.push({
                key: nextKey('m', d.modules),
                title: {},
                summary: {},
                lessons: [{ key: 'l1', title: {}, body: {}, estimatedMinutes: 5, resources: [] }],
                quiz: { passMark: 0.67, questions: [] },
                reflectionQuestions: [{}, {}],
              }),
            )
          }
        >
          {t('authoring.addModule')}
        </button>
      </Section>

      {preview ? (
        <LearnerPreview
          content={content}
          lang={lang}
          treeOf={lessonTrees.treeOf}
          onClose={() => setPreview(false)}
        />
      ) : null}

      <div className="author-actions">
        <LiveStatus
          message={status ?? (dirty ? t('authoring.unsaved') : null)}
          tone={status ? 'success' : 'info'}
        />
        <div className="button-row">
          <button
            type="button"
            className="ds-button"
            data-variant="primary"
            aria-busy={busy === 'save' || undefined}
            disabled={busy !== null}
            onClick={() => void save()}
          >
            {busy === 'save' ? t('authoring.saving') : t('authoring.save')}
          </button>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => setPreview((p) => !p)}
          >
            {preview ? t('authoring.closePreview') : t('authoring.previewAsLearner')}
          </button>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
          >
            {t('authoring.publish')}
          </button>
        </div>
        {confirming ? (
          <div
            className="ds-alert"
            data-color="warning"
            role="alertdialog"
            aria-labelledby="publish-confirm-text"
          >
            <p className="ds-paragraph" id="publish-confirm-text">
              {t('authoring.publishConfirm', { version: (publishedVersion ?? 0) + 1 })}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="ds-button"
                data-variant="primary"
                onClick={() => void publish()}
                ref={(el) => el?.focus()}
              >
                {t('authoring.publishYes')}
              </button>
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() => setConfirming(false)}
              >
                {t('authoring.cancel')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </Page>
  );
}

function languageName(code: string, t: (k: string) => string): string {
  if (code === PLAIN_SWEDISH) return `${t('languages.sv')} (lättläst) – ${code}`;
  try {
    const name = new Intl.DisplayNames([document.documentElement.lang || 'sv'], { type: 'language' }).of(
      code,
    );
    return name && name !== code ? `${name} – ${code}` : code;
  } catch {
    return code;
  }
}

function LocalisedField({
  path,
  label,
  value,
  set,
  multiline,
  lang,
  dir,
}: {
  path: string;
  label: string;
  value: DraftLocalised;
  set: (v: DraftLocalised) => void;
  multiline?: boolean | undefined;
  lang: string;
  dir: 'rtl' | 'ltr';
}) {
  const { t } = useTranslation();
  const id = fieldId(path);
  const [text, setText] = useState(value[lang] ?? '');
  useEffect(() => setText(value[lang] ?? ''), [value, lang]);
  const missing = !(value[lang] ?? '').trim();
  const hint = lang !== 'sv' && value.sv ? t('authoring.inSwedish', { text: value.sv.slice(0, 200) }) : null;
  const onChange = (v: string) => {
    setText(v);
    const next = { ...value };
    if (v) next[lang] = v;
    else delete next[lang];
    set(next);
  };
  const described =
    [hint ? `${id}-hint` : null, missing ? `${id}-missing` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ds-field field">
      <label className="ds-label" data-weight="medium" htmlFor={id}>
        {label} <span className="lang-code">({lang})</span>
      </label>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`} lang="sv" dir="ltr">
          {hint}
        </div>
      ) : null}
      {missing ? (
        <div className="missing-text" id={`${id}-missing`}>
          {t('authoring.missing', { lang })}
        </div>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          className="ds-input"
          rows={path.endsWith('.body') ? 10 : 3}
          lang={lang}
          dir={dir}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={described}
        />
      ) : (
        <input
          id={id}
          className="ds-input"
          lang={lang}
          dir={dir}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={described}
        />
      )}
    </div>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: number;
  set: (v: number) => void;
}) {
  return (
    <div className="ds-field field">
      <label className="ds-label" data-weight="medium" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="ds-input number-input"
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v)) props.set(v);
        }}
      />
    </div>
  );
}

function ListControls(props: {
  what: string;
  index: number;
  length: number;
  move: (to: number) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row list-controls">
      <button
        type="button"
        className="ds-button"
        data-variant="tertiary"
        data-size="sm"
        disabled={props.index === 0}
        onClick={() => props.move(props.index - 1)}
      >
        {t('authoring.moveUp', { what: props.what })}
      </button>
      <button
        type="button"
        className="ds-button"
        data-variant="tertiary"
        data-size="sm"
        disabled={props.index === props.length - 1}
        onClick={() => props.move(props.index + 1)}
      >
        {t('authoring.moveDown', { what: props.what })}
      </button>
      <button
        type="button"
        className="ds-button"
        data-variant="tertiary"
        data-size="sm"
        onClick={props.remove}
      >
        {t('authoring.remove', { what: props.what })}
      </button>
    </div>
  );
}

/** A lesson's tree once the server has parsed it (nothing while the first answer is on its way). */
function PreviewTree({ tree }: { tree: MdTree | undefined }) {
  return tree ? <Markdown tree={tree} /> : null;
}

function LearnerPreview({
  content,
  lang,
  treeOf,
  onClose,
}: {
  content: DraftContent;
  lang: string;
  treeOf: (place: string, text: string) => MdTree | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pick = (x: DraftLocalised) => x[lang] || x.sv || '';
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const body: ReactNode = content.modules.map((m) => (
    <section key={m.key} className="preview-module">
      <h3 className="ds-heading" data-size="xs">
        {pick(m.title)}
      </h3>
      <p className="ds-paragraph">{pick(m.summary)}</p>
      {m.lessons.map((l) => (
        <article key={l.key} className="lesson-body">
          <h4 className="ds-heading" data-size="2xs">
            {pick(l.title)}
          </h4>
          <PreviewTree tree={treeOf(`${m.key}/${l.key}`, pick(l.body))} />
        </article>
      ))}
      {m.quiz.questions.length ? (
        <ol className="ds-list">
          {m.quiz.questions.map((q) => (
            <li key={q.key}>
              {pick(q.prompt)}
              <ul className="ds-list">
                {q.options.map((o) => (
                  <li key={o.key}>{pick(o.text)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  ));
  return (
    <section className="section learner-preview" aria-labelledby="learner-preview-heading">
      <h2 className="ds-heading" data-size="sm" id="learner-preview-heading">
        {t('authoring.learnerPreview')}
      </h2>
      <div lang={lang} dir={dir}>
        <p className="ds-heading" data-size="md">
          {pick(content.title)}
        </p>
        <p className="ds-paragraph">{pick(content.summary)}</p>
        {body}
      </div>
      <button type="button" className="ds-button" data-variant="secondary" onClick={onClose}>
        {t('authoring.closePreview')}
      </button>
    </section>
  );
}

function move<T>(list: T[], from: number, to: number) {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
}

function nextKey(prefix: string, items: readonly { key: string }[]): string {
  let n = items.length + 1;
  while (items.some((i) => i.key === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
