import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleAllows } from '../../../shared/access/index.ts';
import { RoundList } from '../../../shared/contracts/assessments.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { roundsKey } from './data.ts';

/** The rounds the person runs or answers in, newest first. */
export function AssessmentRoundsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useQuery({ queryKey: roundsKey, queryFn: () => api.get('/assessment-rounds', RoundList) });
  const canRun = (me.data?.memberships ?? []).some(
    (m) =>
      m.organisationKind !== 'municipality' &&
      m.organisationKind !== 'unit' &&
      roleAllows(m.role, 'assessment.run'),
  );
  const caption = t('assessments.list.caption');
  return (
    <Page title={t('assessments.list.title')} lead={t('assessments.list.lead')}>
      {canRun ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/bedomningar/ny">
            {t('assessments.list.create')}
          </Link>{' '}
          <Link className="ds-button" data-variant="secondary" to="/bedomningar/mallar">
            {t('assessments.list.templates')}
          </Link>
        </p>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('assessments.list.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.list.name')}</th>
                <th scope="col">{t('assessments.list.owner')}</th>
                <th scope="col">{t('assessments.list.closes')}</th>
                <th scope="col">{t('assessments.list.state')}</th>
                <th scope="col" className="num">
                  {t('assessments.list.submitted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/bedomningar/${r.id}`}>
                      {r.name}
                    </Link>
                  </th>
                  <td>{r.owner.name}</td>
                  <td>{r.closesOn}</td>
                  <td>{r.closed ? t('assessments.list.closed') : t('assessments.list.open')}</td>
                  <td className="num">
                    {t('assessments.list.submittedOf', {
                      submitted: r.submittedCount,
                      total: r.municipalityCount,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Page>
  );
}
