import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CourseList, EnrolmentResult } from '../../../shared/contracts/learning.ts';
import { ProgrammeEnrolmentResult, ProgrammeList } from '../../../shared/contracts/programmes.ts';
import { TeamReminderResult } from '../../../shared/contracts/team.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';

/**
 * Enrol the selected people in a course or a programme (through the same endpoints as everywhere
 * else: the server decides who the caller may enrol) and remind them of unfinished courses.
 */
export function TeamActions({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const courses = useQuery({
    queryKey: ['courses', i18n.language],
    queryFn: () => api.get(`/courses${qs({ lang: i18n.language })}`, CourseList),
  });
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: () => api.get('/programmes', ProgrammeList),
  });
  const enrol = useMutation({
    mutationFn: async (userIds: string[]) => {
      const [kind, id] = target.split(':') as ['course' | 'programme', string];
      if (kind === 'programme')
        return api.post(`/programmes/${id}/enrolments`, ProgrammeEnrolmentResult, { userIds });
      return api.post('/enrolments', EnrolmentResult, { courseId: id, userIds });
    },
    onSuccess: onDone,
  });
  const remind = useMutation({
    mutationFn: (userIds: string[]) => api.post('/team/reminders', TeamReminderResult, { userIds }),
    onSuccess: onDone,
  });
  const needSelection = () => {
    if (selected.length > 0) return false;
    setProblem(t('team.selectSomeone'));
    return true;
  };
  const onEnrol = (e: FormEvent) => {
    e.preventDefault();
    if (needSelection()) return;
    if (!target) {
      setProblem(t('team.chooseTarget'));
      return;
    }
    setProblem(null);
    enrol.mutate(selected);
  };
  const onRemind = (e: FormEvent) => {
    e.preventDefault();
    if (needSelection()) return;
    setProblem(null);
    remind.mutate(selected);
  };
  const options = [
    { value: '', label: t('team.chooseTarget') },
    ...(courses.data?.items ?? []).map((c) => ({
      value: `course:${c.id}`,
      label: `${t('team.coursesGroup')}: ${c.title}`,
    })),
    ...(programmes.data?.items ?? []).map((p) => ({
      value: `programme:${p.id}`,
      label: `${t('team.programmesGroup')}: ${p.name}`,
    })),
  ];
  const r = remind.data;
  return (
    <Section title={t('team.actions')} id="actions">
      <p className="ds-paragraph" aria-live="polite">
        {t('team.selectedCount', { count: selected.length })}
      </p>
      {problem ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{problem}</p>
        </div>
      ) : null}
      <form className="form" onSubmit={onEnrol} noValidate>
        <SelectField
          id="team-target"
          label={t('team.target')}
          value={target}
          onValueChange={setTarget}
          options={options}
        />
        {enrol.isError ? <ErrorAlert error={enrol.error} /> : null}
        <LiveStatus
          message={
            enrol.data
              ? t('team.enrolled', { created: enrol.data.created, existing: enrol.data.existing })
              : null
          }
        />
        <div className="form-actions">
          <SubmitButton busy={enrol.isPending} label={t('team.enrol')} busyLabel={t('app.loading')} />
        </div>
      </form>
      <form className="form" onSubmit={onRemind} noValidate>
        <p className="ds-paragraph">{t('team.remindHint')}</p>
        {remind.isError ? <ErrorAlert error={remind.error} /> : null}
        <LiveStatus
          message={
            r
              ? t('team.reminded', {
                  sent: r.sent,
                  already: r.results.filter((x) => x.outcome === 'already_today').length,
                  nothing: r.results.filter((x) => x.outcome === 'nothing_to_remind').length,
                })
              : null
          }
        />
        <div className="form-actions">
          <SubmitButton
            busy={remind.isPending}
            label={t('team.remind')}
            busyLabel={t('app.loading')}
            variant="secondary"
          />
        </div>
      </form>
    </Section>
  );
}
