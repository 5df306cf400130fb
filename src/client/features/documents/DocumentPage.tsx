import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { GoverningDocument } from '../../../shared/contracts/documents.ts';
import { LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { API, api } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/i18n.ts';
import { DocumentForm } from './DocumentForm.tsx';
import { formatSize, useDocumentOwners } from './document-queries.ts';

/** One document: what it is, whose, its dates and file; its owner's coordinators can change it. */
export function DocumentPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<boolean>((location.state as { saved?: boolean } | null)?.saved ?? false);
  const owners = useDocumentOwners();
  const doc = useQuery({
    queryKey: ['document', id],
    queryFn: () => api.get(`/documents/${encodeURIComponent(id)}`, GoverningDocument),
  });
  if (doc.isPending) return <Loading />;
  if (doc.isError) return <QueryFailure error={doc.error} onRetry={() => void doc.refetch()} />;
  const d = doc.data;
  const date = (v: string | null) => (v ? formatDate(v) : t('documents.detail.notSet'));

  return (
    <Page title={d.title}>
      <p>
        <Link className="ds-link" to="/styrdokument">
          {t('documents.detail.back')}
        </Link>
      </p>
      <LiveStatus message={saved ? t('documents.form.saved') : null} />
      {d.reviewDue ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('documents.detail.reviewDue', { date: date(d.reviewOn) })}</p>
        </div>
      ) : null}
      <p className="tags">
        <Tag color={d.status === 'adopted' ? 'success' : 'neutral'}>
          {t(`documents.statuses.${d.status}`)}
        </Tag>
        {d.focusAreas.map((a) => (
          <Tag key={a} color="neutral">
            {a}
          </Tag>
        ))}
      </p>
      {d.summary ? <p className="ds-paragraph">{d.summary}</p> : null}
      <dl className="document-facts">
        <dt>{t('documents.fields.kind')}</dt>
        <dd>{t(`documents.kinds.${d.kind}`)}</dd>
        <dt>{t('documents.fields.level')}</dt>
        <dd>{t(`documents.levels.${d.level}`)}</dd>
        <dt>{t('documents.fields.owner')}</dt>
        <dd>{d.owner.name}</dd>
        <dt>{t('documents.fields.adoptedOn')}</dt>
        <dd>{date(d.adoptedOn)}</dd>
        <dt>{t('documents.fields.validUntil')}</dt>
        <dd>{date(d.validUntil)}</dd>
        <dt>{t('documents.fields.reviewOn')}</dt>
        <dd>{date(d.reviewOn)}</dd>
        <dt>{t('documents.detail.updated')}</dt>
        <dd>{formatDateTime(d.updatedAt)}</dd>
      </dl>
      <ul className="link-list">
        {d.file ? (
          <li>
            <a className="ds-link" href={`${API}/documents/${d.id}/file`} download={d.file.fileName}>
              {t('documents.detail.download', {
                name: d.file.fileName,
                size: formatSize(d.file.sizeBytes, i18n.language),
              })}
            </a>
          </li>
        ) : (
          <li>{t('documents.detail.noFile')}</li>
        )}
        {d.url ? (
          <li>
            <a className="ds-link" href={d.url} rel="noopener noreferrer">
              {t('documents.detail.link')}
            </a>
          </li>
        ) : null}
      </ul>
      {d.canEdit && !editing ? (
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('documents.detail.edit')}
        </button>
      ) : null}
      {d.canEdit && editing ? (
        <Section title={t('documents.form.editTitle', { title: d.title })} id="document-edit">
          <DocumentForm
            owners={owners.data?.items ?? []}
            existing={d}
            onSaved={(next) => {
              qc.setQueryData(['document', id], next);
              void qc.invalidateQueries({ queryKey: ['documents'] });
              setEditing(false);
              setSaved(true);
            }}
            onCancel={() => setEditing(false)}
          />
        </Section>
      ) : null}
    </Page>
  );
}
