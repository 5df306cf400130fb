import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { supportNeedKeys } from '../../../shared/contracts/initiatives.ts';
import {
  CreateSupportRequest,
  SupportRequestView,
  supportUrgencies,
} from '../../../shared/contracts/support.ts';
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
import { requesterMunicipalities, requestKey, supportKey, useOffers } from './support-queries.ts';

/** `/stod/ny`: a municipality's coordinator asks its region or one of its associations for support. */
export function NewSupportRequestPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  const municipalities = me.data ? requesterMunicipalities(me.data) : [];
  return (
    <Page title={t('support.request.newTitle')} lead={t('support.request.newLead')}>
      <p>
        <Link className="ds-link" to="/stod">
          {t('support.back')}
        </Link>
      </p>
      {municipalities.length ? (
        <NewRequestForm municipalities={municipalities} />
      ) : (
        <p className="ds-paragraph">{t('support.request.noMunicipality')}</p>
      )}
    </Page>
  );
}

function NewRequestForm({ municipalities }: { municipalities: { code: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [created, setCreated] = useState<string | null>(null);
  const cf = useContractForm(CreateSupportRequest, {
    id: 'support-request',
    defaultValues: {
      municipalityCode: municipalities[0]!.code,
      providerOrganisationId: '',
      offerId: params.get('erbjudande') ?? undefined,
      subject: '',
      body: '',
      technologyKeys: [],
      urgency: 'normal',
    },
    labels: {
      municipalityCode: t('support.request.municipality'),
      providerOrganisationId: t('support.request.provider'),
      offerId: t('support.request.offer'),
      need: t('support.request.need'),
      subject: t('support.request.subject'),
      body: t('support.request.body'),
      technologyKeys: t('support.request.technologies'),
      urgency: t('support.request.urgency'),
    },
    onSubmit: async (values) => {
      const r = await api.post('/support-requests', SupportRequestView, values);
      qc.setQueryData(requestKey(r.id), r);
      void qc.invalidateQueries({ queryKey: supportKey });
      setCreated(r.id);
      return t('support.request.sent');
    },
  });
  const municipality = cf.form.watch('municipalityCode');
  const provider = cf.form.watch('providerOrganisationId');
  const offerId = cf.form.watch('offerId');
  const offers = useOffers({ municipality, status: 'active' });
  const technologies = useTechnologies(i18n.language);
  const askable = offers.data?.askable ?? [];
  const chosenOffer = offers.data?.items.find((o) => o.id === offerId);
  const { setValue } = cf.form;
  // An offer chosen on /stod names its provider: the form starts with both filled in.
  useEffect(() => {
    if (chosenOffer && !provider) setValue('providerOrganisationId', chosenOffer.provider.id);
    else if (!provider && askable.length === 1) setValue('providerOrganisationId', askable[0]!.id);
  }, [chosenOffer, provider, askable, setValue]);
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !created);
  useEffect(() => {
    if (created) navigate(`/stod/forfragningar/${created}`);
  }, [created, navigate]);
  if (offers.isPending) return <Loading />;
  // Until a provider is chosen every offer is listed, so that an offer chosen on /stod shows as chosen.
  const providerOffers = (offers.data?.items ?? []).filter((o) => !provider || o.provider.id === provider);
  return (
    <form className="support-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      {municipalities.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="municipalityCode"
          required
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      ) : null}
      <ContractSelectField
        cf={cf}
        name="providerOrganisationId"
        required
        placeholder={t('support.request.chooseProvider')}
        options={askable.map((p) => ({ value: p.id, label: p.name }))}
      />
      <ContractSelectField
        cf={cf}
        name="offerId"
        placeholder={t('support.request.noOffer')}
        hint={t('support.request.offerHint')}
        options={providerOffers.map((o) => ({
          value: o.id,
          label: `${o.title} (${t('support.offers.target', { count: o.responseDays })})`,
        }))}
      />
      {offerId ? null : (
        <ContractSelectField
          cf={cf}
          name="need"
          required
          placeholder={t('support.request.chooseNeed')}
          options={supportNeedKeys.map((k) => ({ value: k, label: t(`initiatives.supportNeed.${k}`) }))}
        />
      )}
      <ContractTextField cf={cf} name="subject" required maxLength={200} />
      <ContractTextAreaField
        cf={cf}
        name="body"
        required
        maxLength={8000}
        rows={8}
        hint={t('support.request.bodyHint')}
      />
      <ContractSelectField
        cf={cf}
        name="urgency"
        required
        options={supportUrgencies.map((u) => ({ value: u, label: t(`support.urgency.${u}`) }))}
      />
      <ContractCheckboxGroup
        cf={cf}
        name="technologyKeys"
        hint={t('support.request.technologiesHint')}
        options={(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))}
      />
      <SubmitButton
        busy={cf.busy}
        label={t('support.request.send')}
        busyLabel={t('support.request.sending')}
      />
      {cf.saved}
      {leaving}
    </form>
  );
}
