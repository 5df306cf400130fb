import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useMe } from '../../lib/session.ts';
import { formatDate, localised } from '../assessments/data.ts';
import { templateOwners, useTemplates } from './templates-data.ts';

/** The national templates and the person's own organisations' templates, with their latest version. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const list = useTemplates();
  const caption = t('assessmentTemplates.list.caption');
  return (
    <Page title={t('assessmentTemplates.list.title')} lead={t('assessmentTemplates.list.lead')}>
      {templateOwners(me.data).length > 0 ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/bedomningar/mallar/ny">
            {t('assessmentTemplates.list.create')}
          </Link>
        </p>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('assessmentTemplates.list.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessmentTemplates.list.name')}</th>
                <th scope="col">{t('assessmentTemplates.list.owner')}</th>
                <th scope="col">{t('assessmentTemplates.list.latest')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((tpl) => {
                const latest = tpl.versions.at(-1);
                return (
                  <tr key={tpl.id}>
                    <th scope="row">
                      <Link className="ds-link" to={`/bedomningar/mallar/${tpl.id}`}>
                        {localised(tpl.name, i18n.language)}
                      </Link>
                    </th>
                    <td>{tpl.owner.name}</td>
                    <td>
                      {latest
                        ? t('assessmentTemplates.list.versionOn', {
                            version: latest.version,
                            date: formatDate(latest.publishedAt, i18n.language),
                          })
                        : t('assessmentTemplates.list.noVersion')}
                      {tpl.hasDraft ? (
                        <>
                          {' '}
                          <Tag color="warning">{t('assessmentTemplates.list.draft')}</Tag>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Page>
  );
}
