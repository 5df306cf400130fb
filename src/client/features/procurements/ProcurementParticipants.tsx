import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcurementView } from '../../../shared/contracts/procurements.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { API } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { procurementPath } from './procurement-queries.ts';

export const confirmPath = (id: string, code: string) =>
  `${procurementPath(id)}/delta/${encodeURIComponent(code)}`;

/** The invited municipalities: status, decision date and (for those who may read it) the power of attorney. */
export function ProcurementParticipants({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  if (!p.participants.length) return <p className="ds-paragraph">{t('procurements.participants.none')}</p>;
  const caption = t('procurements.participants.caption');
  return (
    <TableWrap label={caption}>
      <table className="ds-table" data-border="true" data-zebra="true">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('procurements.participants.municipality')}</th>
            <th scope="col">{t('procurements.participants.status')}</th>
            <th scope="col">{t('procurements.participants.decisionOn')}</th>
            <th scope="col">{t('procurements.participants.powerOfAttorney')}</th>
          </tr>
        </thead>
        <tbody>
          {p.participants.map((x) => (
            <tr key={x.municipality.id}>
              <td>{x.municipality.name}</td>
              <td>
                {t(`procurements.participantStatuses.${x.status}`)}
                {x.canRespond ? (
                  <>
                    {' '}
                    <Link className="ds-link" to={confirmPath(p.id, x.municipality.code)}>
                      {t('procurements.participants.respondFor', { name: x.municipality.name })}
                    </Link>
                  </>
                ) : null}
              </td>
              <td>{x.decisionOn ? formatDate(x.decisionOn) : '–'}</td>
              <td>
                {x.powerOfAttorney ? (
                  <a
                    className="ds-link"
                    href={`${API}/procurements/${p.id}/documents/${x.powerOfAttorney.id}`}
                    download
                  >
                    {t('procurements.participants.download', { name: x.municipality.name })}
                  </a>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
