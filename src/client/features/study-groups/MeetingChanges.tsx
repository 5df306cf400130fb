import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingView, type StudyGroupView, UpdateMeeting } from '../../../shared/contracts/study-groups.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { controlProps } from '../../components/form/FieldFrame.tsx';
import { ContractTextField, FieldFrame, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { fromLocalInput } from '../networks/data.ts';

/** An ISO time as a `datetime-local` value in the browser's time zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function EditMeeting({
  group,
  meeting,
  onSaved,
}: {
  group: StudyGroupView;
  meeting: MeetingView;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const cf = useContractForm(UpdateMeeting, {
    id: `meeting-edit-${meeting.id}`,
    // The time is read from its input (see below); untouched, it is the same time and moves nothing.
    defaultValues: { place: meeting.place, durationMinutes: meeting.durationMinutes },
    labels: {
      startsAt: t('studyGroups.startsAt'),
      durationMinutes: t('studyGroups.duration'),
      place: t('studyGroups.place'),
    },
    onSubmit: async (values) => {
      await api.patch(`/study-groups/${group.id}/meetings/${meeting.id}`, MeetingView, values);
      onSaved();
      return t('meetingChanges.saved');
    },
  });
  const startsId = cf.fieldId('startsAt');
  const startsError = cf.errorFor('startsAt');
  return (
    <form className="form" noValidate onSubmit={cf.onSubmit}>
      {cf.summary}
      <FieldFrame id={startsId} label={cf.label('startsAt')} error={startsError}>
        <input
          type="datetime-local"
          defaultValue={toLocalInput(meeting.startsAt)}
          {...controlProps(startsId, null, startsError)}
          {...cf.form.register('startsAt', { setValueAs: (v: string) => fromLocalInput(v) ?? v })}
        />
      </FieldFrame>
      <ContractTextField cf={cf} name="durationMinutes" inputMode="numeric" asNumber />
      <ContractTextField cf={cf} name="place" />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('meetingChanges.save')} busyLabel={t('app.loading')} />
      </div>
      {cf.saved}
    </form>
  );
}

/** Change or cancel a meeting (those who run the group; not once attendance is recorded). */
export function MeetingChanges({
  group,
  meeting,
  queryKey,
}: {
  group: StudyGroupView;
  meeting: MeetingView;
  queryKey: readonly unknown[];
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey });
  const cancel = useMutation({
    mutationFn: () => api.post(`/study-groups/${group.id}/meetings/${meeting.id}/cancel`, MeetingView, {}),
    onSuccess: refresh,
  });
  const [open, setOpen] = useState(false);
  const title = `${meeting.moduleTitle}, ${new Date(meeting.startsAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE')}`;
  return (
    <div className="meeting-changes">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('meetingChanges.edit')}</summary>
        {open ? <EditMeeting group={group} meeting={meeting} onSaved={refresh} /> : null}
      </details>
      {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
      <LiveStatus message={cancel.isSuccess ? t('meetingChanges.cancelledNotice') : null} />
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        data-color="danger"
        aria-busy={cancel.isPending || undefined}
        onClick={() => {
          if (!cancel.isPending && window.confirm(t('meetingChanges.cancelConfirm', { title })))
            cancel.mutate();
        }}
      >
        {t('meetingChanges.cancel')}
      </button>
    </div>
  );
}
