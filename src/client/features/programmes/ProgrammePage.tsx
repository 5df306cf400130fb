import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { scopeFor } from '../../../shared/access/index.ts';
import {
  ProgrammeEnrolmentResult,
  type ProgrammeImportResult,
  ProgrammeImportResult as ProgrammeImportResultSchema,
  type ProgrammeView,
} from '../../../shared/contracts/programmes.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { EnrolPanel } from './EnrolPanel.tsx';
import { formatDate, formatNumber, formatSek, programmeKey, useProgramme } from './shared.ts';

function Facts({ p }: { p: ProgrammeView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section title={t('programmes.facts')} id="facts">
      <dl className="facts">
        <dt>{t('programmes.owner')}</dt>
        <dd>{p.owner.name}</dd>
        <dt>{t('programmes.period')}</dt>
        <dd>
          {formatDate(p.startsOn, lang)} – {formatDate(p.endsOn, lang)}
        </dd>
        <dt>{t('programmes.enrolled')}</dt>
        <dd>
          {formatNumber(p.enrolled, lang)} / {formatNumber(p.targetParticipants, lang)}
        </dd>
        <dt>{t('programmes.municipalities')}</dt>
        <dd>{p.municipalities.map((m) => m.name).join(', ') || '–'}</dd>
        {p.funding.funder ? (
          <>
            <dt>{t('programmes.funder')}</dt>
            <dd>{p.funding.funder}</dd>
          </>
        ) : null}
        {p.funding.esfProjectNumber ? (
          <>
            <dt>{t('programmes.esf')}</dt>
            <dd>{p.funding.esfProjectNumber}</dd>
          </>
        ) : null}
        {p.funding.budgetSek !== undefined ? (
          <>
            <dt>{t('programmes.budget')}</dt>
            <dd>{formatSek(p.funding.budgetSek, lang)}</dd>
          </>
        ) : null}
        {p.funding.grantedSek !== undefined ? (
          <>
            <dt>{t('programmes.granted')}</dt>
            <dd>{formatSek(p.funding.grantedSek, lang)}</dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}

function Courses({ p }: { p: ProgrammeView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('programmes.courses')} id="courses">
      {p.courses.length === 0 ? (
        <p className="ds-paragraph">{t('programmes.noCourses')}</p>
      ) : (
        <TableWrap label={t('programmes.courses')}>
          <table className="ds-table" data-border="true">
            <caption>{t('programmes.courses')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.track')}</th>
                <th scope="col">{t('programmes.course')}</th>
                {p.canManage ? <th scope="col">{t('programmes.feedback.title')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.courses.map((c) => (
                <tr key={c.track}>
                  <th scope="row">{t(`programmes.tracks.${c.track}`)}</th>
                  <td>
                    <Link className="ds-link" to={`/utbildning/kurser/${c.courseId}`}>
                      {c.title}
                    </Link>
                  </td>
                  {p.canManage ? (
                    <td>
                      <Link
                        className="ds-link"
                        to={`/utbildning/kurser/${c.courseId}/aterkoppling`}
                        aria-label={t('programmes.feedback.linkFor', { course: c.title })}
                      >
                        {t('programmes.feedback.link')}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Section>
  );
}

function SelfEnrol({ p }: { p: ProgrammeView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const enrol = useMutation({
    mutationFn: () => api.post(`/programmes/${p.id}/enrolments`, ProgrammeEnrolmentResult, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: programmeKey(p.id) });
      void qc.invalidateQueries({ queryKey: ['my-learning'] });
    },
  });
  return (
    <Section title={t('programmes.selfEnrolment')} id="self-enrol">
      {enrol.isError ? <ErrorAlert error={enrol.error} /> : null}
      <LiveStatus message={enrol.isSuccess ? t('programmes.selfEnrolled') : null} />
      {enrol.isSuccess ? null : (
        <button
          type="button"
          className="ds-button"
          data-variant="primary"
          aria-busy={enrol.isPending || undefined}
          onClick={() => {
            if (!enrol.isPending) enrol.mutate();
          }}
        >
          {t('programmes.selfEnrol')}
        </button>
      )}
    </Section>
  );
}

function CsvEnrol({ p }: { p: ProgrammeView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<ProgrammeImportResult | null>(null);
  const run = useMutation({
    mutationFn: ({ mode, file }: { mode: 'preview' | 'commit'; file: File }) => {
      const fd = new FormData();
      fd.append('file', file);
      return api.post(`/programmes/${p.id}/enrolments/import?mode=${mode}`, ProgrammeImportResultSchema, fd);
    },
    onSuccess: (r) => {
      setResult(r);
      if (r.mode === 'commit') void qc.invalidateQueries({ queryKey: programmeKey(p.id) });
    },
  });
  const submit = (mode: 'preview' | 'commit') => {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('programmes.chooseFile'));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    run.mutate({ mode, file });
  };
  return (
    <Section title={t('programmes.csv')} id="csv">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit('preview');
        }}
      >
        <div className="ds-field field">
          <label className="ds-label" data-weight="medium" htmlFor={fileId}>
            {t('programmes.file')}
          </label>
          <div className="field-hint" id={`${fileId}-hint`}>
            {t('programmes.csvLead')}
          </div>
          {fileError ? (
            <div className="ds-validation-message" data-color="danger" id={`${fileId}-error`}>
              {fileError}
            </div>
          ) : null}
          <input
            ref={fileRef}
            id={fileId}
            name="file"
            type="file"
            className="file-input"
            accept=".csv,text/csv,text/plain"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
            onChange={() => setResult(null)}
          />
        </div>
        {run.isError ? <ErrorAlert error={run.error} /> : null}
        <div className="form-actions">
          <SubmitButton
            busy={run.isPending}
            label={t('programmes.preview')}
            busyLabel={t('app.loading')}
            variant="secondary"
          />
          {result?.mode === 'preview' && result.created > 0 ? (
            <button
              type="button"
              className="ds-button"
              data-variant="primary"
              onClick={() => submit('commit')}
            >
              {t('programmes.commit')}
            </button>
          ) : null}
        </div>
      </form>
      <LiveStatus
        message={
          result
            ? t('programmes.csvSummary', {
                total: result.total,
                created: result.created,
                existing: result.existing,
                failed: result.failed,
              })
            : null
        }
      />
      {result && result.rows.length > 0 ? (
        <TableWrap label={t('programmes.csvCaption')}>
          <table className="ds-table" data-border="true">
            <caption>{t('programmes.csvCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.line')}</th>
                <th scope="col">{t('programmes.email')}</th>
                <th scope="col">{t('programmes.personName')}</th>
                <th scope="col">{t('programmes.track')}</th>
                <th scope="col">{t('programmes.outcome')}</th>
                <th scope="col">{t('programmes.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.line}>
                  <th scope="row">{r.line}</th>
                  <td className="break">{r.email ?? '–'}</td>
                  <td>{r.name ?? '–'}</td>
                  <td>{r.track ? t(`programmes.tracks.${r.track}`) : '–'}</td>
                  <td>
                    <Tag
                      color={
                        r.outcome === 'error' ? 'danger' : r.outcome === 'created' ? 'success' : 'neutral'
                      }
                    >
                      {t(`programmes.outcomes.${r.outcome}`)}
                    </Tag>
                  </td>
                  <td>{r.errors.map((e) => e.message).join(' ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Section>
  );
}

export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const programme = useProgramme(id);
  const me = useMe();
  // A manager enrols the people of her units here too; the server lists only whom she may enrol.
  const mayEnrol = me.data ? scopeFor(me.data, 'learning.enrol').memberships.length > 0 : false;
  if (programme.isPending) return <Loading />;
  if (programme.isError)
    return <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  return (
    <Page title={p.name} breadcrumbs={[{ to: '/program', label: t('programmes.title') }, { label: p.name }]}>
      {p.canReport ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/program/${p.id}/rapport`}>
            {t('programmes.report')}
          </Link>
        </p>
      ) : null}
      <Facts p={p} />
      <Courses p={p} />
      {p.canSelfEnrol ? <SelfEnrol p={p} /> : null}
      {p.canManage || p.canReport || mayEnrol ? <EnrolPanel p={p} /> : null}
      {p.canManage || p.canReport ? <CsvEnrol p={p} /> : null}
    </Page>
  );
}
