import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type InitiativeSummary, initiativeStatuses } from '../../../shared/contracts/initiatives.ts';
import { Section } from '../../components/Page.tsx';

/** Initiatives in columns by status: headed lists of cards, for reading (no drag and drop). */
export function InitiativeBoard({ items }: { items: InitiativeSummary[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('initiativeList.board.heading')} id="initiative-board">
      <div className="initiative-board">
        {initiativeStatuses.map((status) => {
          const column = items.filter((i) => i.status === status);
          const headingId = `initiative-board-${status}`;
          return (
            <section key={status} className="initiative-board-column" aria-labelledby={headingId}>
              <h3 className="ds-heading" data-size="2xs" id={headingId}>
                {t('initiativeList.board.column', {
                  status: t(`initiatives.status.${status}`),
                  count: column.length,
                })}
              </h3>
              {column.length ? (
                <ul className="initiative-cards">
                  {column.map((i) => (
                    <li key={i.id} className="initiative-card">
                      <Link className="ds-link" to={`/insatser/${i.id}`}>
                        {i.title}
                      </Link>
                      <span>{i.owner.name}</span>
                      <span>
                        {t('initiativeList.board.phase', { phase: t(`initiatives.phase.${i.phase}`) })}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="ds-paragraph initiative-board-empty">{t('initiativeList.board.empty')}</p>
              )}
            </section>
          );
        })}
      </div>
    </Section>
  );
}
