import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { searchesPeople } from '../../../shared/access/index.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { AddMembership, InvitationCreated } from '../../../shared/contracts/people.ts';
import { PersonHit, type PersonPlacement } from '../../../shared/contracts/people-search.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { ContractSelectField, useContractForm } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { orgPath } from '../../lib/organisations.ts';
import { actorOf, isNationalAdmin, useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

const ChangeRole = AddMembership.pick({ role: true });

/** Gives the person another role here and then takes this one away, through the people endpoints. */
function ChangeRoleForm({
  person,
  placement: p,
  onDone,
}: {
  person: PersonHit;
  placement: PersonPlacement;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const where = p.organisationName;
  const cf = useContractForm(ChangeRole, {
    id: `change-role-${p.membershipId}`,
    defaultValues: { role: p.grantableRoles[0] },
    labels: { role: t('peopleSearch.newRole', { where }) },
    onSubmit: async ({ role }) => {
      await api.post(`/organisations/${p.organisationId}/members`, Ok, { email: person.email ?? '', role });
      await api.delete(`/memberships/${p.membershipId}`, z.unknown());
      // The row of the old role goes away with this form, so the page's status line says it is done.
      onDone(t('peopleSearch.roleChanged', { name: person.name, role: t(`roles.${role}`), where }));
      await qc.invalidateQueries({ queryKey: ['people-search'] });
      await qc.invalidateQueries({ queryKey: ['person', person.userId] });
    },
  });
  return (
    <form className="change-role" noValidate onSubmit={cf.onSubmit}>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="role"
        options={p.grantableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <button type="submit" className="ds-button" data-variant="secondary" aria-busy={cf.busy || undefined}>
        {t('peopleSearch.changeRole')}
      </button>
    </form>
  );
}

function PlacementActions({
  person,
  placement: p,
  onDone,
}: {
  person: PersonHit;
  placement: PersonPlacement;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const role = t(`roles.${p.role}`);
  const refresh = () => qc.invalidateQueries({ queryKey: ['person', person.userId] });
  const remove = useMutation({
    mutationFn: () => api.delete(`/memberships/${p.membershipId}`, z.unknown()),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['people-search'] });
      await refresh();
      onDone(t('peopleSearch.removed', { role, name: person.name, where: p.organisationName }));
    },
  });
  const resend = useMutation({
    mutationFn: () =>
      api.post('/invitations', InvitationCreated, {
        email: person.email ?? '',
        name: person.name,
        organisationId: p.organisationId,
        role: p.role,
      }),
    onSuccess: () => onDone(t('peopleSearch.resent', { name: person.name })),
  });
  return (
    <>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {resend.isError ? <ErrorAlert error={resend.error} /> : null}
      <ul className="action-links">
        <li>
          <Link
            className="ds-link"
            to={`${orgPath(p.organisationId)}/personer${qs({ q: person.name })}`}
            aria-label={t('peopleSearch.inOrganisationLabel', { where: p.organisationName })}
          >
            {t('peopleSearch.inOrganisation')}
          </Link>
        </li>
        {p.canSeeLearning ? (
          <li>
            <Link
              className="ds-link"
              to={`/enheter/${p.organisationId}/utbildning`}
              aria-label={t('peopleSearch.learningLabel', { where: p.organisationName })}
            >
              {t('peopleSearch.learning')}
            </Link>
          </li>
        ) : null}
        {p.canResendInvitation ? (
          <li>
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              aria-busy={resend.isPending || undefined}
              aria-label={t('peopleSearch.resendLabel', { role, where: p.organisationName })}
              onClick={() => {
                if (!resend.isPending) resend.mutate();
              }}
            >
              {t('peopleSearch.resend')}
            </button>
          </li>
        ) : null}
        {p.canRemove ? (
          <li>
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              data-color="danger"
              aria-busy={remove.isPending || undefined}
              aria-label={t('peopleSearch.removeLabel', { role, where: p.organisationName })}
              onClick={() => {
                if (
                  !remove.isPending &&
                  window.confirm(t('members.confirmRemove', { role, name: person.name }))
                )
                  remove.mutate();
              }}
            >
              {t('peopleSearch.remove')}
            </button>
          </li>
        ) : null}
      </ul>
      {person.email && p.grantableRoles.length > 0 ? (
        <ChangeRoleForm person={person} placement={p} onDone={onDone} />
      ) : null}
    </>
  );
}

/** `/personer/:id`: one person, her roles in the caller's scope and what the caller may do with each. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [status, setStatus] = useState<string | null>(null);
  const allowed = me.data ? searchesPeople(actorOf(me.data)) : false;
  const person = useQuery({
    queryKey: ['person', id],
    queryFn: () => api.get(`/people/${id}`, PersonHit),
    enabled: allowed,
  });

  if (!me.data) return <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;

  return (
    <Page title={p.name}>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/personer">
          {t('peopleSearch.back')}
        </Link>
      </p>
      <dl className="facts">
        {p.email ? (
          <>
            <dt>{t('peopleSearch.email')}</dt>
            <dd className="break">{p.email}</dd>
          </>
        ) : null}
        {p.username ? (
          <>
            <dt>{t('peopleSearch.username')}</dt>
            <dd>{p.username}</dd>
          </>
        ) : null}
        {p.employeeNumber ? (
          <>
            <dt>{t('peopleSearch.employeeNumber')}</dt>
            <dd>{p.employeeNumber}</dd>
          </>
        ) : null}
        <dt>{t('peopleSearch.status')}</dt>
        <dd>
          <Tag color={p.status === 'active' ? 'success' : p.status === 'invited' ? 'info' : 'neutral'}>
            {t(`memberStatus.${p.status}`)}
          </Tag>
        </dd>
      </dl>
      <LiveStatus message={status} />
      <Section title={t('peopleSearch.roles')} id="person-roles">
        {p.placements.length === 0 ? (
          <p className="ds-paragraph">{t('peopleSearch.noRoles')}</p>
        ) : (
          <TableWrap label={t('peopleSearch.rolesCaption', { name: p.name })}>
            <table className="ds-table" data-border="true">
              <caption className="sr-only">{t('peopleSearch.rolesCaption', { name: p.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('peopleSearch.organisation')}</th>
                  <th scope="col">{t('peopleSearch.role')}</th>
                  <th scope="col">{t('peopleSearch.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {p.placements.map((pl) => (
                  <tr key={pl.membershipId}>
                    <th scope="row">
                      <Link className="ds-link" to={orgPath(pl.organisationId)}>
                        {pl.organisationName}
                      </Link>
                      {pl.parentName && pl.organisationKind === 'unit' ? (
                        <span className="muted"> ({pl.parentName})</span>
                      ) : null}
                    </th>
                    <td>{t(`roles.${pl.role}`)}</td>
                    <td>
                      <PlacementActions person={p} placement={pl} onDone={setStatus} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      {isNationalAdmin(me.data) ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/admin/logg${qs({ person: p.userId, personnamn: p.name })}`}>
            {t('peopleSearch.auditLink')}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}
