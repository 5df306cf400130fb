import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InitiativeView } from '../../../shared/contracts/initiatives.ts';
import { Tag } from '../../components/Feedback.tsx';
import { formatSek } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';

const statusColour: Record<string, string> = {
  idea: 'neutral',
  planned: 'info',
  active: 'success',
  paused: 'warning',
  done: 'accent',
  stopped: 'danger',
};

/** Who owns it and when, what it costs, where and with what, and where it came from. */
export function InitiativeHeader({ initiative: i }: { initiative: InitiativeView }) {
  const { t, i18n } = useTranslation();
  const notSet = t('initiativePage.header.notSet');
  const period =
    i.startsOn || i.endsOn
      ? t('initiativePage.header.periodValue', {
          from: i.startsOn ? formatDate(i.startsOn) : '…',
          to: i.endsOn ? formatDate(i.endsOn) : '…',
        })
      : notSet;
  return (
    <div className="initiative-header">
      <p className="tags">
        <Tag color={statusColour[i.status] ?? 'neutral'}>
          {t('initiativePage.header.statusTag', { status: t(`initiatives.status.${i.status}`) })}
        </Tag>
        <Tag color="info">
          {t('initiativePage.header.phaseTag', { phase: t(`initiatives.phase.${i.phase}`) })}
        </Tag>
      </p>
      <dl className="facts">
        <dt>{t('initiativePage.header.owner')}</dt>
        <dd>{i.owner.name}</dd>
        <dt>{t('initiativePage.header.responsible')}</dt>
        <dd>{i.responsible.name ?? notSet}</dd>
        <dt>{t('initiativePage.header.period')}</dt>
        <dd>{period}</dd>
        <dt>{t('initiativePage.header.budget')}</dt>
        <dd>{i.budgetSek === null ? notSet : formatSek(i.budgetSek, i18n.language)}</dd>
        <dt>{t('initiativePage.header.municipalities')}</dt>
        <dd>{i.municipalities.length ? i.municipalities.map((m) => m.name).join(', ') : notSet}</dd>
        <dt>{t('initiativePage.header.technologies')}</dt>
        <dd>{i.technologies.length ? i.technologies.map((x) => x.name).join(', ') : notSet}</dd>
        <dt>{t('initiativePage.header.supportNeeds')}</dt>
        <dd>
          {i.supportNeeds.length
            ? i.supportNeeds.map((s) => t(`initiatives.supportNeed.${s}`)).join(', ')
            : notSet}
        </dd>
        {i.need ? (
          <>
            <dt>{t('initiativePage.header.need')}</dt>
            <dd>
              <Link className="ds-link" to="/behov">
                {i.need.title}
              </Link>
            </dd>
          </>
        ) : null}
        {i.plans.length ? (
          <>
            <dt>{t('initiativePage.header.plans')}</dt>
            <dd>
              <ul className="link-list initiative-plain-list">
                {i.plans.map((p) => (
                  <li key={p.id}>
                    <Link className="ds-link" to={`/handlingsplaner/${p.id}`}>
                      {p.title}
                    </Link>{' '}
                    <span className="muted">
                      ({t('initiativePage.header.priority', { priority: p.priority })})
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {i.purpose ? (
        <>
          <h2 className="ds-heading" data-size="sm">
            {t('initiativePage.header.purpose')}
          </h2>
          <p className="ds-paragraph initiative-purpose">{i.purpose}</p>
        </>
      ) : null}
      {i.links.length ? (
        <>
          <h2 className="ds-heading" data-size="sm">
            {t('initiativePage.header.sources')}
          </h2>
          <ul className="link-list">
            {i.links.map((l) => (
              <li key={`${l.roundId}-${l.municipalityCode}-${l.areaKey}-${l.questionKey}`}>
                <Link
                  className="ds-link"
                  to={
                    l.municipalityCode
                      ? `/bedomningar/${l.roundId}/kommuner/${l.municipalityCode}/resultat`
                      : `/bedomningar/${l.roundId}/resultat`
                  }
                >
                  {[
                    l.roundName,
                    l.municipalityName,
                    l.areaKey ? t(`assessmentResults.areas.${l.areaKey}`) : null,
                    l.questionKey,
                  ]
                    .filter(Boolean)
                    .join(' – ')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
