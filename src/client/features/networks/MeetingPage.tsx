import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MeetingView, RegistrationList } from '../../../shared/contracts/networks.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, TextAreaField } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatWhen, meetingKey, meetingsKey } from './data.ts';

/** The secretary's form: agenda, minutes, decisions (one per line) and who attended. */
function RecordForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [agenda, setAgenda] = useState(meeting.agenda ?? '');
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [decisions, setDecisions] = useState(meeting.decisions.join('\n'));
  const [present, setPresent] = useState(
    () => new Set(meeting.attendance.filter((a) => a.present).map((a) => a.memberId)),
  );
  const [saved, setSaved] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.put(`/networks/${meeting.networkId}/meetings/${meeting.id}`, MeetingView, {
        agenda: agenda.trim() || null,
        minutes: minutes.trim() || null,
        decisions: decisions
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean),
        attendance: meeting.attendance.map((a) => ({
          memberId: a.memberId,
          present: present.has(a.memberId),
        })),
      }),
    onSuccess: (m) => {
      qc.setQueryData(meetingKey(m.networkId, m.id), m);
      void qc.invalidateQueries({ queryKey: meetingsKey(m.networkId), exact: true });
      setSaved(t('networks.meeting.saved'));
    },
    onError: () => setSaved(''),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <TextAreaField
        id="meeting-agenda"
        label={t('networks.meeting.agenda')}
        value={agenda}
        onValueChange={setAgenda}
      />
      <TextAreaField
        id="meeting-minutes"
        label={t('networks.meeting.minutes')}
        value={minutes}
        onValueChange={setMinutes}
        rows={8}
      />
      <TextAreaField
        id="meeting-decisions"
        label={t('networks.meeting.decisions')}
        hint={t('networks.meeting.decisionsHint')}
        value={decisions}
        onValueChange={setDecisions}
        rows={4}
      />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('networks.meeting.attendance')}
        </legend>
        {meeting.attendance.length === 0 ? (
          <p className="ds-paragraph">{t('networks.meeting.noMembers')}</p>
        ) : (
          <ul className="attendance-list">
            {meeting.attendance.map((a) => (
              <li key={a.memberId} className="ds-field checkbox">
                <input
                  className="ds-input"
                  type="checkbox"
                  id={`present-${a.memberId}`}
                  checked={present.has(a.memberId)}
                  onChange={(e) => {
                    const next = new Set(present);
                    if (e.target.checked) next.add(a.memberId);
                    else next.delete(a.memberId);
                    setPresent(next);
                  }}
                />
                <label className="ds-label" data-weight="regular" htmlFor={`present-${a.memberId}`}>
                  {a.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="form-actions">
        <SubmitButton
          busy={save.isPending}
          label={t('networks.meeting.save')}
          busyLabel={t('networks.meeting.saving')}
        />
      </div>
      <LiveStatus message={saved} />
    </form>
  );
}

function ReadOnlyRecord({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const mark = (p: boolean | null) =>
    p === null
      ? t('networks.meeting.unknown')
      : p
        ? t('networks.meeting.present')
        : t('networks.meeting.absent');
  return (
    <>
      <h3 className="ds-heading" data-size="xs">
        {t('networks.meeting.agenda')}
      </h3>
      <p className="ds-paragraph network-text">{meeting.agenda ?? t('networks.meeting.noAgenda')}</p>
      <h3 className="ds-heading" data-size="xs">
        {t('networks.meeting.minutes')}
      </h3>
      <p className="ds-paragraph network-text">{meeting.minutes ?? t('networks.meeting.noMinutes')}</p>
      <h3 className="ds-heading" data-size="xs">
        {t('networks.meeting.decisions')}
      </h3>
      {meeting.decisions.length ? (
        <ol className="decision-list">
          {meeting.decisions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ol>
      ) : (
        <p className="ds-paragraph">{t('networks.meeting.noDecisions')}</p>
      )}
      <h3 className="ds-heading" data-size="xs">
        {t('networks.meeting.attendance')}
      </h3>
      <ul className="link-list">
        {meeting.attendance.map((a) => (
          <li key={a.memberId}>
            {a.name}: {mark(a.present)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** An open event's participant list, for the group's managers. */
function Participants({ meeting }: { meeting: MeetingView }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: [...meetingKey(meeting.networkId, meeting.id), 'registrations'],
    queryFn: () =>
      api.get(`/networks/${meeting.networkId}/meetings/${meeting.id}/registrations`, RegistrationList),
  });
  const caption = t('networks.meeting.participantsCaption', { title: meeting.title });
  return (
    <Section title={t('networks.meeting.participants')} id="participants">
      <p className="ds-paragraph">
        {meeting.capacity !== null
          ? t('networks.meeting.seats', { registered: meeting.registrations, capacity: meeting.capacity })
          : t('networks.meeting.seatsNoLimit', { registered: meeting.registrations })}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('networks.meeting.noParticipants')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.members.name')}</th>
                <th scope="col">{t('networks.members.email')}</th>
                <th scope="col">{t('networks.meeting.organisation')}</th>
                <th scope="col">{t('networks.meeting.mode')}</th>
                <th scope="col">{t('networks.meeting.registeredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name}
                    {r.cancelledAt ? ` (${t('networks.meeting.cancelled')})` : ''}
                  </th>
                  <td className="network-email">{r.email}</td>
                  <td>{r.organisationName ?? ''}</td>
                  <td>
                    {r.attendance === 'online' ? t('networks.event.online_mode') : t('networks.event.onSite')}
                  </td>
                  <td className="nowrap">{formatWhen(r.registeredAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Section>
  );
}

export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { id = '', meetingId = '' } = useParams();
  const meeting = useQuery({
    queryKey: meetingKey(id, meetingId),
    queryFn: () => api.get(`/networks/${id}/meetings/${meetingId}`, MeetingView),
  });
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <QueryFailure error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  return (
    <Page title={m.title}>
      <p>
        <Link className="ds-link" to={`/natverk/${m.networkId}`}>
          {t('networks.meeting.back', { name: m.networkName })}
        </Link>
      </p>
      <Section title={t('networks.meeting.facts')} id="meeting-facts">
        <dl className="facts">
          <dt>{t('networks.meeting.when')}</dt>
          <dd>{formatWhen(m.startsAt, i18n.language)}</dd>
          <dt>{t('networks.meeting.where')}</dt>
          <dd>
            {[m.location, m.online ? t('networks.meeting.online') : null].filter(Boolean).join(' · ') || '–'}
          </dd>
        </dl>
        {m.isOpenEvent ? (
          <p>
            <Link className="ds-link" to={`/evenemang/${m.id}`}>
              {t('networks.meeting.publicPage')}
            </Link>
          </p>
        ) : null}
      </Section>
      <Section title={t('networks.meeting.record')} id="meeting-record">
        {m.canManage ? <RecordForm meeting={m} /> : <ReadOnlyRecord meeting={m} />}
      </Section>
      {m.isOpenEvent && m.canManage ? <Participants meeting={m} /> : null}
    </Page>
  );
}
