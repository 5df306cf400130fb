import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate, localised } from '../assessments/data.ts';
import { PublishVersion } from './PublishVersion.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';
import { useTemplate } from './templates-data.ts';

/** One template: what it is, its frozen versions, the latest one's content; its owner edits and publishes. */
export function TemplatePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const template = useTemplate(id);
  const [published, setPublished] = useState<number | null>(null);

  if (template.isPending)
    return (
      <Page title={t('assessmentTemplates.list.title')}>
        <Loading />
      </Page>
    );
  if (template.isError)
    return <QueryFailure error={template.error} onRetry={() => void template.refetch()} />;
  const tpl = template.data;
  const content = tpl.latest ?? tpl.draft;
  const latest = tpl.versions.at(-1);
  const versionsCaption = t('assessmentTemplates.page.versions');
  return (
    <Page
      title={localised(tpl.name, i18n.language)}
      lead={content ? localised(content.description, i18n.language) : null}
    >
      <p>
        <Link className="ds-link" to="/bedomningar/mallar">
          {t('assessmentTemplates.page.back')}
        </Link>
      </p>
      <LiveStatus
        message={published ? t('assessmentTemplates.publish.published', { version: published }) : null}
      />
      <dl className="facts" aria-label={t('assessmentTemplates.page.facts')}>
        <dt>{t('assessmentTemplates.page.owner')}</dt>
        <dd>{tpl.owner.name}</dd>
        <dt>{t('assessmentTemplates.page.key')}</dt>
        <dd>
          <code>{tpl.key}</code>
        </dd>
        <dt>{t('assessmentTemplates.page.draft')}</dt>
        <dd>
          {tpl.hasDraft ? t('assessmentTemplates.page.hasDraft') : t('assessmentTemplates.page.noDraft')}
        </dd>
      </dl>
      {tpl.canEdit ? (
        <p className="button-row template-actions">
          <Link className="ds-button" data-variant="secondary" to={`/bedomningar/mallar/${tpl.id}/redigera`}>
            {t('assessmentTemplates.page.edit')}
          </Link>
        </p>
      ) : null}
      {tpl.canEdit && tpl.draft ? (
        <PublishVersion
          key={`${tpl.versions.length}`}
          template={tpl}
          draft={tpl.draft}
          onPublished={setPublished}
        />
      ) : null}
      <Section title={versionsCaption} id="versions">
        {tpl.versions.length === 0 ? (
          <p className="ds-paragraph">{t('assessmentTemplates.page.noVersions')}</p>
        ) : (
          <TableWrap label={versionsCaption}>
            <table className="ds-table" data-border="true">
              <caption className="sr-only">{versionsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessmentTemplates.page.version')}</th>
                  <th scope="col">{t('assessmentTemplates.page.published')}</th>
                  <th scope="col" className="num">
                    {t('assessmentTemplates.page.carried')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tpl.versions
                  .slice()
                  .reverse()
                  .map((v) => (
                    <tr key={v.id}>
                      <th scope="row">{v.version}</th>
                      <td>{formatDate(v.publishedAt, i18n.language)}</td>
                      <td className="num">{Object.keys(v.carriesOver).length}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      {tpl.latest && latest ? (
        <Section title={t('assessmentTemplates.page.preview', { version: latest.version })} id="preview">
          <TemplatePreview content={tpl.latest} />
        </Section>
      ) : null}
    </Page>
  );
}
