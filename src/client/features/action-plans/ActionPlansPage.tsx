import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { planOwnersOf, usePlans } from './data.ts';
import { Period } from './Period.tsx';
import { PlansNav } from './PlansNav.tsx';

/** The action plans the person may read, with a way to start a new one for those who may. */
export function ActionPlansPage() {
  const { t } = useTranslation();
  const me = useMe();
  const plans = usePlans();
  if (plans.isPending || me.isPending) return <Loading />;
  if (plans.isError) return <QueryFailure error={plans.error} onRetry={() => void plans.refetch()} />;
  const mayCreate = me.data ? isNationalAdmin(me.data) || planOwnersOf(me.data).length > 0 : false;
  const caption = t('actionPlans.list.caption');
  return (
    <Page title={t('actionPlans.list.title')} lead={t('actionPlans.list.lead')}>
      <PlansNav />
      {mayCreate ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/handlingsplaner/ny">
            {t('actionPlans.list.new')}
          </Link>
        </p>
      ) : null}
      {plans.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('actionPlans.list.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actionPlans.plan.title')}</th>
                <th scope="col">{t('actionPlans.plan.owner')}</th>
                <th scope="col">{t('actionPlans.plan.steeringGroup')}</th>
                <th scope="col">{t('actionPlans.plan.period')}</th>
                <th scope="col" className="num">
                  {t('actionPlans.plan.initiativeCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/handlingsplaner/${p.id}`}>
                      {p.title}
                    </Link>
                  </th>
                  <td>{p.owner.name}</td>
                  <td>{p.steeringGroup?.name ?? '–'}</td>
                  <td>
                    <Period start={p.periodStart} end={p.periodEnd} />
                  </td>
                  <td className="num">{p.initiativeCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Page>
  );
}
