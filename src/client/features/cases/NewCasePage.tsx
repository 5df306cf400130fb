import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CaseView } from '../../../shared/contracts/cases.ts';
import { Loading } from '../../components/Feedback.tsx';
import { useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { CaseForm, caseFormFields } from './CaseForm.tsx';
import { type CaseFormValues, emptyCase, fieldsOf } from './case-form-state.ts';
import { authorMunicipalities, casesKey } from './case-queries.ts';

/** A new draft case for a municipality the person coordinates; attachments are added once it is saved. */
export function NewCasePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useFormErrors('case');
  const create = useMutation({
    mutationFn: ({ values, code }: { values: CaseFormValues; code: string }) =>
      api.post('/cases', CaseView, {
        municipalityCode: code,
        ...fieldsOf(values),
      }),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: casesKey });
      navigate(`/kunskapsbank/${c.id}/redigera`, { state: { saved: true } });
    },
    onError: (err) => form.failFromApi(err, caseFormFields),
  });
  if (me.isPending) return <Loading />;
  const municipalities = me.data ? authorMunicipalities(me.data) : [];
  return (
    <Page title={t('cases.form.newTitle')}>
      {municipalities.length === 0 ? (
        <p className="ds-paragraph">{t('cases.form.noMunicipality')}</p>
      ) : (
        <CaseForm
          initial={emptyCase}
          municipalities={municipalities}
          submitLabel={t('cases.form.create')}
          busy={create.isPending}
          form={form}
          onSubmit={(values, code) => create.mutate({ values, code })}
        />
      )}
    </Page>
  );
}
