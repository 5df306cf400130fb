import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InitiativeSummary } from '../../../shared/contracts/initiatives.ts';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatShortDate, swedishToday } from '../../lib/format.ts';

/** Months since year 0, from an ISO date: a whole-month scale. */
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
/** Position within a month, 0–1, so bars start and end on their day. */
const dayFraction = (iso: string) => (Number(iso.slice(8, 10)) - 1) / 31;

/**
 * Initiatives with dates as horizontal bars on a month scale. Each bar is a list item whose text (title,
 * period, next milestone) is what a screen reader reads; the bars and the scale are drawing only. Those
 * without dates are listed separately.
 */
export function InitiativeTimeline({ items }: { items: InitiativeSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dated = items
    .filter((i) => i.startsOn || i.endsOn)
    .map((i) => ({ ...i, from: (i.startsOn ?? i.endsOn)!, to: (i.endsOn ?? i.startsOn)! }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const undated = items.filter((i) => !i.startsOn && !i.endsOn);
  const today = swedishToday();

  let first = 0;
  let months = 0;
  if (dated.length) {
    const points = dated.flatMap((i) => [i.from, i.to, ...(i.nextMilestone ? [i.nextMilestone.dueOn] : [])]);
    points.push(today);
    first = Math.min(...points.map(monthIndex));
    months = Math.max(...points.map(monthIndex)) - first + 1;
  }
  /** A date's position on the scale, in percent of its width. */
  const at = (iso: string) => ((monthIndex(iso) - first + dayFraction(iso)) / months) * 100;
  const monthLabel = (m: number) => {
    const year = Math.floor((first + m) / 12);
    const month = (first + m) % 12;
    const d = new Date(Date.UTC(year, month, 1));
    const name = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
      month: 'short',
      timeZone: 'UTC',
    })
      .format(d)
      .replace('.', '');
    // On a long scale, name every third month only, so that the names do not run together.
    return {
      name: months <= 18 || month % 3 === 0 ? name : '',
      year: month === 0 || m === 0 ? String(year) : '',
    };
  };
  const periodText = (i: (typeof dated)[number]) =>
    i.startsOn && i.endsOn
      ? t('initiativeList.timeline.dates', {
          from: formatShortDate(i.startsOn, lang),
          to: formatShortDate(i.endsOn, lang),
        })
      : i.startsOn
        ? t('initiativeList.timeline.from', { from: formatShortDate(i.startsOn, lang) })
        : t('initiativeList.timeline.until', { to: formatShortDate(i.to, lang) });
  const scaleStyle = { '--months': months } as CSSProperties;

  return (
    <Section title={t('initiativeList.timeline.heading')} id="initiative-timeline">
      {dated.length ? (
        <>
          <p className="ds-paragraph field-hint">{t('initiativeList.timeline.legend')}</p>
          <TableWrap label={t('initiativeList.timeline.scaleLabel')}>
            <div className="initiative-timeline" style={scaleStyle}>
              <div className="initiative-timeline-scale" aria-hidden="true">
                {Array.from({ length: months }, (_, m) => {
                  const l = monthLabel(m);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the months are positions on the scale
                    <span key={m} className="initiative-timeline-month">
                      <span>{l.name}</span>
                      <span className="initiative-timeline-year">{l.year}</span>
                    </span>
                  );
                })}
              </div>
              <ol className="initiative-timeline-rows">
                {dated.map((i) => {
                  const left = at(i.from);
                  const right = at(i.to) + 100 / months / 31;
                  return (
                    <li key={i.id} className="initiative-timeline-row">
                      <div className="initiative-timeline-label">
                        <Link className="ds-link" to={`/insatser/${i.id}`}>
                          {i.title}
                        </Link>{' '}
                        <span>{periodText(i)}</span>
                        {i.nextMilestone ? (
                          <span className="initiative-timeline-milestone-text">
                            {t('initiativeList.timeline.milestone', {
                              title: i.nextMilestone.title,
                              date: formatShortDate(i.nextMilestone.dueOn, lang),
                            })}
                          </span>
                        ) : null}
                      </div>
                      <div className="initiative-timeline-track" aria-hidden="true">
                        <span
                          className="initiative-timeline-today"
                          style={{ left: `${at(today)}%` }}
                          title={t('initiativeList.timeline.today')}
                        />
                        <span
                          className="initiative-timeline-bar"
                          data-status={i.status}
                          style={{ left: `${left}%`, width: `${Math.max(right - left, 0.8)}%` }}
                        />
                        {i.nextMilestone ? (
                          <span
                            className="initiative-timeline-diamond"
                            style={{ left: `${at(i.nextMilestone.dueOn)}%` }}
                          />
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ol>
            </div>
          </TableWrap>
        </>
      ) : null}
      <h3 className="ds-heading" data-size="2xs">
        {t('initiativeList.timeline.undated')}
      </h3>
      {undated.length ? (
        <ul className="ds-list">
          {undated.map((i) => (
            <li key={i.id}>
              <Link className="ds-link" to={`/insatser/${i.id}`}>
                {i.title}
              </Link>{' '}
              ({i.owner.name}, {t(`initiatives.status.${i.status}`)})
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t('initiativeList.timeline.undatedNone')}</p>
      )}
    </Section>
  );
}
