import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CaseView } from '../../../shared/contracts/cases.ts';
import { Loading } from '../../components/Feedback.tsx';
import { useUnsavedChangesWarning } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { CaseForm } from './CaseForm.tsx';
import { emptyCase, fieldsOf, useCaseForm } from './case-form-state.ts';
import { authorMunicipalities, caseKey, casesKey } from './case-queries.ts';

/**
 * A new draft case for a municipality the person coordinates. Once saved, the person goes on writing on
 * the draft's own page, which also offers attachments and "send for review".
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const municipalities = me.data ? authorMunicipalities(me.data) : [];
  return (
    <Page title={t('cases.form.newTitle')}>
      <p>
        <Link className="ds-link" to="/kunskapsbank">
          {t('cases.detail.back')}
        </Link>
      </p>
      {municipalities.length === 0 ? (
        <p className="ds-paragraph">{t('cases.form.noMunicipality')}</p>
      ) : (
        <NewCaseForm municipalities={municipalities} />
      )}
    </Page>
  );
}

function NewCaseForm({ municipalities }: { municipalities: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const cf = useCaseForm(emptyCase(municipalities[0]?.code ?? ''), async (values) => {
    const c = await api.post('/cases', CaseView, {
      municipalityCode: values.municipalityCode,
      ...fieldsOf(values),
    });
    qc.setQueryData(caseKey(c.id), c);
    void qc.invalidateQueries({ queryKey: casesKey, exact: true });
    setCreated(c.id);
    return t('cases.form.created');
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !created);
  // After the form has taken the saved values as its own (nothing unsaved), go on to the draft's page.
  useEffect(() => {
    if (created) navigate(`/kunskapsbank/${created}/redigera`, { state: { created: true } });
  }, [created, navigate]);
  return (
    <>
      <CaseForm cf={cf} municipalities={municipalities} submitLabel={t('cases.form.create')} />
      {leaving}
    </>
  );
}
