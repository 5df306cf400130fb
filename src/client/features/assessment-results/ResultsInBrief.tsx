import { useTranslation } from 'react-i18next';
import type { AreaScores } from '../../../shared/contracts/assessment-results.ts';
import { Section } from '../../components/Page.tsx';

interface Area {
  key: string;
  label: string;
}

/** The highest and lowest scored areas; none when nothing is scored (or all score the same). */
function extremes(areas: Area[], scores: AreaScores) {
  const scored = areas.flatMap((a) => {
    const s = scores[a.key];
    return typeof s === 'number' ? [{ ...a, score: s }] : [];
  });
  if (!scored.length) return null;
  const sorted = [...scored].sort((x, y) => y.score - x.score);
  const high = sorted[0]!;
  const low = sorted.at(-1)!;
  return high.score === low.score ? null : { high, low };
}

/**
 * What the results say, in plain words, before any table: the need prioritised highest and the
 * strongest and weakest areas. How the figures are computed comes last, folded (`ResultsMethod`).
 */
export function ResultsInBrief({
  areas,
  scores,
  topNeed,
  scoresOf,
}: {
  areas: Area[];
  scores: AreaScores;
  topNeed?: string | undefined;
  /** Whose scores these are, in the sentence ("the average", "Borlänge"). */
  scoresOf: string;
}) {
  const { t } = useTranslation();
  const ends = extremes(areas, scores);
  return (
    <Section title={t('assessmentResults.brief.title')} id="brief">
      {topNeed || ends ? (
        <ul className="ds-list results-brief">
          {topNeed ? <li>{t('assessmentResults.brief.topNeed', { label: topNeed })}</li> : null}
          {ends ? (
            <>
              <li>
                {t('assessmentResults.brief.strongest', {
                  who: scoresOf,
                  label: ends.high.label,
                  score: ends.high.score,
                })}
              </li>
              <li>
                {t('assessmentResults.brief.weakest', {
                  who: scoresOf,
                  label: ends.low.label,
                  score: ends.low.score,
                })}
              </li>
            </>
          ) : null}
        </ul>
      ) : (
        <p className="ds-paragraph">{t('assessmentResults.brief.none')}</p>
      )}
    </Section>
  );
}

/** How the figures are computed, for whoever wants to know, at the end of the page and folded. */
export function ResultsMethod({ texts }: { texts: string[] }) {
  const { t } = useTranslation();
  return (
    <details className="results-method">
      <summary>{t('assessmentResults.brief.method')}</summary>
      {texts.map((text) => (
        <p className="ds-paragraph" key={text}>
          {text}
        </p>
      ))}
    </details>
  );
}
