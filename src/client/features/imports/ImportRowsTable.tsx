import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../shared/contracts/imports.ts';
import { Tag } from '../../components/Feedback.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

const MAX_ROWS_SHOWN = 1000;

const outcomeColor = { create: 'success', update: 'info', unchanged: 'neutral', error: 'danger' } as const;

/** A column of the per-row table: the cell's key in the row result and its heading. */
export interface ImportTableColumn {
  key: string;
  label: string;
  /** For long unbroken values such as e-mail addresses. */
  breakWords?: boolean;
}

/**
 * Every import's per-row table (staff, contracts): line, outcome, the kind's own columns, and the
 * errors — each naming the column by the file's own header, with the accepted values for a choice.
 */
export function ImportRowsTable({ job, columns }: { job: ImportJob; columns: readonly ImportTableColumn[] }) {
  const { t } = useTranslation();
  const rows = job.rows.slice(0, MAX_ROWS_SHOWN);
  if (rows.length === 0) return null;
  return (
    <>
      <TableWrap label={t('import.rowsCaption')}>
        <table className="ds-table" data-border="true" data-zebra="true">
          <caption>{t('import.rowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.outcome')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
              <th scope="col">{t('import.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} data-outcome={r.outcome}>
                <th scope="row">{r.line}</th>
                <td>
                  <Tag color={outcomeColor[r.outcome]}>{t(`import.outcomes.${r.outcome}`)}</Tag>
                </td>
                {columns.map((c) => (
                  <td key={c.key} className={c.breakWords ? 'break' : undefined}>
                    {r.cells[c.key] ?? ''}
                  </td>
                ))}
                <td>
                  {r.errors.length > 0 ? (
                    <ul className="row-errors">
                      {r.errors.map((e) => (
                        <li key={`${e.column}-${e.code}`}>{e.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {job.rows.length > MAX_ROWS_SHOWN ? (
        <p className="ds-paragraph">
          {t('import.rowsTruncated', { shown: MAX_ROWS_SHOWN, total: job.rows.length })}
        </p>
      ) : null}
    </>
  );
}
