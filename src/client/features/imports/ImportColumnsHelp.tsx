import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

/** An import's columns as the help table lists them: the usual header first, then the others accepted. */
export interface HelpColumn {
  key: string;
  required: boolean;
  headers: readonly string[];
  description: string;
}

/** "Columns in the file": what each column holds and which headers name it, an example, and more. */
export function ImportColumnsHelp({
  columns,
  example,
  children,
}: {
  columns: readonly HelpColumn[];
  example: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('import.columnsTitle')} id="columns">
      <p className="ds-paragraph">{t('import.columnsText')}</p>
      <TableWrap label={t('import.columnsCaption')}>
        <table className="ds-table" data-border="true">
          <caption>{t('import.columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.requiredCol')}</th>
              <th scope="col">{t('import.accepted')}</th>
              <th scope="col">{t('import.description')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.headers[0]}</th>
                <td>{c.required ? t('app.yes') : t('app.no')}</td>
                <td>
                  <code>{c.headers.join(', ')}</code>
                </td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3 className="ds-heading" data-size="2xs">
        {t('import.example')}
      </h3>
      <pre className="example" lang="sv">
        <code>{example}</code>
      </pre>
      {children}
    </Section>
  );
}
