import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RoundResults } from '../../../shared/contracts/assessment-results.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { API, api, qs } from '../../lib/api.ts';
import { PreliminaryToggle, SheetTag, useIncludePreliminary } from './preliminary.tsx';
import { ResultsInBrief, ResultsMethod } from './ResultsInBrief.tsx';
import { fmtDecimal, fmtScore, scoreBand } from './score-band.ts';

/**
 * A round's results for its region (or, for a participant, its own row and aggregates): the heat map
 * municipalities × areas, the support needs ranked across municipalities, the wishes and the
 * distribution per question, with CSV and XLSX downloads that include every visible comment. Figures
 * are from submitted sheets; the round's owner also sees drafts, marked, and may count them.
 */
export function RoundResultsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const lang = i18n.language;
  const [includePreliminary, setIncludePreliminary] = useIncludePreliminary();
  const preliminaryParam = includePreliminary ? 'true' : undefined;
  const query = useQuery({
    queryKey: ['assessment-results', id, lang, includePreliminary],
    queryFn: () =>
      api.get(
        `/assessment-rounds/${id}/results${qs({ lang, includePreliminary: preliminaryParam })}`,
        RoundResults,
      ),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryFailure error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const heatCaption = t('assessmentResults.heat.caption', { name: r.round.name });
  const maxPoints = Math.max(1, ...r.supportNeeds.items.map((n) => n.points));
  const counts = {
    submitted: r.completion.submitted,
    total: r.completion.participants,
    preliminary: r.completion.preliminary,
  };
  const counted = r.includesPreliminary ? 'Preliminary' : '';
  return (
    <Page
      title={t('assessmentResults.round.title', { name: r.round.name })}
      lead={t(`assessmentResults.round.lead${counted}`, counts)}
    >
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/bedomningar/${id}`}>
          {t('assessmentResults.round.back')}
        </Link>
      </p>
      {/* With too few others to hide among there is no summary to give: the notice below says why. */}
      {r.aggregatesHidden ? null : (
        <ResultsInBrief
          areas={r.areas}
          scores={r.average}
          topNeed={r.supportNeeds.items[0]?.label}
          scoresOf={t('assessmentResults.brief.average')}
        />
      )}
      {r.view === 'own' ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t('assessmentResults.round.ownOnly')}</p>
        </div>
      ) : null}
      {r.municipalities.some((m) => m.preliminary) ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('assessmentResults.preliminary.ownerNote')}</p>
        </div>
      ) : null}
      <PreliminaryToggle
        allowed={r.canIncludePreliminary}
        checked={r.includesPreliminary}
        onChange={setIncludePreliminary}
      />
      {r.aggregatesHidden ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t('assessmentResults.round.tooFew')}</p>
        </div>
      ) : null}
      <ul className="results-downloads">
        {(['csv', 'xlsx'] as const).map((f) => (
          <li key={f}>
            <a
              className="ds-link"
              href={`${API}/assessment-rounds/${id}/results${qs({ format: f, lang, includePreliminary: preliminaryParam })}`}
              download
            >
              {t(`assessmentResults.download.${f}`)}
            </a>
          </li>
        ))}
      </ul>

      <Section title={t('assessmentResults.heat.title')} id="heat">
        <TableWrap label={heatCaption}>
          <table className="ds-table heat-map" data-border="true">
            <caption>{heatCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessmentResults.municipality')}</th>
                {r.areas.map((a) => (
                  <th scope="col" className="num" key={a.key}>
                    {a.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.municipalities.map((m) => (
                <tr key={m.code}>
                  <th scope="row">
                    <Link
                      className="ds-link"
                      to={`/bedomningar/${id}/kommuner/${m.code}/resultat${qs({ preliminary: preliminaryParam })}`}
                    >
                      {m.name}
                    </Link>{' '}
                    <SheetTag status={m.status} preliminary={m.preliminary} />
                  </th>
                  {r.areas.map((a) => (
                    <td key={a.key} className="num heat-cell" data-band={scoreBand(m.scores[a.key])}>
                      {fmtScore(m.scores[a.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t(`assessmentResults.averageOf${counted}`, counts)}</th>
                {r.areas.map((a) => (
                  <td key={a.key} className="num heat-cell" data-band={scoreBand(r.average[a.key])}>
                    {fmtScore(r.average[a.key])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableWrap>
        <p className="ds-paragraph heat-legend">{t('assessmentResults.heat.legend')}</p>
      </Section>

      <Section title={t('assessmentResults.needs.title')} id="needs">
        <ol className="needs-list">
          {r.supportNeeds.items.map((n) => (
            <li key={n.key}>
              <span className="needs-label">{n.label}</span>
              <span className="needs-bar" aria-hidden="true">
                <span style={{ width: `${(n.points / maxPoints) * 100}%` }} />
              </span>
              <span className="needs-figures">
                {t('assessmentResults.needs.figures', {
                  rank: fmtDecimal(n.meanRank, lang),
                  points: n.points,
                  importance: fmtDecimal(n.meanImportance, lang),
                  count: n.responses,
                })}
              </span>
            </li>
          ))}
        </ol>
      </Section>

      <Section title={t('assessmentResults.wishes.title')} id="wishes">
        {r.wishes.length ? (
          <ul className="ds-list">
            {keyed(r.wishes).map(({ item: w, key }) => (
              <li key={key}>
                {w.municipality ? <strong>{w.municipality}: </strong> : null}
                {w.text} {w.preliminary ? <SheetTag status="open" preliminary /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('assessmentResults.wishes.none')}</p>
        )}
      </Section>

      {r.initiatives.length ? (
        <Section title={t('assessmentResults.initiatives')} id="initiatives">
          <ul className="ds-list">
            {r.initiatives.map((i) => (
              <li key={`${i.id}-${i.municipalityCode}-${i.areaKey}-${i.questionKey}`}>
                <Link className="ds-link" to={`/insatser/${i.id}`}>
                  {i.title}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title={t('assessmentResults.distribution.title')} id="distribution">
        <div className="distribution-grid">
          {r.distribution.map((d) => (
            <TableWrap key={d.key} label={d.text}>
              <table className="ds-table" data-size="sm" data-border="true">
                <caption>{d.text}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assessmentResults.distribution.answer')}</th>
                    <th scope="col" className="num">
                      {t('assessmentResults.distribution.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.counts.map((c) => (
                    <tr key={c.value}>
                      <th scope="row">{c.label}</th>
                      <td className="num">{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ))}
        </div>
      </Section>
      <ResultsMethod texts={[r.scoreMethod, r.supportNeeds.method]} />
    </Page>
  );
}

/** Wishes have no id: each is keyed by its author and text, and by how often that pair came before. */
function keyed<T extends { municipality: string | null; text: string }>(items: T[]) {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${item.municipality ?? ''}|${item.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { item, key: `${base}|${n}` };
  });
}
