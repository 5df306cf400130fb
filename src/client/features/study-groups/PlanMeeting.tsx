import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CourseDetail, type NativeCourseDetail } from '../../../shared/contracts/learning.ts';
import { CreateMeeting, MeetingView, type StudyGroupView } from '../../../shared/contracts/study-groups.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { controlProps } from '../../components/form/FieldFrame.tsx';
import {
  ContractSelectField,
  ContractTextField,
  FieldFrame,
  useContractForm,
} from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { fromLocalInput } from '../networks/data.ts';

type Module = NativeCourseDetail['modules'][number];

function PlanMeetingForm({
  group,
  modules,
  onPlanned,
}: {
  group: StudyGroupView;
  modules: readonly Module[];
  onPlanned: () => void;
}) {
  const { t } = useTranslation();
  const cf = useContractForm(CreateMeeting, {
    id: 'meeting',
    defaultValues: { moduleKey: modules[0]?.key ?? '', durationMinutes: 60, place: '' },
    labels: {
      moduleKey: t('studyGroups.module'),
      startsAt: t('studyGroups.startsAt'),
      durationMinutes: t('studyGroups.duration'),
      place: t('studyGroups.place'),
    },
    onSubmit: async (body, { form }) => {
      await api.post(`/study-groups/${group.id}/meetings`, MeetingView, body);
      onPlanned();
      // The next meeting is often the next module at another time and place: only the module stays.
      form.reset({ moduleKey: body.moduleKey, durationMinutes: body.durationMinutes, place: '' });
      return t('studyGroups.planned');
    },
  });
  const chosen = modules.find((m) => m.key === cf.form.watch('moduleKey'));
  const startsId = cf.fieldId('startsAt');
  const startsError = cf.errorFor('startsAt');
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="moduleKey"
        required
        options={modules.map((m) => ({ value: m.key, label: m.title }))}
      />
      {chosen && chosen.reflectionQuestions.length > 0 ? (
        <div>
          <p className="ds-paragraph" data-size="sm">
            <strong>{t('studyGroups.reflection')}</strong>
          </p>
          <ul className="ds-list">
            {chosen.reflectionQuestions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FieldFrame id={startsId} label={cf.label('startsAt')} required error={startsError}>
        <input
          type="datetime-local"
          {...controlProps(startsId, null, startsError, true)}
          {...cf.form.register('startsAt', { setValueAs: (v: string) => fromLocalInput(v) ?? v })}
        />
      </FieldFrame>
      <ContractTextField cf={cf} name="durationMinutes" inputMode="numeric" asNumber />
      <ContractTextField cf={cf} name="place" required />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('studyGroups.plan')} busyLabel={t('app.loading')} />
      </div>
      {cf.saved}
    </form>
  );
}

/** Planning the group's next meeting: a module of its course, a time and a place. */
export function PlanMeeting({ group, onPlanned }: { group: StudyGroupView; onPlanned: () => void }) {
  const { t, i18n } = useTranslation();
  const course = useQuery({
    queryKey: ['course', group.course.id, i18n.language],
    queryFn: () => api.get(`/courses/${group.course.id}${qs({ lang: i18n.language })}`, CourseDetail),
  });
  return (
    <Section title={t('studyGroups.plan')} id="plan">
      {course.isPending ? <Loading /> : null}
      {course.isError ? <ErrorAlert error={course.error} /> : null}
      {course.data ? (
        <PlanMeetingForm
          group={group}
          // Study groups meet over the reflection questions of courses written in the editor.
          modules={course.data.format === 'native' ? course.data.modules : []}
          onPlanned={onPlanned}
        />
      ) : null}
    </Section>
  );
}
