import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { MunicipalityResults } from '../../../shared/contracts/assessment-results.ts';
import { MunicipalityList } from '../../../shared/contracts/organisations.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { API, api, qs } from '../../lib/api.ts';
import { SupportNeedLinks } from '../support/SupportNeedLinks.tsx';
import { InitiativeDraftButton } from './InitiativeDraftForm.tsx';
import { PreliminaryToggle, SheetTag, useIncludePreliminary } from './preliminary.tsx';
import { RadarChart } from './RadarChart.tsx';
import { ResultsInBrief, ResultsMethod } from './ResultsInBrief.tsx';
import { fmtScore, scoreBand } from './score-band.ts';

/** Below this an area or question counts as a gap worth an initiative. */
const GAP_BELOW = 50;

/**
 * One municipality's results: a radar chart and a table against the region, its associations, the
 * model municipalities, "municipalities like us" (chosen here) and its previous rounds, then every
 * question with its answer and comment. Low scores offer "make an initiative of this". A sheet not
 * yet submitted shows only its status, except to the round's owner (marked preliminary).
 */
export function MunicipalityResultsPage() {
  const { t, i18n } = useTranslation();
  const { id = '', code = '' } = useParams();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const peers = params.get('peers')?.split(',').filter(Boolean) ?? [];
  const [includePreliminary, setIncludePreliminary] = useIncludePreliminary();
  const preliminaryParam = includePreliminary ? 'true' : undefined;
  const query = useQuery({
    queryKey: ['assessment-results', id, code, peers.join(','), lang, includePreliminary],
    queryFn: () =>
      api.get(
        `/assessment-rounds/${id}/municipalities/${code}/results${qs({
          lang,
          peers: peers.join(','),
          includePreliminary: preliminaryParam,
        })}`,
        MunicipalityResults,
      ),
  });
  const municipalities = useQuery({
    queryKey: ['municipalities'],
    queryFn: () => api.get('/municipalities', MunicipalityList),
  });
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [pick, setPick] = useState('');
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryFailure error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const setPeers = (next: string[]) => {
    const p = new URLSearchParams(params);
    if (next.length) p.set('peers', next.join(','));
    else p.delete('peers');
    setParams(p, { replace: true });
  };
  const groups = r.groups;
  const shown = groups.filter((g) => g.scores && !hidden.has(g.key));
  const series = [
    { key: 'own', name: r.municipality.name, values: r.areas.map((a) => r.scores[a.key] ?? null) },
    ...shown.map((g) => ({
      key: g.key,
      name: g.name,
      values: r.areas.map((a) => g.scores?.[a.key] ?? null),
    })),
  ];
  const description = series
    .map((s) => `${s.name}: ${r.areas.map((a, i) => `${a.label} ${fmtScore(s.values[i])}`).join(', ')}`)
    .join('. ');
  const region = groups.find((g) => g.kind === 'region');
  const tableCaption = t('assessmentResults.compare.caption', { name: r.municipality.name });
  const nameOf = (c: string) => municipalities.data?.items.find((m) => m.code === c)?.name ?? c;
  return (
    <Page title={t('assessmentResults.compare.title', { name: r.municipality.name, round: r.round.name })}>
      <ResultsInBrief areas={r.areas} scores={r.scores} scoresOf={r.municipality.name} />
      <ul className="results-downloads">
        <li>
          <Link
            className="ds-link"
            to={`/bedomningar/${id}/resultat${qs({ preliminary: preliminaryParam })}`}
          >
            {t('assessmentResults.compare.back')}
          </Link>
        </li>
        <li>
          <a
            className="ds-link"
            href={`${API}/assessment-rounds/${id}/municipalities/${code}/results.pdf${qs({ lang, includePreliminary: preliminaryParam })}`}
            download
          >
            {t('assessmentResults.download.pdf')}
          </a>
        </li>
      </ul>
      {r.municipality.preliminary || r.municipality.status !== 'submitted' ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">
            <SheetTag status={r.municipality.status} preliminary={r.municipality.preliminary} />{' '}
            {t(
              r.municipality.preliminary
                ? 'assessmentResults.preliminary.municipality'
                : 'assessmentResults.preliminary.municipalityNotSubmitted',
              { name: r.municipality.name },
            )}
          </p>
        </div>
      ) : null}
      <PreliminaryToggle
        allowed={r.canIncludePreliminary}
        checked={r.includesPreliminary}
        onChange={setIncludePreliminary}
      />

      <Section title={t('assessmentResults.compare.chartTitle')} id="radar">
        <fieldset className="ds-fieldset compare-groups">
          <legend>{t('assessmentResults.compare.groups')}</legend>
          {groups.map((g) => (
            <div className="ds-field" key={g.key}>
              <input
                className="ds-input"
                type="checkbox"
                id={`group-${g.key}`}
                checked={!hidden.has(g.key)}
                disabled={!g.scores}
                onChange={(e) => {
                  const next = new Set(hidden);
                  if (e.target.checked) next.delete(g.key);
                  else next.add(g.key);
                  setHidden(next);
                }}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`group-${g.key}`}>
                {g.name}{' '}
                {g.scores
                  ? t('assessmentResults.compare.count', { count: g.count })
                  : t('assessmentResults.compare.tooFew', { count: g.count })}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="peer-chooser">
          <SelectField
            id="peer-pick"
            label={t('assessmentResults.compare.likeUs')}
            hint={t('assessmentResults.compare.likeUsHint')}
            value={pick}
            onValueChange={setPick}
            options={[
              { value: '', label: t('assessmentResults.compare.choose') },
              ...(municipalities.data?.items ?? [])
                .filter((m) => m.code !== code && !peers.includes(m.code))
                .map((m) => ({ value: m.code, label: m.name })),
            ]}
          />
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => {
              if (pick) setPeers([...peers, pick]);
              setPick('');
            }}
          >
            {t('assessmentResults.compare.add')}
          </button>
        </div>
        {peers.length ? (
          <ul className="peer-list">
            {peers.map((p) => (
              <li key={p}>
                {nameOf(p)}{' '}
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  data-size="sm"
                  onClick={() => setPeers(peers.filter((x) => x !== p))}
                >
                  {t('assessmentResults.compare.remove', { name: nameOf(p) })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <RadarChart
          axes={r.areas.map((a) => a.label)}
          series={series}
          title={t('assessmentResults.compare.chartTitle')}
          description={description}
        />
        <TableWrap label={tableCaption}>
          <table className="ds-table" data-border="true">
            <caption>{tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessmentResults.area')}</th>
                <th scope="col" className="num">
                  {r.municipality.name}
                </th>
                {groups.map((g) => (
                  <th scope="col" className="num" key={g.key}>
                    {g.name}
                  </th>
                ))}
                <th scope="col">{t('assessmentResults.compare.action')}</th>
              </tr>
            </thead>
            <tbody>
              {r.areas.map((a) => {
                const own = r.scores[a.key];
                const gap =
                  typeof own === 'number' && (own < GAP_BELOW || own < (region?.scores?.[a.key] ?? 0));
                return (
                  <tr key={a.key}>
                    <th scope="row">{a.label}</th>
                    <td className="num heat-cell" data-band={scoreBand(own)}>
                      {fmtScore(own)}
                    </td>
                    {groups.map((g) => (
                      <td className="num" key={g.key}>
                        {g.scores ? fmtScore(g.scores[a.key]) : t('assessmentResults.compare.tooFewShort')}
                      </td>
                    ))}
                    <td>
                      {gap ? (
                        <InitiativeDraftButton
                          source={{ roundId: id, municipalityCode: code, areaKey: a.key }}
                          owners={r.initiativeOwners}
                          title={t('initiatives.draft.areaTitle', {
                            area: a.label,
                            name: r.municipality.name,
                          })}
                          purpose={t('initiatives.draft.areaPurpose', {
                            area: a.label,
                            name: r.municipality.name,
                            score: fmtScore(own),
                            round: r.round.name,
                          })}
                          label={t('initiatives.draft.areaLabel', { area: a.label })}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </Section>

      {r.previous.length ? (
        <Section title={t('assessmentResults.compare.previous')} id="previous">
          <TableWrap label={t('assessmentResults.compare.previous')}>
            <table className="ds-table" data-border="true">
              <caption>{t('assessmentResults.compare.previous')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessmentResults.compare.round')}</th>
                  {r.areas.map((a) => (
                    <th scope="col" className="num" key={a.key}>
                      {a.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[
                  ...r.previous,
                  { roundId: r.round.id, name: r.round.name, opensOn: r.round.opensOn, scores: r.scores },
                ].map((p) => (
                  <tr key={p.roundId}>
                    <th scope="row">{p.name}</th>
                    {r.areas.map((a) => (
                      <td className="num" key={a.key}>
                        {fmtScore(p.scores[a.key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </Section>
      ) : null}

      {r.initiatives.length ? (
        <Section title={t('assessmentResults.initiatives')} id="initiatives">
          <ul className="ds-list">
            {r.initiatives.map((i) => (
              <li key={`${i.id}-${i.areaKey}-${i.questionKey}`}>
                <Link className="ds-link" to={`/insatser/${i.id}`}>
                  {i.title}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <SupportNeedLinks municipality={code} round={id} />

      <Section title={t('assessmentResults.questions.title')} id="questions">
        {r.areas.concat([{ key: 'support', label: t('assessmentResults.questions.support') }]).map((a) => {
          const qs = r.questions.filter((q) => q.area === a.key);
          if (!qs.length) return null;
          return (
            <TableWrap key={a.key} label={a.label}>
              <table className="ds-table questions-table" data-border="true">
                <caption>{a.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assessmentResults.questions.question')}</th>
                    <th scope="col">{t('assessmentResults.questions.answer')}</th>
                    <th scope="col" className="num">
                      {t('assessmentResults.questions.score')}
                    </th>
                    <th scope="col">{t('assessmentResults.questions.comment')}</th>
                    <th scope="col">{t('assessmentResults.questions.previous')}</th>
                    <th scope="col">{t('assessmentResults.compare.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {qs.map((q) => (
                    <tr key={q.key}>
                      <th scope="row">{q.text}</th>
                      <td>{q.answer ?? t('assessmentResults.questions.unanswered')}</td>
                      <td className="num">{fmtScore(q.score)}</td>
                      <td>
                        {q.comment ?? ''}
                        {q.evidenceUrl ? (
                          <>
                            {' '}
                            <a
                              className="ds-link"
                              href={q.evidenceUrl}
                              rel="noopener noreferrer"
                              target="_blank"
                            >
                              {t('assessmentResults.questions.evidence')}
                            </a>
                          </>
                        ) : null}
                      </td>
                      <td>{q.previousAnswer ?? '–'}</td>
                      <td>
                        {typeof q.score === 'number' && q.score < GAP_BELOW ? (
                          <InitiativeDraftButton
                            source={{ roundId: id, municipalityCode: code, questionKey: q.key }}
                            owners={r.initiativeOwners}
                            title={t('initiatives.draft.questionTitle', { name: r.municipality.name })}
                            purpose={t('initiatives.draft.questionPurpose', {
                              question: q.text,
                              answer: q.answer ?? '',
                            })}
                            label={t('initiatives.draft.questionLabel', { question: q.text })}
                          />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          );
        })}
      </Section>
      <ResultsMethod texts={[r.scoreMethod]} />
    </Page>
  );
}
