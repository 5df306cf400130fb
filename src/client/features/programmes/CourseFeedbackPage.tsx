import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CourseFeedback } from '../../../shared/contracts/learning.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { ModuleResultsTable, WrongInteractionsTable } from './ImportedResults.tsx';
import { formatDate, formatNumber } from './shared.ts';

const percent = (share: number | null, lang: string) =>
  share === null ? '–' : `${formatNumber(Math.round(share * 100), lang)} %`;

/** A module's quiz questions, the most often missed first. */
function QuizQuestionsTable({
  moduleTitle,
  questions,
}: {
  moduleTitle: string;
  questions: readonly { key: string; prompt: string; answers: number; wrongShare: number | null }[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const hardest = [...questions].sort((a, b) => (b.wrongShare ?? -1) - (a.wrongShare ?? -1));
  return (
    <TableWrap label={t('programmes.feedback.questionsOf', { module: moduleTitle })}>
      <table className="ds-table" data-border="true">
        <caption className="sr-only">{t('programmes.feedback.questionsOf', { module: moduleTitle })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.feedback.question')}</th>
            <th scope="col" className="num">
              {t('programmes.feedback.answers')}
            </th>
            <th scope="col" className="num">
              {t('programmes.feedback.wrongShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {hardest.map((q) => (
            <tr key={q.key}>
              <th scope="row">{q.prompt}</th>
              <td className="num">{formatNumber(q.answers, lang)}</td>
              <td className="num">{percent(q.wrongShare, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * For authors and programme owners: each module's ratings and comments (no names) and its quiz
 * questions, the most often missed first, so they know what to improve.
 */
export function CourseFeedbackPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const feedback = useQuery({
    queryKey: ['course-feedback', id, lang],
    queryFn: () => api.get(`/courses/${encodeURIComponent(id)}/feedback${qs({ lang })}`, CourseFeedback),
  });
  if (feedback.isPending) return <Loading />;
  if (feedback.isError)
    return <QueryFailure error={feedback.error} onRetry={() => void feedback.refetch()} />;
  const { modules, format } = feedback.data;
  // An imported course: its results come from the package (per module, no names).
  const results = modules.flatMap((m) =>
    m.packageResults ? [{ key: m.key, title: m.title, ...m.packageResults }] : [],
  );
  return (
    <Page title={t('programmes.feedback.title')} lead={t('programmes.feedback.lead')}>
      {format && results.length > 0 ? (
        <Section title={t('programmes.imported.packageTitle')} id="package-results">
          <ModuleResultsTable
            caption={t('programmes.imported.packageCaption')}
            format={format}
            modules={results}
          />
        </Section>
      ) : null}
      <Section title={t('programmes.feedback.overview')} id="feedback-overview">
        <TableWrap label={t('programmes.feedback.overview')}>
          <table className="ds-table" data-border="true">
            <caption>{t('programmes.feedback.overview')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.feedback.module')}</th>
                <th scope="col" className="num">
                  {t('programmes.feedback.ratings')}
                </th>
                <th scope="col" className="num">
                  {t('programmes.feedback.average')}
                </th>
                <th scope="col" className="num">
                  {t('programmes.feedback.comments')}
                </th>
              </tr>
            </thead>
            <tbody>
              {modules.map((m) => (
                <tr key={m.key}>
                  <th scope="row">
                    <a className="ds-link" href={`#module-${m.key}`}>
                      {m.title}
                    </a>
                  </th>
                  <td className="num">{formatNumber(m.ratings, lang)}</td>
                  <td className="num">
                    {m.averageRating === null
                      ? '–'
                      : t('programmes.feedback.averageOf5', {
                          value: m.averageRating.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE'),
                        })}
                  </td>
                  <td className="num">{formatNumber(m.comments.length, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Section>
      {modules.map((m) => {
        return (
          <Section key={m.key} title={m.title} id={`module-${m.key}`}>
            {m.packageResults ? (
              format === 'cmi5' ? null : (
                <>
                  <h3 className="ds-heading" data-size="2xs">
                    {t('programmes.imported.wrongTitle')}
                  </h3>
                  <WrongInteractionsTable
                    moduleTitle={m.title}
                    interactions={m.packageResults.wrongInteractions}
                  />
                </>
              )
            ) : (
              <>
                <h3 className="ds-heading" data-size="2xs">
                  {t('programmes.feedback.questions')}
                </h3>
                <QuizQuestionsTable moduleTitle={m.title} questions={m.questions} />
              </>
            )}
            <h3 className="ds-heading" data-size="2xs">
              {t('programmes.feedback.commentsTitle')}
            </h3>
            {m.comments.length === 0 ? (
              <p className="ds-paragraph">{t('programmes.feedback.noComments')}</p>
            ) : (
              <ul className="ds-list feedback-comments">
                {m.comments.map((c) => (
                  <li key={`${c.at}-${c.text}`}>
                    <blockquote>{c.text}</blockquote>
                    <span className="field-hint">{formatDate(c.at, lang)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        );
      })}
    </Page>
  );
}
