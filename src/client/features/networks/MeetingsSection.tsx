import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MeetingList, MeetingView, type NetworkView } from '../../../shared/contracts/networks.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, TextAreaField, TextField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatWhen, fromLocalInput, meetingsKey, WEB_URL_RE } from './data.ts';

const FIELDS = [
  'title',
  'startsAt',
  'endsAt',
  'location',
  'onlineUrl',
  'agenda',
  'description',
  'capacity',
  'registrationClosesAt',
];

function NewMeetingForm({ network, onDone }: { network: NetworkView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [location, setLocation] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [agenda, setAgenda] = useState('');
  const [isOpenEvent, setOpenEvent] = useState(false);
  const [description, setDescription] = useState('');
  const [capacity, setCapacity] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const form = useFormErrors('new-meeting');
  const create = useMutation({
    mutationFn: () =>
      api.post(`/networks/${network.id}/meetings`, MeetingView, {
        title: title.trim(),
        startsAt: fromLocalInput(startsAt),
        endsAt: fromLocalInput(endsAt) ?? null,
        location: location.trim() || null,
        onlineUrl: onlineUrl.trim() || null,
        agenda: agenda.trim() || null,
        isOpenEvent,
        ...(isOpenEvent
          ? {
              description: description.trim() || null,
              capacity: capacity.trim() ? Number(capacity) : null,
              registrationClosesAt: fromLocalInput(closesAt) ?? null,
            }
          : {}),
      }),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: meetingsKey(network.id) });
      setTitle('');
      setStartsAt('');
      setEndsAt('');
      setAgenda('');
      onDone(t('networks.meetings.created', { title: m.title }));
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = t('networks.meetings.titleRequired');
    const start = fromLocalInput(startsAt);
    const end = fromLocalInput(endsAt);
    if (!start) errors.startsAt = t('networks.meetings.startsRequired');
    else if (end && end < start) errors.endsAt = t('networks.meetings.endsBeforeStart');
    if (onlineUrl.trim() && !WEB_URL_RE.test(onlineUrl.trim()))
      errors.onlineUrl = t('networks.meetings.urlInvalid');
    if (isOpenEvent && !location.trim() && !onlineUrl.trim())
      errors.location = t('networks.meetings.placeRequired');
    const places = Number(capacity);
    if (isOpenEvent && capacity.trim() && (!Number.isInteger(places) || places < 1))
      errors.capacity = t('networks.meetings.capacityInvalid');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-meeting-heading">
      <h3 className="ds-heading" data-size="xs" id="new-meeting-heading">
        {t('networks.meetings.newTitle')}
      </h3>
      {form.summary}
      <TextField
        id={form.fieldId('title')}
        label={t('networks.meetings.meetingTitle')}
        required
        value={title}
        onValueChange={setTitle}
        error={form.errors.title}
        maxLength={300}
      />
      <TextField
        id={form.fieldId('startsAt')}
        label={t('networks.meetings.startsAt')}
        type="datetime-local"
        required
        value={startsAt}
        onValueChange={setStartsAt}
        error={form.errors.startsAt}
      />
      <TextField
        id={form.fieldId('endsAt')}
        label={t('networks.meetings.endsAt')}
        type="datetime-local"
        value={endsAt}
        onValueChange={setEndsAt}
        error={form.errors.endsAt}
      />
      <TextField
        id={form.fieldId('location')}
        label={t('networks.meetings.location')}
        value={location}
        onValueChange={setLocation}
        error={form.errors.location}
        maxLength={300}
      />
      <TextField
        id={form.fieldId('onlineUrl')}
        label={t('networks.meetings.onlineUrl')}
        hint={t('networks.meetings.onlineUrlHint')}
        type="url"
        value={onlineUrl}
        onValueChange={setOnlineUrl}
        error={form.errors.onlineUrl}
      />
      <TextAreaField
        id={form.fieldId('agenda')}
        label={t('networks.meetings.agenda')}
        value={agenda}
        onValueChange={setAgenda}
        error={form.errors.agenda}
      />
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id="new-meeting-open"
          checked={isOpenEvent}
          onChange={(e) => setOpenEvent(e.target.checked)}
        />
        <label className="ds-label" data-weight="regular" htmlFor="new-meeting-open">
          {t('networks.meetings.isOpenEvent')}
        </label>
      </div>
      {isOpenEvent ? (
        <>
          <TextAreaField
            id={form.fieldId('description')}
            label={t('networks.meetings.description')}
            value={description}
            onValueChange={setDescription}
            error={form.errors.description}
            rows={3}
          />
          <TextField
            id={form.fieldId('capacity')}
            label={t('networks.meetings.capacity')}
            hint={t('networks.meetings.capacityHint')}
            inputMode="numeric"
            value={capacity}
            onValueChange={setCapacity}
            error={form.errors.capacity}
          />
          <TextField
            id={form.fieldId('registrationClosesAt')}
            label={t('networks.meetings.closesAt')}
            type="datetime-local"
            value={closesAt}
            onValueChange={setClosesAt}
            error={form.errors.registrationClosesAt}
          />
        </>
      ) : null}
      <div className="form-actions">
        <SubmitButton
          busy={create.isPending}
          label={t('networks.meetings.submit')}
          busyLabel={t('networks.meetings.busy')}
        />
      </div>
    </form>
  );
}

export function MeetingsSection({ network }: { network: NetworkView }) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState('');
  const meetings = useQuery({
    queryKey: meetingsKey(network.id),
    queryFn: () => api.get(`/networks/${network.id}/meetings`, MeetingList),
  });
  const caption = t('networks.meetings.caption', { name: network.name });
  return (
    <Section title={t('networks.meetings.title')} id="meetings">
      <LiveStatus message={message} />
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <QueryFailure error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('networks.meetings.none')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.meetings.meeting')}</th>
                <th scope="col">{t('networks.meetings.when')}</th>
                <th scope="col">{t('networks.meetings.where')}</th>
                <th scope="col">{t('networks.meetings.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/natverk/${network.id}/moten/${m.id}`}>
                      {m.title}
                    </Link>
                    {m.isOpenEvent ? (
                      <div className="muted">
                        {t('networks.meetings.openEvent')} ·{' '}
                        {m.capacity !== null
                          ? t('networks.meetings.registered', {
                              registered: m.registrations,
                              capacity: m.capacity,
                            })
                          : t('networks.meetings.registeredNoLimit', { registered: m.registrations })}
                      </div>
                    ) : null}
                  </th>
                  <td className="nowrap">{formatWhen(m.startsAt, i18n.language)}</td>
                  <td>
                    {[m.location, m.online ? t('networks.meetings.online') : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td>
                    {m.hasMinutes ? t('networks.meetings.hasMinutes') : t('networks.meetings.noMinutes')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {network.canManage ? <NewMeetingForm network={network} onDone={setMessage} /> : null}
    </Section>
  );
}
