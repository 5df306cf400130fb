import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleAllows } from '../../../shared/access/index.ts';
import { ProgrammeList } from '../../../shared/contracts/programmes.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { formatDate, formatNumber } from './shared.ts';

export function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: ['programmes'], queryFn: () => api.get('/programmes', ProgrammeList) });
  const me = useMe();
  const canCreate =
    !!me.data &&
    (isNationalAdmin(me.data) ||
      me.data.memberships.some(
        (m) =>
          ['region', 'association', 'municipality'].includes(m.organisationKind) &&
          roleAllows(m.role, 'programme.manage'),
      ));
  return (
    <Page title={t('programmes.title')} lead={t('programmes.lead')}>
      {canCreate ? (
        <p className="ds-paragraph">
          <Link className="ds-button" data-variant="secondary" to="/program/nytt">
            {t('programmes.create.link')}
          </Link>
        </p>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('programmes.none')}</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <TableWrap label={t('programmes.tableCaption')}>
          <table className="ds-table" data-border="true" data-zebra="true">
            <caption>{t('programmes.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.name')}</th>
                <th scope="col">{t('programmes.owner')}</th>
                <th scope="col">{t('programmes.period')}</th>
                <th scope="col">{t('programmes.enrolled')}</th>
                <th scope="col">{t('programmes.target')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/program/${p.id}`}>
                      {p.name}
                    </Link>
                  </th>
                  <td>{p.owner.name}</td>
                  <td className="nowrap">
                    {formatDate(p.startsOn, i18n.language)} – {formatDate(p.endsOn, i18n.language)}
                  </td>
                  <td>{formatNumber(p.enrolled, i18n.language)}</td>
                  <td>{formatNumber(p.targetParticipants, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Page>
  );
}
