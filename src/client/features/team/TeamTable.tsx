import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamMember, TeamStatus } from '../../../shared/contracts/team.ts';
import { Tag } from '../../components/Feedback.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate } from '../programmes/shared.ts';

const statusColor: Record<TeamStatus, string> = {
  not_enrolled: 'neutral',
  not_started: 'warning',
  in_progress: 'info',
  done: 'success',
  overdue: 'danger',
};

export function StatusTag({ status }: { status: TeamStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`team.statuses.${status}`)}</Tag>;
}

/** The team, one row per person, each with a checkbox for the actions below the table. */
export function TeamTable({
  items,
  selected,
  onSelect,
}: {
  items: TeamMember[];
  selected: Set<string>;
  onSelect: (next: Set<string>) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const allShown = items.length > 0 && items.every((m) => selected.has(m.userId));
  const toggle = (userId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(userId);
    else next.delete(userId);
    onSelect(next);
  };
  return (
    <>
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id="team-select-all"
          checked={allShown}
          onChange={(e) => {
            const next = new Set(selected);
            for (const m of items) {
              if (e.target.checked) next.add(m.userId);
              else next.delete(m.userId);
            }
            onSelect(next);
          }}
        />
        <label className="ds-label" data-weight="regular" htmlFor="team-select-all">
          {t('team.selectAll')}
        </label>
      </div>
      <TableWrap label={t('team.caption')}>
        <table className="ds-table team-table" data-border="true">
          <caption>{t('team.caption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('team.person')}</th>
              <th scope="col">{t('team.status')}</th>
              <th scope="col">{t('team.progress')}</th>
              <th scope="col">{t('team.lastActivity')}</th>
              <th scope="col">{t('team.courses')}</th>
              <th scope="col">{t('team.units')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.userId}>
                <td>
                  <input
                    className="ds-input"
                    type="checkbox"
                    id={`team-select-${m.userId}`}
                    aria-label={t('team.select', { name: m.name })}
                    checked={selected.has(m.userId)}
                    onChange={(e) => toggle(m.userId, e.target.checked)}
                  />
                </td>
                <th scope="row">
                  {m.name}
                  <span className="muted team-role">{t(`roles.${m.role}`)}</span>
                </th>
                <td>
                  <StatusTag status={m.status} />
                  {m.lastRemindedAt ? (
                    <span className="muted team-role">
                      {t('team.remindedOn', { date: formatDate(m.lastRemindedAt, lang) })}
                    </span>
                  ) : null}
                </td>
                <td>{m.enrolments.length ? `${m.percent} %` : '–'}</td>
                <td>{formatDate(m.lastActivityAt, lang)}</td>
                <td>
                  {m.enrolments.length === 0 ? (
                    t('team.noCourses')
                  ) : (
                    <ul className="team-courses">
                      {m.enrolments.map((e) => (
                        <li key={e.enrolmentId}>
                          {e.courseTitle}: {t(`team.statuses.${e.status}`)}, {e.percent} %
                          {e.certificateCode ? (
                            <>
                              {' · '}
                              <Link className="ds-link" to={`/intyg/${e.certificateCode}`}>
                                {t('team.certificate', { code: e.certificateCode })}
                              </Link>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{m.units.map((u) => u.name).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
