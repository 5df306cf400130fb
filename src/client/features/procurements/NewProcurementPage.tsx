import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CreateProcurement, ProcurementView } from '../../../shared/contracts/procurements.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import {
  leadOrganisations,
  procurementKey,
  procurementPath,
  procurementsKey,
  useInvitable,
} from './procurement-queries.ts';

/**
 * `/upphandlingar/ny`: start a joint procurement. The expiry radar links here with
 * `?teknik=<technology key>&kommuner=<code,code>` ("Starta samordnad upphandling"): the form opens with
 * that technology and those municipalities chosen.
 */
export function NewProcurementPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const leads = me.data ? leadOrganisations(me.data) : [];
  return (
    <Page title={t('procurements.new.title')} lead={t('procurements.new.lead')}>
      {leads.length ? (
        <NewProcurementForm leads={leads} />
      ) : (
        <p className="ds-paragraph">{t('procurements.new.noLead')}</p>
      )}
    </Page>
  );
}

function NewProcurementForm({ leads }: { leads: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [created, setCreated] = useState<string | null>(null);
  const technologies = useTechnologies(i18n.language);
  const technologyKey = params.get('teknik') ?? '';
  const codes = (params.get('kommuner') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const cf = useContractForm(CreateProcurement, {
    id: 'procurement',
    defaultValues: {
      leadOrganisationId: leads.length === 1 ? leads[0]!.id : '',
      technologyKey,
      title: '',
      description: '',
      municipalityCodes: codes,
    },
    labels: {
      leadOrganisationId: t('procurements.fields.lead'),
      technologyKey: t('procurements.fields.technology'),
      title: t('procurements.fields.title'),
      description: t('procurements.fields.description'),
      municipalityCodes: t('procurements.fields.municipalities'),
    },
    onSubmit: async (values) => {
      const p = await api.post('/procurements', ProcurementView, {
        ...values,
        description: values.description || undefined,
      });
      qc.setQueryData(procurementKey(p.id), p);
      void qc.invalidateQueries({ queryKey: procurementsKey });
      setCreated(p.id);
      return t('procurements.new.created');
    },
  });
  const lead = cf.form.watch('leadOrganisationId');
  const chosenTechnology = cf.form.watch('technologyKey');
  const invitable = useInvitable(lead || undefined);
  const { setValue, getValues } = cf.form;
  const technologyName = technologies.data?.items.find((x) => x.key === chosenTechnology)?.name;
  // A title to start from once the technology is known; the coordinator may write her own.
  useEffect(() => {
    if (technologyName && !getValues('title'))
      setValue(
        'title',
        t('procurements.new.defaultTitle', { technology: technologyName.toLocaleLowerCase('sv') }),
      );
  }, [technologyName, getValues, setValue, t]);
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !created);
  useEffect(() => {
    if (created) navigate(procurementPath(created));
  }, [created, navigate]);
  if (technologies.isPending) return <Loading />;
  // Codes from the radar that the lead may not invite stay chosen, so that the server names them.
  const known = new Set((invitable.data?.items ?? []).map((m) => m.code));
  const extra = codes.filter((c) => !known.has(c)).map((c) => ({ value: c, label: c }));
  return (
    <form className="procurement-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="leadOrganisationId"
        required
        {...(leads.length === 1 ? {} : { placeholder: t('procurements.new.chooseLead') })}
        options={leads.map((l) => ({ value: l.id, label: l.name }))}
      />
      <ContractSelectField
        cf={cf}
        name="technologyKey"
        required
        placeholder={t('procurements.new.chooseTechnology')}
        options={(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))}
      />
      <ContractTextField cf={cf} name="title" required maxLength={200} />
      <ContractTextAreaField
        cf={cf}
        name="description"
        rows={4}
        maxLength={4000}
        hint={t('procurements.new.descriptionHint')}
      />
      {lead ? (
        invitable.isPending ? (
          <Loading />
        ) : (
          <ContractCheckboxGroup
            cf={cf}
            name="municipalityCodes"
            columns
            hint={t('procurements.new.municipalitiesHint')}
            options={[
              ...(invitable.data?.items ?? []).map((m) => ({ value: m.code, label: m.name })),
              ...(invitable.isSuccess ? extra : []),
            ]}
          />
        )
      ) : null}
      <SubmitButton
        busy={cf.busy}
        label={t('procurements.new.submit')}
        busyLabel={t('procurements.new.submitting')}
      />
      {cf.saved}
      {leaving}
    </form>
  );
}
