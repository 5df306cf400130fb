import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { DocumentForm } from './DocumentForm.tsx';
import { useDocumentOwners } from './document-queries.ts';

/** A coordinator adds a document of their organisation, with its file. */
export function NewDocumentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const owners = useDocumentOwners();
  if (owners.isPending) return <Loading />;
  if (owners.isError) return <ErrorAlert error={owners.error} onRetry={() => void owners.refetch()} />;
  return (
    <Page title={t('documents.form.newTitle')}>
      <p>
        <Link className="ds-link" to="/styrdokument">
          {t('documents.detail.back')}
        </Link>
      </p>
      {owners.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('documents.form.noOwners')}</p>
      ) : (
        <DocumentForm
          owners={owners.data.items}
          onSaved={(doc) => {
            void qc.invalidateQueries({ queryKey: ['documents'] });
            qc.setQueryData(['document', doc.id], doc);
            navigate(`/styrdokument/${doc.id}`, { state: { saved: true } });
          }}
          onCancel={() => navigate('/styrdokument')}
        />
      )}
    </Page>
  );
}
