import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { CaseView } from '../../../shared/contracts/cases.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { AttachmentsEditor } from './AttachmentsEditor.tsx';
import { CaseForm, caseFormFields } from './CaseForm.tsx';
import { type CaseFormValues, fieldsOf, valuesOf } from './case-form-state.ts';
import { caseKey, casesKey, useCase } from './case-queries.ts';

/** Changing a draft (or returned or withdrawn) case and its attachments. */
export function EditCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useFormErrors('case');
  const c = useCase(id);
  const save = useMutation({
    mutationFn: (values: CaseFormValues) =>
      api.put(`/cases/${encodeURIComponent(id)}`, CaseView, fieldsOf(values)),
    onSuccess: async (view) => {
      qc.setQueryData(caseKey(id), view);
      await qc.invalidateQueries({ queryKey: casesKey });
      navigate(`/kunskapsbank/${id}`, { state: { saved: true } });
    },
    onError: (err) => form.failFromApi(err, caseFormFields),
  });
  if (c.isPending) return <Loading />;
  if (c.isError) return <QueryFailure error={c.error} onRetry={() => void c.refetch()} />;
  const saved = (location.state as { saved?: boolean } | null)?.saved ?? false;
  return (
    <Page title={t('cases.form.editTitle')} lead={c.data.title}>
      <p>
        <Link className="ds-link" to={`/kunskapsbank/${id}`}>
          {t('cases.form.cancel')}
        </Link>
      </p>
      <LiveStatus message={saved ? t('cases.form.saved') : null} />
      {c.data.canEdit ? (
        <>
          <AttachmentsEditor c={c.data} />
          <CaseForm
            key={c.data.updatedAt}
            initial={valuesOf(c.data)}
            municipalityCode={c.data.municipality.code}
            submitLabel={t('cases.form.save')}
            busy={save.isPending}
            form={form}
            onSubmit={(values) => save.mutate(values)}
          />
        </>
      ) : (
        <p className="ds-paragraph">{t('cases.form.notEditable')}</p>
      )}
    </Page>
  );
}
