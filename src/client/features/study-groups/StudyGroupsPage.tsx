import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { CourseList } from '../../../shared/contracts/learning.ts';
import { MemberPage } from '../../../shared/contracts/people.ts';
import { StudyGroupList, StudyGroupView } from '../../../shared/contracts/study-groups.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { PeoplePicker } from '../../components/PeoplePicker.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';

export function formatDateTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function CreateGroup() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const units = me.data ? scopeAt(scopeFor(me.data, 'studygroup.manage'), ['unit']) : [];
  const [orgId, setOrgId] = useState(units[0]?.organisationId ?? '');
  const [name, setName] = useState('');
  const [courseId, setCourseId] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const courses = useQuery({
    queryKey: ['courses', i18n.language],
    queryFn: () => api.get(`/courses${qs({ lang: i18n.language })}`, CourseList),
  });
  const members = useQuery({
    queryKey: ['members', orgId, { limit: 200 }],
    queryFn: () => api.get(`/organisations/${orgId}/members${qs({ limit: 200 })}`, MemberPage),
    enabled: orgId !== '',
  });
  const create = useMutation({
    mutationFn: () =>
      api.post('/study-groups', StudyGroupView, {
        name: name.trim(),
        organisationId: orgId,
        courseId: courseId || courses.data?.items[0]?.id,
        memberIds: [...selected],
      }),
    onSuccess: (g) => {
      void qc.invalidateQueries({ queryKey: ['study-groups'] });
      navigate(`/studiegrupper/${g.id}`);
    },
  });
  if (units.length === 0) return null;
  const people = [...new Map((members.data?.items ?? []).map((m) => [m.userId, m])).values()].filter(
    (m) => m.status === 'active',
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setProblem(t('studyGroups.name'));
    if (selected.size === 0) return setProblem(t('studyGroups.chooseMembers'));
    setProblem(null);
    create.mutate();
  };
  return (
    <Section title={t('studyGroups.create')} id="create">
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          id="group-name"
          label={t('studyGroups.name')}
          required
          value={name}
          onValueChange={setName}
        />
        {units.length > 1 ? (
          <SelectField
            id="group-unit"
            label={t('studyGroups.unit')}
            value={orgId}
            onValueChange={(v) => {
              setOrgId(v);
              setSelected(new Set());
            }}
            options={units.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
          />
        ) : null}
        {courses.data ? (
          <SelectField
            id="group-course"
            label={t('studyGroups.course')}
            value={courseId || courses.data.items[0]?.id || ''}
            onValueChange={setCourseId}
            options={courses.data.items.map((c) => ({ value: c.id, label: c.title }))}
          />
        ) : null}
        <PeoplePicker
          idPrefix="member"
          legend={t('studyGroups.chooseMembers')}
          people={people}
          query={members}
          selected={selected}
          onChange={setSelected}
          label={(m) => m.name}
        />
        {problem ? (
          <div className="ds-alert" data-color="danger" role="alert">
            <p className="ds-paragraph">{problem}</p>
          </div>
        ) : null}
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <div className="form-actions">
          <SubmitButton
            busy={create.isPending}
            label={t('studyGroups.create')}
            busyLabel={t('app.loading')}
          />
        </div>
      </form>
    </Section>
  );
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
