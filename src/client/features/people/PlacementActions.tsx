import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.ts';
import { ChangeMembershipRole, InvitationCreated } from '../../../shared/contracts/people.ts';
import type { PersonHit, PersonPlacement } from '../../../shared/contracts/people-search.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { ContractSelectField, useContractForm } from '../../components/form/index.ts';
import { api, qs } from '../../lib/api.ts';
import { orgPath } from '../../lib/organisations.ts';

/** One role of the person on the person page, and where the page's status line goes. */
export interface PlacementProps {
  person: PersonHit;
  placement: PersonPlacement;
  onDone: (message: string) => void;
}

/** The person and the lists she appears in, as they are after a change to one of her roles. */
function useRefreshPerson(userId: string) {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: ['people-search'] });
    await qc.invalidateQueries({ queryKey: ['person', userId] });
  };
}

/** Exchanges this role for another in one request (the server replaces it atomically). */
function ChangeRoleForm({ person, placement: p, onDone }: PlacementProps) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(person.userId);
  const where = p.organisationName;
  const cf = useContractForm(ChangeMembershipRole, {
    id: `change-role-${p.membershipId}`,
    defaultValues: { role: p.grantableRoles[0] },
    labels: { role: t('peopleSearch.newRole', { where }) },
    onSubmit: async ({ role }) => {
      await api.patch(`/memberships/${p.membershipId}`, Ok, { role });
      // The old role's actions go away with this form, so the page's status line says it is done.
      onDone(t('peopleSearch.roleChanged', { name: person.name, role: t(`roles.${role}`), where }));
      await refresh();
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

/** A request behind a button of the action row: its error above the row, pressed once at a time. */
function ActionButton({
  label,
  text,
  danger,
  action,
  confirm,
}: {
  label: string;
  text: string;
  danger?: boolean;
  action: UseMutationResult<unknown, Error, void>;
  confirm?: string;
}) {
  return (
    <li>
      <button
        type="button"
        className="ds-button"
        data-variant="tertiary"
        data-color={danger ? 'danger' : undefined}
        aria-busy={action.isPending || undefined}
        aria-label={label}
        onClick={() => {
          if (!action.isPending && (confirm === undefined || window.confirm(confirm))) action.mutate();
        }}
      >
        {text}
      </button>
    </li>
  );
}

/** What the caller may do with one role of the person, by the rules the server gave with it. */
export function PlacementActions({ person, placement: p, onDone }: PlacementProps) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(person.userId);
  const role = t(`roles.${p.role}`);
  const where = p.organisationName;
  const remove = useMutation<unknown, Error, void>({
    mutationFn: () => api.delete(`/memberships/${p.membershipId}`, z.unknown()),
    onSuccess: async () => {
      await refresh();
      onDone(t('peopleSearch.removed', { role, name: person.name, where }));
    },
  });
  const resend = useMutation<unknown, Error, void>({
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
            aria-label={t('peopleSearch.inOrganisationLabel', { where })}
          >
            {t('peopleSearch.inOrganisation')}
          </Link>
        </li>
        {p.canSeeLearning ? (
          <li>
            <Link
              className="ds-link"
              to={`/enheter/${p.organisationId}/utbildning`}
              aria-label={t('peopleSearch.learningLabel', { where })}
            >
              {t('peopleSearch.learning')}
            </Link>
          </li>
        ) : null}
        {p.canResendInvitation ? (
          <ActionButton
            action={resend}
            label={t('peopleSearch.resendLabel', { role, where })}
            text={t('peopleSearch.resend')}
          />
        ) : null}
        {p.canRemove ? (
          <ActionButton
            action={remove}
            danger
            label={t('peopleSearch.removeLabel', { role, where })}
            text={t('peopleSearch.remove')}
            confirm={t('members.confirmRemove', { role, name: person.name })}
          />
        ) : null}
      </ul>
      {p.grantableRoles.length > 0 ? <ChangeRoleForm person={person} placement={p} onDone={onDone} /> : null}
    </>
  );
}
