import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { type CourseDraftView, DraftContent, type DraftLesson } from '../../../shared/contracts/authoring.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { contractResolver } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { ApiError } from '../../lib/api.ts';
import { CourseDetailsEditor } from './CourseDetailsEditor.tsx';
import { authoringKeys, fetchDraft, publishCourse, saveDraft } from './data.ts';
import { EditorActions } from './EditorActions.tsx';
import { fieldId, isRtl, LocalisedField, type LocalisedProps } from './editor-fields.tsx';
import { type Problem, problemsFromApi, problemsFromForm } from './editor-problems.ts';
import { ImportedCourseView } from './ImportedCourseView.tsx';
import { LanguagesEditor } from './LanguagesEditor.tsx';
import { LearnerPreview } from './LearnerPreview.tsx';
import { ModulesEditor } from './ModulesEditor.tsx';
import { useLessonPreview } from './useLessonPreview.ts';
import './authoring.css';

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
  const { content, imported } = draft.data;
  // An imported package is not edited here: its page shows what it holds and takes a new version.
  if (imported) return <ImportedCourseView view={draft.data} imported={imported} />;
  if (!content) return null;
  return <Editor key={`${id}:${generation}`} initial={{ ...draft.data, content }} onReload={reload} />;
}

type WrittenDraft = CourseDraftView & { content: DraftContent };

/**
 * The course editor: languages, details, modules (lessons, quiz, reflection) and the actions. The
 * draft is one form checked in the browser by the shared draft contract (react-hook-form with its zod
 * resolver) before it is saved; publishing's own rules (every declared language filled in) stay on the
 * server, and both kinds of problem are listed in one summary linked to the fields.
 */
function Editor({ initial, onReload }: { initial: WrittenDraft; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const uiLang: UiLanguage = i18n.language === 'en' ? 'en' : 'sv';
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
  const [preview, setPreview] = useState(false);
  const resolver = useMemo(() => contractResolver(DraftContent), []);
  const form = useForm<z.input<typeof DraftContent>, unknown, DraftContent>({
    defaultValues: initial.content,
    resolver,
  });

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
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const lessonText = (l: DraftLesson) => l.body[lang] || l.body.sv || '';
  const lessonTrees = useLessonPreview(
    initial.id,
    content.modules.flatMap((m) => m.lessons.map(lessonText)),
  );
  const invalid = (path: string) => problems.some((p) => p.path === path);

  const focusProblem = (p: Problem) => {
    if (p.lang) setLang(p.lang);
    setTimeout(() => {
      const el = document.getElementById(fieldId(p.path));
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    }, 0);
  };

  /** The draft as the contract reads it, or null with its problems listed. */
  const validate = async (): Promise<DraftContent | null> => {
    const out: { value: DraftContent | null } = { value: null };
    form.reset(content);
    await form.handleSubmit(
      (valid) => {
        out.value = valid;
      },
      (errors) => setProblems(problemsFromForm(errors, t, uiLang)),
    )();
    return out.value;
  };

  const save = async (): Promise<string | null> => {
    setError(null);
    setProblems([]);
    const valid = await validate();
    if (!valid) return null;
    setBusy('save');
    try {
      const saved = await saveDraft(initial.id, updatedAt, valid);
      setUpdatedAt(saved.updatedAt);
      setDirty(false);
      setStatus(t('authoring.saved'));
      qc.setQueryData(authoringKeys.draft(initial.id), saved);
      await qc.invalidateQueries({ queryKey: authoringKeys.list });
      return saved.updatedAt;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else if (err instanceof ApiError && err.status === 400)
        setProblems(problemsFromApi(err, 'body.content.', t));
      else setError(err);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
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
      else if (err instanceof ApiError && err.status === 400) setProblems(problemsFromApi(err, 'draft.', t));
      else setError(err);
    } finally {
      setBusy(null);
    }
  };

  const localised = (props: LocalisedProps) => (
    <LocalisedField key={`${props.path}-${lang}`} lang={lang} dir={dir} {...props} />
  );

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
            {problems.slice(0, 50).map((p) => (
              <li key={`${p.path}|${p.lang ?? ''}|${p.message}`}>
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

      <LanguagesEditor content={content} lang={lang} setLang={setLang} edit={edit} />
      <CourseDetailsEditor content={content} edit={edit} localised={localised} invalid={invalid} />
      <ModulesEditor
        content={content}
        lang={lang}
        dir={dir}
        edit={edit}
        localised={localised}
        invalid={invalid}
        preview={lessonTrees}
        lessonText={lessonText}
      />

      {preview ? (
        <LearnerPreview
          content={content}
          lang={lang}
          treeOf={lessonTrees.treeOf}
          onClose={() => setPreview(false)}
        />
      ) : null}

      <EditorActions
        status={status}
        dirty={dirty}
        busy={busy}
        preview={preview}
        nextVersion={(publishedVersion ?? 0) + 1}
        onSave={() => void save()}
        onTogglePreview={() => setPreview((p) => !p)}
        onPublish={() => void publish()}
      />
    </Page>
  );
}
