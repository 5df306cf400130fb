import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type Need, needStatuses } from '../../../shared/contracts/action-plans.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { useMe } from '../../lib/session.ts';
import { scopeFromSearch } from '../mapping/mapping-scope.ts';
import { ScopePicker } from '../mapping/ScopePicker.tsx';
import { coordinatedMunicipalities, useNeeds, usePlans } from './data.ts';
import { NeedCard } from './NeedCard.tsx';
import { PlansNav } from './PlansNav.tsx';
import { ProposeNeedForm } from './ProposeNeedForm.tsx';

/**
 * A region's shared needs backlog (SKR's handshake model): municipalities propose needs and endorse
 * each other's; the regional coordinator prioritises them into a plan or declines them. National
 * administrators choose the region (`?lan=20`); others see their own region's.
 */
export function NeedsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const scope = scopeFromSearch(params);
  const status = params.get('status') ?? '';
  const me = useMe();
  const needs = useNeeds(scope.region, status || undefined);
  const plans = usePlans();
  const [filter, setFilter] = useState(status);
  const [message, setMessage] = useState('');
  if (needs.isPending || me.isPending) return <Loading />;
  if (needs.isError) return <QueryFailure error={needs.error} onRetry={() => void needs.refetch()} />;
  const mine = me.data ? coordinatedMunicipalities(me.data) : [];
  const applyFilter = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (filter) next.set('status', filter);
    else next.delete('status');
    const s = next.toString();
    navigate(`/behov${s ? `?${s}` : ''}`);
  };
  const plansFor = (need: Need) => {
    const editable = (plans.data?.items ?? []).filter((p) => p.canEdit && p.owner.kind === 'region');
    const own = editable.filter((p) => p.owner.name === need.region.name);
    return own.length > 0 ? own : editable;
  };
  const regionName = needs.data.items[0]?.region.name;
  return (
    <Page title={t('needs.title')} lead={t('needs.lead')}>
      <PlansNav />
      <ScopePicker scope={scope} regionsOnly />
      {mine.length > 0 ? (
        <Section id="propose-need" title={t('needs.propose.title')}>
          <ProposeNeedForm municipalities={mine} />
        </Section>
      ) : null}
      <Section
        id="need-backlog"
        title={regionName ? t('needs.backlogOf', { name: regionName }) : t('needs.backlog')}
      >
        <form className="filters" onSubmit={applyFilter}>
          <SelectField
            id="need-status-filter"
            label={t('needs.filter.status')}
            value={filter}
            onValueChange={setFilter}
            options={[
              { value: '', label: t('needs.filter.all') },
              ...needStatuses.map((s) => ({ value: s, label: t(`needs.status.${s}`) })),
            ]}
          />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('needs.filter.apply')}
          </button>
        </form>
        <p className="ds-paragraph" role="status">
          {t('needs.count', { count: needs.data.items.length })}
        </p>
        <LiveStatus message={message} />
        {needs.data.items.length === 0 ? null : (
          <ul className="need-list">
            {needs.data.items.map((n) => (
              <li key={n.id}>
                <NeedCard need={n} mine={mine} plans={plansFor(n)} onMessage={setMessage} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}
