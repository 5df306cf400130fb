import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MeetingView, StudyGroupView } from '../../../shared/contracts/study-groups.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { MeetingChanges } from './MeetingChanges.tsx';
import { PlanMeeting } from './PlanMeeting.tsx';
import { formatDateTime } from './StudyGroupsPage.tsx';

const groupKey = (id: string, lang: string) => ['study-group', id, lang] as const;

function Attendance({ group, meeting }: { group: StudyGroupView; meeting: MeetingView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [attended, setAttended] = useState<Set<string>>(new Set(meeting.attended));
  const [note, setNote] = useState(meeting.note ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.put(`/study-groups/${group.id}/meetings/${meeting.id}/attendance`, MeetingView, {
        attended: [...attended],
        note: note.trim() || null,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: groupKey(group.id, i18n.language) }),
  });
  const noteId = `note-${meeting.id}`;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('studyGroups.attendance')}
        </legend>
        <ul className="checklist">
          {group.members.map((m) => (
            <li key={m.userId} className="ds-field checkbox">
              <input
                className="ds-input"
                type="checkbox"
                id={`att-${meeting.id}-${m.userId}`}
                checked={attended.has(m.userId)}
                onChange={(e) => {
                  const next = new Set(attended);
                  if (e.target.checked) next.add(m.userId);
                  else next.delete(m.userId);
                  setAttended(next);
                }}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`att-${meeting.id}-${m.userId}`}>
                {m.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="ds-field field">
        <label className="ds-label" data-weight="medium" htmlFor={noteId}>
          {t('studyGroups.note')}
        </label>
        <div className="field-hint" id={`${noteId}-hint`}>
          {t('studyGroups.noteHint')}
        </div>
        <textarea
          id={noteId}
          className="ds-input"
          rows={3}
          maxLength={2000}
          value={note}
          aria-describedby={`${noteId}-hint`}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <LiveStatus message={save.isSuccess ? t('studyGroups.saved') : null} />
      <div className="form-actions">
        <SubmitButton busy={save.isPending} label={t('studyGroups.save')} busyLabel={t('app.loading')} />
      </div>
    </form>
  );
}

function Meeting({ group, meeting }: { group: StudyGroupView; meeting: MeetingView }) {
  const { t, i18n } = useTranslation();
  const headingId = `meeting-${meeting.id}`;
  // Attendance is for a meeting that has begun (the server refuses it earlier); a cancelled one has none.
  const begun = Date.parse(meeting.startsAt) <= Date.now();
  const cancelled = meeting.cancelledAt !== null;
  return (
    <article className="meeting" aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="xs" id={headingId}>
        {t('studyGroups.meetingTitle', {
          module: meeting.moduleTitle,
          when: formatDateTime(meeting.startsAt, i18n.language),
        })}
        {cancelled ? (
          <>
            {' '}
            <Tag color="danger">{t('meetingChanges.cancelled')}</Tag>
          </>
        ) : null}
      </h3>
      {meeting.changedAt && !cancelled ? (
        <p className="ds-paragraph" data-size="sm">
          {t('meetingChanges.changedAt', { at: formatDateTime(meeting.changedAt, i18n.language) })}
        </p>
      ) : null}
      <p className="ds-paragraph">
        {t('studyGroups.place')}: {meeting.place} · {meeting.durationMinutes} min
        {meeting.attendanceRecordedAt
          ? ` · ${t('studyGroups.recordedAt', { at: formatDateTime(meeting.attendanceRecordedAt, i18n.language) })}`
          : ''}
      </p>
      {meeting.reflectionQuestions.length > 0 ? (
        <>
          <h4 className="ds-heading" data-size="2xs">
            {t('studyGroups.reflection')}
          </h4>
          <ul className="ds-list">
            {meeting.reflectionQuestions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </>
      ) : null}
      {group.canManage && !cancelled && begun ? <Attendance group={group} meeting={meeting} /> : null}
      {group.canManage && !cancelled && !begun ? (
        <p className="ds-paragraph" data-size="sm">
          {t('meetingChanges.attendanceLater')}
        </p>
      ) : null}
      {group.canManage && !cancelled && !meeting.attendanceRecordedAt ? (
        <MeetingChanges group={group} meeting={meeting} queryKey={groupKey(group.id, i18n.language)} />
      ) : null}
    </article>
  );
}

export function StudyGroupPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { id = '' } = useParams();
  const group = useQuery({
    queryKey: groupKey(id, i18n.language),
    queryFn: () =>
      api.get(`/study-groups/${encodeURIComponent(id)}${qs({ lang: i18n.language })}`, StudyGroupView),
  });
  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />;
  const g = group.data;
  const meetings = [...g.meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Page
      title={g.name}
      lead={`${g.organisation.name} · ${t('studyGroups.courseLabel', { title: g.course.title })}`}
      breadcrumbs={[{ to: '/studiegrupper', label: t('studyGroups.title') }, { label: g.name }]}
    >
      <Section title={t('studyGroups.membersHeading')} id="members">
        <ul className="ds-list">
          {g.members.map((m) => (
            <li key={m.userId}>{m.name}</li>
          ))}
        </ul>
      </Section>
      <Section title={t('studyGroups.meetings')} id="meetings">
        {meetings.length === 0 ? <p className="ds-paragraph">{t('studyGroups.noMeetings')}</p> : null}
        {meetings.map((m) => (
          <Meeting key={m.id} group={g} meeting={m} />
        ))}
      </Section>
      {g.canManage ? (
        <PlanMeeting
          group={g}
          onPlanned={() => void qc.invalidateQueries({ queryKey: groupKey(g.id, i18n.language) })}
        />
      ) : null}
    </Page>
  );
}
