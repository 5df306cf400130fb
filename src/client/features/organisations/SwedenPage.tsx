import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { orgPath, useOrganisationsOfKind } from '../../lib/organisations.ts';

export function SwedenPage() {
  const { t } = useTranslation();
  const regions = useOrganisationsOfKind('region');
  const associations = useOrganisationsOfKind('association');

  return (
    <Page title={t('orgs.swedenTitle')} lead={t('orgs.swedenIntro')}>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/kommuner">
          {t('start.exploreMunicipalities')}
        </Link>
      </p>
      <Section title={t('orgs.regions')} id="regions">
        {regions.isPending ? <Loading /> : null}
        {regions.isError ? <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} /> : null}
        {regions.data ? (
          <TableWrap label={t('orgs.regions')}>
            <table className="ds-table" data-border="true" data-zebra="true">
              <caption>{t('orgs.regions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orgs.name')}</th>
                  <th scope="col">{t('orgs.countyCode')}</th>
                </tr>
              </thead>
              <tbody>
                {regions.data.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link className="ds-link" to={orgPath(r.id)}>
                        {r.name}
                      </Link>
                    </th>
                    <td>{r.countyCode ?? r.code ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </Section>
      <Section title={t('orgs.associations')} id="associations">
        {associations.isPending ? <Loading /> : null}
        {associations.isError ? <ErrorAlert error={associations.error} /> : null}
        {associations.data && associations.data.items.length === 0 ? (
          <p className="ds-paragraph">{t('orgs.noAssociations')}</p>
        ) : null}
        {associations.data && associations.data.items.length > 0 ? (
          <ul className="link-list">
            {associations.data.items.map((a) => (
              <li key={a.id}>
                <Link className="ds-link" to={orgPath(a.id)}>
                  {a.name}
                </Link>
                {a.subtype ? (
                  <span className="muted"> · {t(`associationTypes.${a.subtype}`, a.subtype)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    </Page>
  );
}
