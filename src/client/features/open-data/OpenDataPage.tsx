import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OpenDataIndex } from '../../../shared/contracts/open-data.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { ApiError } from '../../lib/api.ts';

const INDEX = '/api/open/v1';

/** The open data index lives outside /api/v1 (no login), so it is fetched here rather than via `api`. */
async function fetchIndex(): Promise<OpenDataIndex> {
  const res = await fetch(INDEX, { headers: { Accept: 'application/json' } }).catch(() => {
    throw new ApiError(0, null, 'network_error');
  });
  if (!res.ok) throw new ApiError(res.status, null, `HTTP ${res.status}`);
  return OpenDataIndex.parse(await res.json());
}

/**
 * Public page describing the open datasets with download links (issue 8). The descriptions, field
 * lists and rules come from the same index the API serves, so page and files cannot disagree.
 */
export function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const index = useQuery({ queryKey: ['open-data-index'], queryFn: fetchIndex, staleTime: 300_000 });
  if (index.isPending) return <Loading />;
  if (index.isError) return <QueryFailure error={index.error} onRetry={() => void index.refetch()} />;
  const data = index.data;
  return (
    <div className="prose">
      <Page title={t('openData.title')} lead={t('openData.lead')}>
        <Section title={t('openData.datasetsTitle')} id="datasets">
          {data.datasets.map((d) => (
            <article className="open-dataset" key={d.key} aria-labelledby={`dataset-${d.key}`}>
              <h3 className="ds-heading" data-size="xs" id={`dataset-${d.key}`}>
                {d.title[lang]}
              </h3>
              <p className="ds-paragraph">{d.description[lang]}</p>
              <ul className="open-dataset-links">
                <li>
                  <a className="ds-link" href={d.csv} download>
                    {t('openData.downloadCsv')}
                    <span className="sr-only"> – {d.title[lang]}</span>
                  </a>
                </li>
                <li>
                  <a className="ds-link" href={d.json}>
                    {t('openData.downloadJson')}
                    <span className="sr-only"> – {d.title[lang]}</span>
                  </a>
                </li>
              </ul>
              <details>
                <summary>{t('openData.fieldsSummary', { name: d.title[lang] })}</summary>
                <TableWrap label={t('openData.fieldsCaption', { name: d.title[lang] })}>
                  <table className="ds-table" data-border="true">
                    <caption className="sr-only">
                      {t('openData.fieldsCaption', { name: d.title[lang] })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('openData.colCsv')}</th>
                        <th scope="col">{t('openData.colJson')}</th>
                        <th scope="col">{t('openData.colType')}</th>
                        <th scope="col">{t('openData.colDescription')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.fields.map((f) => (
                        <tr key={f.csv}>
                          <th scope="row">
                            <code>{f.csv}</code>
                          </th>
                          <td>
                            <code>{f.json}</code>
                          </td>
                          <td>{f.type}</td>
                          <td>{f.description[lang]}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </details>
            </article>
          ))}
        </Section>
        <Section title={t('openData.suppressionTitle')} id="suppression">
          <p className="ds-paragraph">{data.suppression.rule[lang]}</p>
        </Section>
        <Section title={t('openData.joinTitle')} id="join">
          <p className="ds-paragraph">{t('openData.join')}</p>
        </Section>
        <Section title={t('openData.formatTitle')} id="format">
          <p className="ds-paragraph">{data.csv[lang]}</p>
        </Section>
        <Section title={t('openData.updatesTitle')} id="updates">
          <p className="ds-paragraph">{data.updateFrequency[lang]}</p>
        </Section>
        <Section title={t('openData.licenceTitle')} id="licence">
          <p className="ds-paragraph">
            <a className="ds-link" href={data.licence.url} rel="external license">
              {t('openData.licence', { name: 'CC BY 4.0' })}
            </a>
          </p>
        </Section>
        <Section title={t('openData.developersTitle')} id="developers">
          <ul>
            <li>
              <a className="ds-link" href={INDEX}>
                {t('openData.indexLink')}
              </a>
            </li>
            <li>
              <a className="ds-link" href="/api/docs">
                {t('openData.apiDocsLink')}
              </a>
            </li>
          </ul>
        </Section>
      </Page>
    </div>
  );
}
