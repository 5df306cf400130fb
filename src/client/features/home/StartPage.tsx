import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPlacementRole, seesOnlyOwnProgress } from '../../../shared/access/index.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { ContinueLearning } from './ContinueLearning.tsx';
import { FigureList } from './FigureList.tsx';
import { MembershipCard } from './MembershipCard.tsx';
import { NewsList } from './NewsList.tsx';
import { useStart } from './start-queries.ts';
import { TodoList } from './TodoList.tsx';
import './start.css';

/** To-do items, the role's figures and what is new: everything from one request. */
function WorkOverview({ showTodos }: { showTodos: boolean }) {
  const { t } = useTranslation();
  const start = useStart();
  if (start.isPending) return <Loading />;
  if (start.isError) return <ErrorAlert error={start.error} onRetry={() => void start.refetch()} />;
  const { todos, figures, news, since } = start.data;
  return (
    <>
      {showTodos ? (
        <Section title={t('start.todoTitle')} id="todo">
          <TodoList todos={todos} />
        </Section>
      ) : null}
      {figures.length ? (
        <Section title={t('start.figuresTitle')} id="figures">
          <FigureList figures={figures} />
        </Section>
      ) : null}
      <Section title={since ? t('start.newsTitle') : t('start.newsTitleFirst')} id="news">
        <NewsList news={news} since={since} />
      </Section>
    </>
  );
}

/**
 * The start page by role, built from the person's real work: care staff first get their next lesson,
 * one tap away; everyone else what is waiting for them, their figures and what changed since their
 * previous visit. Their organisations and shortcuts follow below.
 */
export function StartPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <Loading />;
  const user = me.data;
  const admin = isNationalAdmin(user);
  const onlyStaff = seesOnlyOwnProgress(user);
  const learns = user.memberships.some((m) => isPlacementRole(m.role));

  return (
    <Page
      title={t('start.greeting', { name: user.name })}
      lead={onlyStaff ? t('start.leadStaff') : t('start.leadWork')}
    >
      {onlyStaff ? <ContinueLearning /> : null}
      <WorkOverview showTodos={!onlyStaff} />
      {learns && !onlyStaff ? <ContinueLearning /> : null}
      <Section title={t('start.yourOrganisations')} id="your-organisations">
        {user.memberships.length === 0 ? (
          <p className="ds-paragraph">{t('start.noMemberships')}</p>
        ) : (
          <ul className="card-grid">
            {user.memberships.map((m) => (
              <MembershipCard key={m.id} me={user} membership={m} />
            ))}
          </ul>
        )}
      </Section>
      {onlyStaff ? (
        <Section title={t('start.staffTitle')} id="staff">
          <p className="ds-paragraph">{t('start.staffText')}</p>
          <ul className="link-list">
            <li>
              <Link className="ds-link" to="/utbildning">
                {t('learning.nav')}
              </Link>
            </li>
            <li>
              <Link className="ds-link" to="/mitt-konto">
                {t('nav.account')}
              </Link>
            </li>
          </ul>
        </Section>
      ) : null}
      {admin ? (
        <Section title={t('start.adminTitle')} id="admin">
          <ul className="action-list">
            <li>
              <Link className="ds-link" to="/admin/logg">
                {t('start.auditLink')}
              </Link>
            </li>
            <li>
              <Link className="ds-link" to="/admin/utkorg">
                {t('start.outboxLink')}
              </Link>
            </li>
          </ul>
        </Section>
      ) : null}
      <Section title={t('start.exploreTitle')} id="explore">
        <ul className="action-list">
          <li>
            <Link className="ds-link" to="/organisationer">
              {t('start.exploreSweden')}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to="/kommuner">
              {t('start.exploreMunicipalities')}
            </Link>
          </li>
        </ul>
      </Section>
    </Page>
  );
}
