import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MemberList,
  type MemberRole,
  MemberView,
  memberRoles,
  type NetworkView,
} from '../../../shared/contracts/networks.ts';
import { LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { EMAIL_RE, SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';
import { membersKey, networkKey } from './data.ts';

const FIELDS = ['email', 'name', 'representsOrganisationId', 'representsName', 'roleInGroup', 'userId'];

/** Organisations a member can represent: the group's area (or the owner's region) and the owner itself. */
function useRepresentable(network: NetworkView) {
  const municipalities = useMunicipalities();
  return useMemo(() => {
    const owner = { id: network.owner.id, name: network.owner.name };
    const fromCoverage = network.coverage?.municipalities.map((m) => ({ id: m.id, name: m.name }));
    if (fromCoverage) return [owner, ...fromCoverage];
    const all = municipalities.data?.items ?? [];
    const inRegion = all.filter((m) => m.regionId === network.owner.id);
    const list = network.owner.kind === 'region' ? inRegion : network.owner.kind === 'nation' ? all : [];
    return [owner, ...list.map((m) => ({ id: m.id, name: m.name }))];
  }, [network, municipalities.data]);
}

function AddMemberForm({ network, onDone }: { network: NetworkView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const organisations = useRepresentable(network);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [represents, setRepresents] = useState('');
  const [representsName, setRepresentsName] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [invite, setInvite] = useState(true);
  const form = useFormErrors('add-member');
  const add = useMutation({
    mutationFn: () =>
      api.post(`/networks/${network.id}/members`, MemberView, {
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
        representsOrganisationId: represents || null,
        representsName: representsName.trim() || null,
        roleInGroup: role,
        invite,
      }),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: networkKey(network.id) });
      setEmail('');
      setName('');
      setRepresents('');
      setRepresentsName('');
      onDone(
        t(m.status === 'invited' ? 'networks.members.invited' : 'networks.members.added', { name: m.name }),
      );
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (email.trim() && !EMAIL_RE.test(email.trim())) errors.email = t('networks.members.emailInvalid');
    else if (invite && !email.trim()) errors.email = t('networks.members.emailRequired');
    else if (!email.trim() && !name.trim()) errors.name = t('networks.members.whoRequired');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    add.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="add-member-heading">
      <h3 className="ds-heading" data-size="xs" id="add-member-heading">
        {t('networks.members.addTitle')}
      </h3>
      <p className="ds-paragraph">{t('networks.members.addLead')}</p>
      {form.summary}
      <TextField
        id={form.fieldId('email')}
        label={t('networks.members.emailField')}
        hint={t('networks.members.emailHint')}
        type="email"
        autoComplete="off"
        value={email}
        onValueChange={setEmail}
        error={form.errors.email}
      />
      <TextField
        id={form.fieldId('name')}
        label={t('networks.members.personName')}
        hint={t('networks.members.personNameHint')}
        value={name}
        onValueChange={setName}
        error={form.errors.name}
        maxLength={200}
      />
      <SelectField
        id={form.fieldId('representsOrganisationId')}
        label={t('networks.members.representsOrg')}
        value={represents}
        onValueChange={setRepresents}
        options={[
          { value: '', label: t('networks.members.nobody') },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
        error={form.errors.representsOrganisationId}
      />
      <TextField
        id={form.fieldId('representsName')}
        label={t('networks.members.representsName')}
        hint={t('networks.members.representsNameHint')}
        value={representsName}
        onValueChange={setRepresentsName}
        error={form.errors.representsName}
        maxLength={200}
      />
      <SelectField
        id={form.fieldId('roleInGroup')}
        label={t('networks.members.roleField')}
        value={role}
        onValueChange={setRole}
        options={memberRoles.map((r) => ({ value: r, label: t(`networks.roles.${r}`) }))}
      />
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id="add-member-invite"
          checked={invite}
          onChange={(e) => setInvite(e.target.checked)}
        />
        <label className="ds-label" data-weight="regular" htmlFor="add-member-invite">
          {t('networks.members.invite')}
        </label>
      </div>
      <div className="form-actions">
        <SubmitButton
          busy={add.isPending}
          label={t('networks.members.submit')}
          busyLabel={t('networks.members.busy')}
        />
      </div>
    </form>
  );
}

/** The members table; managers also see e-mail addresses, mark members as having left, and add members. */
export function MembersSection({ network }: { network: NetworkView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [message, setMessage] = useState('');
  const members = useQuery({
    queryKey: membersKey(network.id),
    queryFn: () => api.get(`/networks/${network.id}/members`, MemberList),
  });
  const setStatus = useMutation({
    mutationFn: (p: { id: string; status: 'active' | 'left' }) =>
      api.patch(`/networks/${network.id}/members/${p.id}`, MemberView, { status: p.status }),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: networkKey(network.id) });
      setMessage(t('networks.members.changed', { name: m.name }));
    },
  });
  const caption = t('networks.members.caption', { name: network.name });
  const manage = network.canManage;
  return (
    <Section title={t('networks.members.title')} id="members">
      <LiveStatus message={message} />
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <QueryFailure error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('networks.members.none')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.members.name')}</th>
                <th scope="col">{t('networks.members.role')}</th>
                <th scope="col">{t('networks.members.represents')}</th>
                <th scope="col">{t('networks.members.status')}</th>
                {manage ? <th scope="col">{t('networks.members.email')}</th> : null}
                {manage ? <th scope="col">{t('networks.members.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name} {m.external ? <Tag color="neutral">{t('networks.members.external')}</Tag> : null}
                  </th>
                  <td>{t(`networks.roles.${m.roleInGroup}`)}</td>
                  <td>{m.representsOrganisation?.name ?? m.representsName ?? ''}</td>
                  <td>{t(`networks.memberStatus.${m.status}`)}</td>
                  {manage ? <td className="network-email">{m.email ?? ''}</td> : null}
                  {manage ? (
                    <td className="nowrap">
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="tertiary"
                        data-size="sm"
                        onClick={() =>
                          setStatus.mutate({ id: m.id, status: m.status === 'left' ? 'active' : 'left' })
                        }
                      >
                        {/* The visible text starts the accessible name; the person's name tells rows apart. */}
                        {t(m.status === 'left' ? 'networks.members.markActive' : 'networks.members.markLeft')}
                        <span className="sr-only">: {m.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {manage ? <AddMemberForm network={network} onDone={setMessage} /> : null}
    </Section>
  );
}
