import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseDraftView } from '../../../shared/contracts/authoring.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { FileUploadForm } from '../../components/form/FileUploadForm.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { authoringKeys, replaceCoursePackage } from './data.ts';
import { PACKAGE_MAX_MB, PACKAGE_TYPES } from './ImportCourseForm.tsx';
import { PackageErrorAlert } from './package-problem.tsx';

type Imported = NonNullable<CourseDraftView['imported']>;

/**
 * An imported SCORM or cmi5 course (issue 18). Its content is written in the tool that made the package,
 * so instead of the editor the author sees what the package holds, previews it as a learner would, and
 * replaces it with a new version (published at once; modules keep their progress where their SCO or AU
 * identifiers match).
 */
export function ImportedCourseView({ view, imported }: { view: CourseDraftView; imported: Imported }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const replace = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return replaceCoursePackage(view.id, body);
    },
    onSuccess: async (result) => {
      if (input.current) input.current.value = '';
      setMessage(t('authoring.packages.replaced', { version: result.version }));
      await qc.invalidateQueries({ queryKey: authoringKeys.draft(view.id) });
      await qc.invalidateQueries({ queryKey: authoringKeys.list });
      await qc.invalidateQueries({ queryKey: ['courses'] });
    },
  });

  return (
    <Page title={t('authoring.packages.pageTitle', { title: imported.title })}>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/forfatta">
          {t('authoring.back')}
        </Link>
      </p>
      <p className="ds-paragraph">
        {view.ownerName} · {t(`authoring.visibility.${view.visibility}`)} ·{' '}
        {t(`authoring.tracks.${view.track}`)}
      </p>
      <p className="ds-paragraph">{t('authoring.packages.notEditable')}</p>

      <Section title={t('authoring.packages.about')} id="imported-about">
        <dl className="facts">
          <dt>{t('authoring.packages.format')}</dt>
          <dd>{t(`authoring.packages.formats.${imported.format}`)}</dd>
          <dt>{t('authoring.packages.version')}</dt>
          <dd>{view.publishedVersion ?? '–'}</dd>
        </dl>
        <h3 className="ds-heading" data-size="xs">
          {t('authoring.packages.modules', { count: imported.modules.length })}
        </h3>
        <ol className="ds-list">
          {imported.modules.map((m) => (
            <li key={m.key}>{m.title}</li>
          ))}
        </ol>
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/utbildning/kurser/${view.id}`}>
            {t('authoring.previewAsLearner')}
          </Link>
        </p>
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/utbildning/kurser/${view.id}/aterkoppling`}>
            {t('programmes.feedback.link')}
          </Link>
        </p>
      </Section>

      <Section title={t('authoring.packages.replaceTitle')} id="imported-replace">
        <p className="ds-paragraph">{t('authoring.packages.replaceLead')}</p>
        <LiveStatus message={message} />
        {replace.isError ? <PackageErrorAlert error={replace.error} /> : null}
        <FileUploadForm
          id="replace-package-file"
          className="form"
          inputRef={input}
          accept={PACKAGE_TYPES}
          texts={{
            label: t('authoring.packages.file'),
            hint: t('authoring.packages.fileHint', { mb: PACKAGE_MAX_MB }),
            chooseFile: t('authoring.packages.chooseFile'),
            submit: t('authoring.packages.replaceSubmit'),
            busy: t('authoring.packages.replacing'),
          }}
          busy={replace.isPending}
          onFile={(file) => {
            setMessage(null);
            replace.reset();
            if (file && !replace.isPending) replace.mutate(file);
          }}
        />
      </Section>
    </Page>
  );
}
