import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { CourseList } from '../../../shared/contracts/learning.ts';
import { MemberPage } from '../../../shared/contracts/people.ts';
import { CreateStudyGroup, StudyGroupView } from '../../../shared/contracts/study-groups.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { PeoplePicker } from '../../components/PeoplePicker.tsx';
import { api, qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';

type Unit = { organisationId: string; organisationName: string };

function GroupForm({
  units,
  courses,
}: {
  units: readonly Unit[];
  courses: z.infer<typeof CourseList>['items'];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const cf = useContractForm(CreateStudyGroup, {
    id: 'group',
    defaultValues: {
      name: '',
      organisationId: units[0]?.organisationId ?? '',
      courseId: courses[0]?.id ?? '',
      memberIds: [],
    },
    labels: {
      name: t('studyGroups.name'),
      organisationId: t('studyGroups.unit'),
      courseId: t('studyGroups.course'),
      memberIds: t('studyGroups.chooseMembers'),
    },
    onSubmit: async (body) => {
      const g = await api.post('/study-groups', StudyGroupView, body);
      await qc.invalidateQueries({ queryKey: ['study-groups'] });
      navigate(`/studiegrupper/${g.id}`);
    },
  });
  const orgId = cf.form.watch('organisationId');
  const members = useQuery({
    queryKey: ['members', orgId, { limit: 200 }],
    queryFn: () => api.get(`/organisations/${orgId}/members${qs({ limit: 200 })}`, MemberPage),
    enabled: orgId !== '',
  });
  const people = [...new Map((members.data?.items ?? []).map((m) => [m.userId, m])).values()].filter(
    (m) => m.status === 'active',
  );
  // Members are people of the chosen unit: another unit starts from none.
  const { setValue } = cf.form;
  useEffect(() => {
    if (orgId) setValue('memberIds', []);
  }, [orgId, setValue]);
  const chosen = new Set(cf.form.watch('memberIds'));
  const setMembers = (next: Set<string>) =>
    cf.form.setValue('memberIds', [...next], {
      shouldDirty: true,
      shouldValidate: cf.form.formState.isSubmitted,
    });
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractTextField cf={cf} name="name" required />
      {units.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="organisationId"
          options={units.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
        />
      ) : null}
      <ContractSelectField
        cf={cf}
        name="courseId"
        options={courses.map((c) => ({ value: c.id, label: c.title }))}
      />
      <PeoplePicker
        idPrefix="member"
        legend={t('studyGroups.chooseMembers')}
        people={people}
        query={members}
        selected={chosen}
        onChange={setMembers}
        label={(m) => m.name}
        field={{ id: cf.fieldId('memberIds'), error: cf.errorFor('memberIds') }}
      />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('studyGroups.create')} busyLabel={t('app.loading')} />
      </div>
    </form>
  );
}

/** A new study group of one of the units the person runs groups in: a course and its members. */
export function CreateGroup() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const units = me.data ? scopeAt(scopeFor(me.data, 'studygroup.manage'), ['unit']) : [];
  const courses = useQuery({
    queryKey: ['courses', i18n.language],
    queryFn: () => api.get(`/courses${qs({ lang: i18n.language })}`, CourseList),
  });
  if (units.length === 0) return null;
  return (
    <Section title={t('studyGroups.create')} id="create">
      {courses.isPending ? <Loading /> : null}
      {courses.isError ? <ErrorAlert error={courses.error} /> : null}
      {courses.data ? <GroupForm units={units} courses={courses.data.items} /> : null}
    </Section>
  );
}
