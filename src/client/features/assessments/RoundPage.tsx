import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { RoundView, SheetView } from '../../../shared/contracts/assessments.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, roundKey } from './data.ts';

const statusColor = { open: 'neutral', submitted: 'success', reopened: 'warning' } as const;

/** A round at a glance: completion per municipality, reminders, reopening and links to the results. */
export function RoundPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const [message, setMessage] = useState('');
  const round = useQuery({
    queryKey: roundKey(id),
    queryFn: () => api.get(`/assessment-rounds/${encodeURIComponent(id)}`, RoundView),
  });
  const remind = useMutation({
    mutationFn: () => api.post(`/assessment-rounds/${id}/reminders`, z.object({ reminded: z.number() })),
    onSuccess: async (r) => {
      setMessage(t('assessments.round.reminded', { count: r.reminded }));
      await qc.invalidateQueries({ queryKey: roundKey(id) });
    },
  });
  const reopen = useMutation({
    mutationFn: (code: string) =>
      api.post(`/assessment-rounds/${id}/municipalities/${code}/reopen`, SheetView),
    onSuccess: async (sheet) => {
      setMessage(t('assessments.round.reopened', { name: sheet.municipality.name }));
      await qc.invalidateQueries({ queryKey: roundKey(id) });
    },
  });

  if (round.isPending) return <Loading />;
  if (round.isError) return <QueryFailure error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const caption = t('assessments.round.completion');
  return (
    <Page
      title={r.name}
      lead={`${r.owner.name} · ${r.closed ? t('assessments.round.closed') : t('assessments.round.closesOn', { date: r.closesOn })}`}
    >
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/bedomningar/${r.id}/resultat`}>
          {t('assessments.round.results')}
        </Link>
      </p>
      <LiveStatus message={message} />
      {remind.isError ? <ErrorAlert error={remind.error} /> : null}
      {reopen.isError ? <ErrorAlert error={reopen.error} /> : null}
      <Section title={caption} id="completion">
        {r.canRun ? (
          <p className="ds-paragraph">
            {t('assessments.round.summary', { submitted: r.submittedCount, total: r.municipalityCount })}
          </p>
        ) : null}
        {r.canRun && !r.closed ? (
          <p>
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              aria-busy={remind.isPending || undefined}
              onClick={() => remind.mutate()}
            >
              {remind.isPending ? t('assessments.round.reminding') : t('assessments.round.remind')}
            </button>
          </p>
        ) : null}
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.round.municipality')}</th>
                <th scope="col">{t('assessments.round.status')}</th>
                <th scope="col" className="num">
                  {t('assessments.round.answered')}
                </th>
                <th scope="col">{t('assessments.round.submittedAt')}</th>
                <th scope="col">{t('assessments.round.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {r.sheets.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    <Link className="ds-link" to={`/bedomningar/${r.id}/kommuner/${s.code}`}>
                      {s.name}
                    </Link>
                  </th>
                  <td>
                    <Tag color={statusColor[s.status]}>{t(`assessments.sheetStatus.${s.status}`)}</Tag>
                  </td>
                  <td className="num">
                    {t('assessments.round.answeredOf', { answered: s.answered, total: s.total })}
                  </td>
                  <td>{s.submittedAt ? formatDate(s.submittedAt, i18n.language) : '–'}</td>
                  <td>
                    <div className="button-row">
                      {s.status === 'submitted' ? (
                        <Link
                          className="ds-link"
                          to={`/bedomningar/${r.id}/kommuner/${s.code}/resultat`}
                          aria-label={t('assessments.round.municipalityResultsLabel', { name: s.name })}
                        >
                          {t('assessments.round.municipalityResults')}
                        </Link>
                      ) : null}
                      {r.canRun && !r.closed && s.status === 'submitted' ? (
                        <button
                          type="button"
                          className="ds-button"
                          data-variant="tertiary"
                          data-size="sm"
                          aria-label={t('assessments.round.reopenLabel', { name: s.name })}
                          onClick={() => reopen.mutate(s.code)}
                        >
                          {t('assessments.round.reopen')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Section>
    </Page>
  );
}
