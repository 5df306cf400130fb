import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  type AttendanceMode,
  CreateRegistration,
  PublicEvent,
  RegistrationReceipt,
} from '../../../shared/contracts/networks.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { RadioGroup, SubmitButton } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDay, formatWhen } from './data.ts';

function RegistrationForm({ event, onDone }: { event: PublicEvent; onDone: (email: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modes: AttendanceMode[] = [
    ...(event.location ? ['on_site' as const] : []),
    ...(event.online ? ['online' as const] : []),
  ];
  const cf = useContractForm(CreateRegistration, {
    id: 'register',
    defaultValues: { name: '', email: '', organisationName: '', attendance: modes[0] ?? 'on_site' },
    labels: {
      name: t('networks.event.name'),
      email: t('networks.event.email'),
      organisationName: t('networks.event.organisation'),
      attendance: t('networks.event.attendance'),
    },
    onSubmit: async (body) => {
      try {
        await api.post(`/events/${event.id}/registrations`, RegistrationReceipt, {
          ...body,
          organisationName: body.organisationName || null,
        });
      } catch (err) {
        // Someone else may have taken the last place: show the page as it is now.
        if (err instanceof ApiError && err.code === 'event_full')
          void qc.invalidateQueries({ queryKey: ['event', event.id] });
        throw err;
      }
      onDone(body.email);
      void qc.invalidateQueries({ queryKey: ['event', event.id] });
    },
  });
  const attendance = cf.form.watch('attendance') ?? modes[0] ?? 'on_site';
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractTextField cf={cf} name="name" required autoComplete="name" maxLength={200} />
      <ContractTextField cf={cf} name="email" required type="email" autoComplete="email" />
      <ContractTextField cf={cf} name="organisationName" autoComplete="organization" maxLength={200} />
      {modes.length > 1 ? (
        <RadioGroup
          id={cf.fieldId('attendance')}
          legend={cf.label('attendance')}
          value={attendance}
          onValueChange={(v) => cf.form.setValue('attendance', v, { shouldDirty: true })}
          options={modes.map((m) => ({
            value: m,
            label: m === 'online' ? t('networks.event.online_mode') : t('networks.event.onSite'),
          }))}
          error={cf.errorFor('attendance')}
        />
      ) : null}
      <p className="ds-paragraph muted">{t('networks.event.privacy')}</p>
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
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
