import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { StudyGroupList } from '../../../shared/contracts/study-groups.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { CreateGroup } from './CreateGroupForm.tsx';

export function formatDateTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function TeamLinks() {
  const { t } = useTranslation();
  const me = useMe();
  // A manager's team is their unit.
  const units = me.data ? scopeAt(scopeFor(me.data, 'learning.report'), ['unit']) : [];
  if (units.length === 0) return null;
  return (
    <Section title={t('programmes.team.link')} id="team-links">
      <ul className="link-list">
        {units.map((u) => (
          <li key={u.organisationId}>
            <Link className="ds-link" to={`/mitt-team?enhet=${u.organisationId}`}>
              {t('programmes.team.title', { name: u.organisationName })}
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function StudyGroupsPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['study-groups'],
    queryFn: () => api.get('/study-groups', StudyGroupList),
  });
  return (
    <Page title={t('studyGroups.title')} lead={t('studyGroups.lead')}>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('studyGroups.none')}</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <TableWrap label={t('studyGroups.caption')}>
          <table className="ds-table" data-border="true" data-zebra="true">
            <caption>{t('studyGroups.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('studyGroups.name')}</th>
                <th scope="col">{t('studyGroups.unit')}</th>
                <th scope="col">{t('studyGroups.members')}</th>
                <th scope="col">{t('studyGroups.nextMeeting')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/studiegrupper/${g.id}`}>
                      {g.name}
                    </Link>
                  </th>
                  <td>{g.organisation.name}</td>
                  <td>{g.memberCount}</td>
                  <td>
                    {g.nextMeetingAt
                      ? formatDateTime(g.nextMeetingAt, i18n.language)
                      : t('studyGroups.noMeeting')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <TeamLinks />
      <CreateGroup />
    </Page>
  );
}
