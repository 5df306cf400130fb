import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isNationalAdmin } from '../../../shared/access/index.ts';
import { supportRequestStatuses } from '../../../shared/contracts/support.ts';
import { Loading } from '../../components/Feedback.tsx';
import { ChoiceInput, SelectField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { SupportOfferCards } from './SupportOfferCards.tsx';
import { SupportRequestList } from './SupportRequestList.tsx';
import { providerOrganisations, requesterMunicipalities, useOffers, useRequests } from './support-queries.ts';

/**
 * `/stod`: the offers the person may use or publishes, and the requests: a municipality's own, or the
 * queue of a region or association (filtered by status, or only those assigned to the person).
 */
export function SupportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const mine = params.get('mine') === 'true';
  const offers = useOffers();
  const requests = useRequests({ status: status || undefined, mine: mine ? 'true' : undefined });
  if (me.isPending || offers.isPending) return <Loading />;
  if (offers.isError) return <QueryFailure error={offers.error} onRetry={() => void offers.refetch()} />;
  const municipalities = me.data ? requesterMunicipalities(me.data) : [];
  const providers = me.data ? providerOrganisations(me.data) : [];
  const provides = providers.length > 0 || (me.data ? isNationalAdmin(me.data) : false);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = requests.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('support.title')} lead={t(provides ? 'support.leadProvider' : 'support.leadMunicipality')}>
      <ul className="support-actions">
        {municipalities.length ? (
          <li>
            <Link className="ds-button" data-variant="primary" to="/stod/ny">
              {t('support.request.new')}
            </Link>
          </li>
        ) : null}
        {providers.map((p) => (
          <li key={p.id}>
            <Link className="ds-link" to={`/stod/rapport${qs(p.report)}`}>
              {t('support.report.linkFor', { name: p.name })}
            </Link>
          </li>
        ))}
        {providers.length ? (
          <li>
            <Link className="ds-link" to="/stod/erbjudanden/ny">
              {t('support.offers.new')}
            </Link>
          </li>
        ) : null}
      </ul>

      <Section title={t(provides ? 'support.queue.title' : 'support.mine.title')} id="requests">
        <div className="support-filters">
          <SelectField
            id="support-status"
            label={t('support.queue.status')}
            value={status}
            onValueChange={(v) => set('status', v)}
            options={[
              { value: '', label: t('support.queue.allStatuses') },
              ...supportRequestStatuses.map((s) => ({ value: s, label: t(`support.status.${s}`) })),
            ]}
          />
          {provides ? (
            <ChoiceInput
              id="support-mine"
              type="checkbox"
              label={t('support.queue.mine')}
              checked={mine}
              onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
            />
          ) : null}
        </div>
        {requests.isPending ? (
          <Loading />
        ) : requests.isError ? (
          <QueryFailure error={requests.error} onRetry={() => void requests.refetch()} />
        ) : (
          <>
            <SupportRequestList items={items} empty={t('support.queue.empty')} />
            <LoadMoreButton pages={requests} />
          </>
        )}
      </Section>

      <Section title={t('support.offers.title')} id="offers">
        <SupportOfferCards offers={offers.data.items} mayAsk={municipalities.length > 0} />
      </Section>
    </Page>
  );
}
