import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddMember,
  MemberList,
  MemberView,
  memberRoles,
  type NetworkView,
} from '../../../shared/contracts/networks.ts';
import { LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckbox,
  ContractSelectField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';
import { membersKey, networkKey } from './data.ts';

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
  const m = (key: string) => t(`networks.members.${key}`);
  const empty = { roleInGroup: 'member', invite: true } as const;
  const cf = useContractForm(AddMember, {
    id: 'add-member',
    defaultValues: empty,
    labels: {
      email: m('emailField'),
      name: m('personName'),
      representsOrganisationId: m('representsOrg'),
      representsName: m('representsName'),
      roleInGroup: m('roleField'),
      invite: m('invite'),
    },
    onSubmit: async (body, { form }) => {
      const member = await api.post(`/networks/${network.id}/members`, MemberView, {
        ...body,
        representsName: body.representsName || null,
      });
      void qc.invalidateQueries({ queryKey: networkKey(network.id) });
      form.reset({ ...empty, roleInGroup: body.roleInGroup, invite: body.invite });
      onDone(
        t(member.status === 'invited' ? 'networks.members.invited' : 'networks.members.added', {
          name: member.name,
        }),
      );
    },
  });
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate aria-labelledby="add-member-heading">
      <h3 className="ds-heading" data-size="xs" id="add-member-heading">
        {m('addTitle')}
      </h3>
      <p className="ds-paragraph">{m('addLead')}</p>
      {cf.summary}
      <ContractTextField
        cf={cf}
        name="email"
        hint={m('emailHint')}
        type="email"
        autoComplete="off"
        emptyAsUndefined
      />
      <ContractTextField cf={cf} name="name" hint={m('personNameHint')} maxLength={200} emptyAsUndefined />
      <ContractSelectField
        cf={cf}
        name="representsOrganisationId"
        placeholder={m('nobody')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <ContractTextField cf={cf} name="representsName" hint={m('representsNameHint')} maxLength={200} />
      <ContractSelectField
        cf={cf}
        name="roleInGroup"
        options={memberRoles.map((r) => ({ value: r, label: t(`networks.roles.${r}`) }))}
      />
      <ContractCheckbox cf={cf} name="invite" />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={m('submit')} busyLabel={m('busy')} />
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
