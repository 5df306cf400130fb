import { useTranslation } from 'react-i18next';
import { exportUrl } from './data.ts';

/** The Word document and the suppliers' answer sheet, as saved (unsaved changes are not in them). */
export function Downloads({ id, dirty }: { id: string; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="spec-downloads" aria-labelledby="spec-downloads-heading">
      <h2 className="ds-heading" data-size="xs" id="spec-downloads-heading">
        {t('requirements.builder.downloads')}
      </h2>
      {dirty ? <p className="ds-paragraph">{t('requirements.builder.unsaved')}</p> : null}
      <p className="page-actions">
        <a className="ds-button" data-variant="secondary" href={exportUrl(id, 'docx')} download>
          {t('requirements.builder.docx')}
        </a>
        <a className="ds-button" data-variant="secondary" href={exportUrl(id, 'xlsx')} download>
          {t('requirements.builder.xlsx')}
        </a>
      </p>
    </section>
  );
}
