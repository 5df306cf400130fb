import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CreateMeeting,
  MeetingList,
  MeetingView,
  type NetworkView,
} from '../../../shared/contracts/networks.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckbox,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { ContractDateTimeField } from './DateTimeField.tsx';
import { formatWhen, meetingsKey } from './data.ts';

/** A new meeting: the start has no default, so that the contract asks for it. */
const empty = {
  title: '',
  startsAt: undefined,
  endsAt: null,
  location: '',
  onlineUrl: null,
  agenda: '',
  isOpenEvent: false,
  description: '',
  capacity: null,
  registrationClosesAt: null,
};

function NewMeetingForm({ network }: { network: NetworkView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const m = (key: string) => t(`networks.meetings.${key}`);
  const cf = useContractForm(CreateMeeting, {
    id: 'new-meeting',
    defaultValues: empty,
    labels: {
      title: m('meetingTitle'),
      startsAt: m('startsAt'),
      endsAt: m('endsAt'),
      location: m('location'),
      onlineUrl: m('onlineUrl'),
      agenda: m('agenda'),
      isOpenEvent: m('isOpenEvent'),
      description: m('description'),
      capacity: m('capacity'),
      registrationClosesAt: m('closesAt'),
    },
    onSubmit: async (values, { form }) => {
      const { description, capacity, registrationClosesAt, ...rest } = values;
      const meeting = await api.post(`/networks/${network.id}/meetings`, MeetingView, {
        ...rest,
        location: rest.location || null,
        agenda: rest.agenda || null,
        ...(rest.isOpenEvent ? { description: description || null, capacity, registrationClosesAt } : {}),
      });
      void qc.invalidateQueries({ queryKey: meetingsKey(network.id) });
      form.reset(empty);
      return t('networks.meetings.created', { title: meeting.title });
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty);
  const isOpenEvent = cf.form.watch('isOpenEvent');
  // What only an open event has is not checked, nor sent, for a meeting.
  useEffect(() => {
    if (isOpenEvent) return;
    cf.form.setValue('description', '');
    cf.form.setValue('capacity', null);
    cf.form.setValue('registrationClosesAt', null);
  }, [isOpenEvent, cf.form]);
  return (
    <>
      <form className="form" onSubmit={cf.onSubmit} noValidate aria-labelledby="new-meeting-heading">
        <h3 className="ds-heading" data-size="xs" id="new-meeting-heading">
          {m('newTitle')}
        </h3>
        {cf.summary}
        <ContractTextField cf={cf} name="title" required maxLength={300} />
        <ContractDateTimeField cf={cf} name="startsAt" required emptyAsUndefined />
        <ContractDateTimeField cf={cf} name="endsAt" />
        <ContractTextField cf={cf} name="location" maxLength={300} />
        <ContractTextField cf={cf} name="onlineUrl" type="url" hint={m('onlineUrlHint')} emptyAsNull />
        <ContractTextAreaField cf={cf} name="agenda" />
        <ContractCheckbox cf={cf} name="isOpenEvent" />
        {isOpenEvent ? (
          <>
            <ContractTextAreaField cf={cf} name="description" rows={3} />
            <ContractTextField
              cf={cf}
              name="capacity"
              hint={m('capacityHint')}
              inputMode="numeric"
              autoComplete="off"
              asNumber
            />
            <ContractDateTimeField cf={cf} name="registrationClosesAt" />
          </>
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={cf.busy} label={m('submit')} busyLabel={m('busy')} />
        </div>
        {cf.saved}
      </form>
      {leaving}
    </>
  );
}

export function MeetingsSection({ network }: { network: NetworkView }) {
  const { t, i18n } = useTranslation();
  const meetings = useQuery({
    queryKey: meetingsKey(network.id),
    queryFn: () => api.get(`/networks/${network.id}/meetings`, MeetingList),
  });
  const caption = t('networks.meetings.caption', { name: network.name });
  return (
    <Section title={t('networks.meetings.title')} id="meetings">
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
      {network.canManage ? <NewMeetingForm network={network} /> : null}
    </Section>
  );
}
