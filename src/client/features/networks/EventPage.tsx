import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type AttendanceMode, PublicEvent, RegistrationReceipt } from '../../../shared/contracts/networks.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { EMAIL_RE, RadioGroup, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDay, formatWhen } from './data.ts';

const FIELDS = ['name', 'email', 'organisationName', 'attendance'];

function RegistrationForm({ event, onDone }: { event: PublicEvent; onDone: (email: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modes: AttendanceMode[] = [
    ...(event.location ? ['on_site' as const] : []),
    ...(event.online ? ['online' as const] : []),
  ];
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [mode, setMode] = useState<AttendanceMode>(modes[0] ?? 'on_site');
  const form = useFormErrors('register');
  const register = useMutation({
    mutationFn: () =>
      api.post(`/events/${event.id}/registrations`, RegistrationReceipt, {
        name: name.trim(),
        email: email.trim(),
        organisationName: organisation.trim() || null,
        attendance: mode,
      }),
    onSuccess: () => {
      onDone(email.trim());
      void qc.invalidateQueries({ queryKey: ['event', event.id] });
    },
    onError: (err) => {
      form.failFromApi(err, FIELDS);
      // Someone else may have taken the last place: show the page as it is now.
      if (err instanceof ApiError && err.code === 'event_full')
        void qc.invalidateQueries({ queryKey: ['event', event.id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('networks.event.nameRequired');
    if (!EMAIL_RE.test(email.trim())) errors.email = t('networks.event.emailInvalid');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    register.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {form.summary}
      <TextField
        id={form.fieldId('name')}
        label={t('networks.event.name')}
        required
        autoComplete="name"
        value={name}
        onValueChange={setName}
        error={form.errors.name}
        maxLength={200}
      />
      <TextField
        id={form.fieldId('email')}
        label={t('networks.event.email')}
        required
        type="email"
        autoComplete="email"
        value={email}
        onValueChange={setEmail}
        error={form.errors.email}
      />
      <TextField
        id={form.fieldId('organisationName')}
        label={t('networks.event.organisation')}
        autoComplete="organization"
        value={organisation}
        onValueChange={setOrganisation}
        error={form.errors.organisationName}
        maxLength={200}
      />
      {modes.length > 1 ? (
        <RadioGroup
          id={form.fieldId('attendance')}
          legend={t('networks.event.attendance')}
          value={mode}
          onValueChange={setMode}
          options={modes.map((m) => ({
            value: m,
            label: m === 'online' ? t('networks.event.online_mode') : t('networks.event.onSite'),
          }))}
          error={form.errors.attendance}
        />
      ) : null}
      <p className="ds-paragraph muted">{t('networks.event.privacy')}</p>
      <div className="form-actions">
        <SubmitButton
          busy={register.isPending}
          label={t('networks.event.submit')}
          busyLabel={t('networks.event.busy')}
        />
      </div>
    </form>
  );
}

/** The public registration page of an open event: no login needed. */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [registeredAs, setRegisteredAs] = useState('');
  const event = useQuery({
    queryKey: ['event', id],
    queryFn: () => api.get(`/events/${id}`, PublicEvent),
  });
  if (event.isPending) return <Loading />;
  if (event.isError) return <QueryFailure error={event.error} onRetry={() => void event.refetch()} />;
  const e = event.data;
  const full = e.seatsLeft === 0;
  const where = [e.location, e.online ? t('networks.event.online') : null].filter(Boolean);
  return (
    <Page title={e.title} lead={e.description}>
      <dl className="facts">
        <dt>{t('networks.event.organiser')}</dt>
        <dd>
          {e.organiser} – {e.networkName}
        </dd>
        <dt>{t('networks.event.when')}</dt>
        <dd>{formatWhen(e.startsAt, i18n.language)}</dd>
        <dt>{t('networks.event.where')}</dt>
        <dd>
          {where.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </dd>
      </dl>
      <p className="ds-paragraph event-status">
        {e.capacity !== null
          ? t('networks.event.seatsLeft', { count: e.seatsLeft ?? 0, capacity: e.capacity })
          : t('networks.event.noLimit')}
      </p>
      {e.registrationClosesAt ? (
        <p className="ds-paragraph">
          {t('networks.event.closesAt', { date: formatDay(e.registrationClosesAt, i18n.language) })}
        </p>
      ) : null}
      <LiveStatus message={registeredAs ? t('networks.event.done', { email: registeredAs }) : ''} />
      {registeredAs ? null : full ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('networks.event.full')}</p>
        </div>
      ) : !e.registrationOpen ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t('networks.event.closed')}</p>
        </div>
      ) : (
        <Section title={t('networks.event.registerTitle')} id="register">
          <RegistrationForm event={e} onDone={setRegisteredAs} />
        </Section>
      )}
    </Page>
  );
}
