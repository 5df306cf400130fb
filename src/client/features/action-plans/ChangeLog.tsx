import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanChange } from '../../../shared/contracts/action-plans.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDateTime } from '../../lib/i18n.ts';

/** Every change to the plan's list, newest first: when, what, why and by whom. */
export function ChangeLog({ changes }: { changes: PlanChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="ds-paragraph">{t('actionPlans.changes.none')}</p>;
  const caption = t('actionPlans.changes.caption');
  return (
    <TableWrap label={caption}>
      <table className="ds-table change-log" data-border="true">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actionPlans.changes.when')}</th>
            <th scope="col">{t('actionPlans.changes.what')}</th>
            <th scope="col">{t('actionPlans.changes.reason')}</th>
            <th scope="col">{t('actionPlans.changes.by')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            // At one instant an initiative either starts a row or leaves the plan, never both.
            <tr key={`${c.at}-${c.initiativeId}-${c.kind}`}>
              <td className="nowrap">{formatDateTime(c.at)}</td>
              <td>
                {t(`actionPlans.changes.kind.${c.kind}`, { priority: c.priority ?? '' })}{' '}
                <Link className="ds-link" to={`/insatser/${c.initiativeId}`}>
                  {c.title}
                </Link>
              </td>
              <td>{c.reason ?? '–'}</td>
              <td>{c.by ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
