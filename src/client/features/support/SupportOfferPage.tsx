import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { supportNeedKeys } from '../../../shared/contracts/initiatives.ts';
import {
  CreateSupportOffer,
  SupportOffer,
  supportOfferKinds,
  supportOfferStatuses,
  UpdateSupportOffer,
} from '../../../shared/contracts/support.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { supportKey, useOffers } from './support-queries.ts';

/** `/stod/erbjudanden/ny` and `/stod/erbjudanden/:id`: a region's or association's offer, new or changed. */
export function SupportOfferPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const offer = useQuery({
    queryKey: ['support', 'offer', id],
    queryFn: () => api.get(`/support-offers/${encodeURIComponent(id ?? '')}`, SupportOffer),
    enabled: Boolean(id),
  });
  const offers = useOffers();
  if ((id && offer.isPending) || offers.isPending) return <Loading />;
  if (offer.isError) return <QueryFailure error={offer.error} onRetry={() => void offer.refetch()} />;
  if (offers.isError) return <QueryFailure error={offers.error} onRetry={() => void offers.refetch()} />;
  return (
    <Page title={id ? t('support.offerForm.editTitle') : t('support.offerForm.newTitle')}>
      <p>
        <Link className="ds-link" to="/stod">
          {t('support.back')}
        </Link>
      </p>
      {id && offer.data ? (
        <EditOfferForm offer={offer.data} />
      ) : offers.data.providers.length ? (
        <NewOfferForm providers={offers.data.providers} />
      ) : (
        <p className="ds-paragraph">{t('support.offerForm.noProvider')}</p>
      )}
    </Page>
  );
}

function useOfferLabels() {
  const { t } = useTranslation();
  return {
    providerOrganisationId: t('support.offerForm.provider'),
    title: t('support.offerForm.title'),
    description: t('support.offerForm.description'),
    kind: t('support.offerForm.kind'),
    need: t('support.offerForm.need'),
    responseDays: t('support.offerForm.responseDays'),
    status: t('support.offerForm.status'),
  };
}

function NewOfferForm({ providers }: { providers: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const cf = useContractForm(CreateSupportOffer, {
    id: 'support-offer',
    defaultValues: {
      providerOrganisationId: providers[0]!.id,
      title: '',
      description: '',
      kind: 'advice',
      need: 'befintligt-stod',
      responseDays: 5,
      status: 'active',
    },
    labels: useOfferLabels(),
    onSubmit: async (values) => {
      await api.post('/support-offers', SupportOffer, values);
      await qc.invalidateQueries({ queryKey: supportKey });
      navigate('/stod#offers');
      return t('support.offerForm.saved');
    },
  });
  return (
    <form className="support-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      {providers.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="providerOrganisationId"
          required
          options={providers.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      <OfferFields cf={cf} />
      <SubmitButton
        busy={cf.busy}
        label={t('support.offerForm.publish')}
        busyLabel={t('support.offerForm.saving')}
      />
      {cf.saved}
    </form>
  );
}

function EditOfferForm({ offer }: { offer: SupportOffer }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cf = useContractForm(UpdateSupportOffer, {
    id: 'support-offer',
    defaultValues: {
      title: offer.title,
      description: offer.description,
      kind: offer.kind,
      need: offer.need,
      responseDays: offer.responseDays,
      status: offer.status,
    },
    labels: useOfferLabels(),
    onSubmit: async (values) => {
      const saved = await api.put(`/support-offers/${offer.id}`, SupportOffer, values);
      qc.setQueryData(['support', 'offer', offer.id], saved);
      void qc.invalidateQueries({ queryKey: supportKey });
      return t('support.offerForm.saved');
    },
  });
  return (
    <form className="support-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <OfferFields cf={cf} />
      <ContractSelectField
        cf={cf}
        name="status"
        required
        hint={t('support.offerForm.statusHint')}
        options={supportOfferStatuses.map((s) => ({ value: s, label: t(`support.offerStatus.${s}`) }))}
      />
      <SubmitButton
        busy={cf.busy}
        label={t('support.offerForm.save')}
        busyLabel={t('support.offerForm.saving')}
      />
      {cf.saved}
    </form>
  );
}

/** The fields a new and a changed offer share (one form's fields, bound to either contract). */
function OfferFields({
  cf,
}: {
  cf:
    | ReturnType<typeof useContractForm<typeof UpdateSupportOffer>>
    | ReturnType<typeof useContractForm<typeof CreateSupportOffer>>;
}) {
  const { t } = useTranslation();
  const bound = cf as ReturnType<typeof useContractForm<typeof UpdateSupportOffer>>;
  return (
    <>
      <ContractTextField cf={bound} name="title" required maxLength={200} />
      <ContractTextAreaField cf={bound} name="description" required maxLength={4000} rows={6} />
      <ContractSelectField
        cf={bound}
        name="kind"
        required
        options={supportOfferKinds.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
      />
      <ContractSelectField
        cf={bound}
        name="need"
        required
        hint={t('support.offerForm.needHint')}
        options={supportNeedKeys.map((k) => ({ value: k, label: t(`initiatives.supportNeed.${k}`) }))}
      />
      <ContractTextField
        cf={bound}
        name="responseDays"
        required
        asNumber
        inputMode="numeric"
        hint={t('support.offerForm.responseDaysHint')}
      />
    </>
  );
}
