import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { procurementPhases, procurementStatuses } from '../../../shared/contracts/procurements.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryTable } from '../../components/QueryTable.tsx';
import { formatDate } from '../../lib/i18n.ts';
import { useMe } from '../../lib/session.ts';
import { leadOrganisations, procurementPath, useProcurements } from './procurement-queries.ts';

/** `/upphandlingar`: the joint procurements the person leads, takes part in or (a region) follows. */
export function ProcurementsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = {
    status: params.get('status') || undefined,
    phase: params.get('fas') || undefined,
    side: params.get('roll') || undefined,
  };
  const list = useProcurements(filter, i18n.language);
  if (me.isPending) return <Loading />;
  const leads = me.data ? leadOrganisations(me.data) : [];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const caption = t('procurements.list.caption');
  return (
    <Page title={t('procurements.list.title')} lead={t('procurements.list.lead')}>
      {leads.length ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/upphandlingar/ny">
            {t('procurements.list.create')}
          </Link>
        </p>
      ) : null}
      <div className="procurement-filters">
        <SelectField
          id="procurement-role"
          label={t('procurements.list.role')}
          value={filter.side ?? ''}
          onValueChange={(v) => set('roll', v)}
          options={[
            { value: '', label: t('procurements.list.allRoles') },
            { value: 'lead', label: t('procurements.list.roleLead') },
            { value: 'participant', label: t('procurements.list.roleParticipant') },
          ]}
        />
        <SelectField
          id="procurement-phase"
          label={t('procurements.fields.phase')}
          value={filter.phase ?? ''}
          onValueChange={(v) => set('fas', v)}
          options={[
            { value: '', label: t('procurements.list.allPhases') },
            ...procurementPhases.map((p) => ({ value: p, label: t(`procurements.phases.${p}`) })),
          ]}
        />
        <SelectField
          id="procurement-status"
          label={t('procurements.fields.status')}
          value={filter.status ?? ''}
          onValueChange={(v) => set('status', v)}
          options={[
            { value: '', label: t('procurements.list.allStatuses') },
            ...procurementStatuses.map((s) => ({ value: s, label: t(`procurements.statuses.${s}`) })),
          ]}
        />
      </div>
      <QueryTable query={list} count={items.length} empty={t('procurements.list.empty')} caption={caption}>
        <thead>
          <tr>
            <th scope="col">{t('procurements.fields.title')}</th>
            <th scope="col">{t('procurements.fields.lead')}</th>
            <th scope="col">{t('procurements.fields.technology')}</th>
            <th scope="col">{t('procurements.fields.phase')}</th>
            <th scope="col">{t('procurements.list.participants')}</th>
            <th scope="col">{t('procurements.list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <Link className="ds-link" to={procurementPath(p.id)}>
                  {p.title}
                </Link>
                {p.status === 'active' ? null : ` (${t(`procurements.statuses.${p.status}`)})`}
              </td>
              <td>{p.lead.name}</td>
              <td>{p.technology.name}</td>
              <td>{t(`procurements.phases.${p.phase}`)}</td>
              <td>
                {t('procurements.list.confirmedOf', {
                  confirmed: p.confirmedCount,
                  total: p.participantCount,
                })}
              </td>
              <td>{formatDate(p.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </QueryTable>
      <LoadMoreButton pages={list} />
    </Page>
  );
}
