import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/Page.tsx';

export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <div className="prose">
      <Page title={t('a11y.title')} lead={t('a11y.intro')}>
        <Section title={t('a11y.statusTitle')} id="status">
          <p className="ds-paragraph">{t('a11y.status')}</p>
        </Section>
        <Section title={t('a11y.whatTitle')} id="what">
          <ul>
            <li>{t('a11y.what1')}</li>
            <li>{t('a11y.what2')}</li>
            <li>{t('a11y.what3')}</li>
            <li>{t('a11y.what4')}</li>
            <li>{t('a11y.what5')}</li>
          </ul>
        </Section>
        <Section title={t('a11y.knownTitle')} id="known">
          <p className="ds-paragraph">{t('a11y.known')}</p>
        </Section>
        <Section title={t('a11y.reportTitle')} id="report">
          <p className="ds-paragraph">{t('a11y.report')}</p>
          <p className="ds-paragraph">
            <a className="ds-link" href="mailto:tillganglighet@valfardsnavet.se">
              {t('a11y.reportEmail')}
            </a>
          </p>
        </Section>
        <Section title={t('a11y.enforcementTitle')} id="enforcement">
          <p className="ds-paragraph">{t('a11y.enforcement')}</p>
          <p className="ds-paragraph">
            <a className="ds-link" href="https://www.digg.se/tdosanmalan" rel="external">
              {t('a11y.enforcementLink')}
            </a>
          </p>
        </Section>
        <Section title={t('a11y.methodTitle')} id="method">
          <p className="ds-paragraph">{t('a11y.method')}</p>
          <p className="ds-paragraph muted">{t('a11y.updated')}</p>
        </Section>
      </Page>
    </div>
  );
}
