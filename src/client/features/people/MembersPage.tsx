import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { canGrantRole } from '../../../shared/access/index.ts';
import type { Organisation } from '../../../shared/contracts/organisations.ts';
import { type Member, MemberPage, type Role, roles } from '../../../shared/contracts/people.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { abilitiesAt, organisationKey, orgPath } from '../../lib/organisations.ts';
import { actorOf, orgContextOf, useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

interface Filters {
  q: string;
  role: Role | '';
  includeBelow: boolean;
}

const PAGE_SIZE = 25;

function useMembers(orgId: string, filters: Filters, limit = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: ['members', orgId, filters, limit],
    queryFn: ({ pageParam }) =>
      api.get(
        `/organisations/${orgId}/members${qs({
          limit,
          cursor: pageParam,
          q: filters.q.trim() || undefined,
          role: filters.role || undefined,
          includeBelow: filters.includeBelow ? 'true' : undefined,
        })}`,
        MemberPage,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: orgId !== '',
  });
}

function MembersTable({
  org,
  caption,
  members,
  onRemoved,
}: {
  org: Organisation;
  caption: string;
  members: Member[];
  onRemoved?: (m: Member) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const actor = me.data ? actorOf(me.data) : null;
  const ctx = orgContextOf(org);
  const canRemove = (m: Member) =>
    Boolean(onRemoved && actor && m.userId !== actor.userId && canGrantRole(actor, m.role, ctx));
  const showActions = members.some(canRemove);
  const showOrg = members.some((m) => m.organisationId !== org.id);
  const remove = useMutation({
    mutationFn: (m: Member) => api.delete(`/memberships/${m.membershipId}`, z.unknown()),
    onSuccess: async (_r, m) => {
      await qc.invalidateQueries({ queryKey: ['members', org.id] });
      await qc.invalidateQueries({ queryKey: organisationKey(org.id) });
      onRemoved?.(m);
    },
  });

  return (
    <>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <TableWrap label={caption}>
        <table className="ds-table" data-border="true" data-zebra="true">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              {showOrg ? <th scope="col">{t('members.organisation')}</th> : null}
              <th scope="col">{t('members.status')}</th>
              <th scope="col">{t('members.since')}</th>
              {showActions ? <th scope="col">{t('members.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.membershipId}>
                <th scope="row">{m.name}</th>
                <td className="break">
                  {m.email ?? (m.username ? t('activation.memberUsername', { username: m.username }) : '')}
                </td>
                <td>{t(`roles.${m.role}`)}</td>
                {showOrg ? (
                  <td>
                    <Link className="ds-link" to={orgPath(m.organisationId)}>
                      {m.organisationName}
                    </Link>
                  </td>
                ) : null}
                <td>
                  <Tag
                    color={m.status === 'active' ? 'success' : m.status === 'invited' ? 'info' : 'neutral'}
                  >
                    {t(`memberStatus.${m.status}`)}
                  </Tag>
                </td>
                <td>{formatDate(m.since)}</td>
                {showActions ? (
                  <td>
                    {canRemove(m) ? (
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="tertiary"
                        data-color="danger"
                        aria-label={t('members.removeLabel', { role: t(`roles.${m.role}`), name: m.name })}
                        aria-busy={
                          (remove.isPending && remove.variables?.membershipId === m.membershipId) || undefined
                        }
                        onClick={() => {
                          if (
                            !remove.isPending &&
                            window.confirm(
                              t('members.confirmRemove', { role: t(`roles.${m.role}`), name: m.name }),
                            )
                          )
                            remove.mutate(m);
                        }}
                      >
                        {t('members.remove')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** The first people of an organisation, shown on its page when the user may list members. */
export function MembersPreview({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const members = useMembers(org.id, { q: '', role: '', includeBelow: false }, 10);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title={t('members.title', { name: org.name })} id="members">
      {members.isPending ? <Loading /> : null}
      {members.isError ? <ErrorAlert error={members.error} /> : null}
      {members.data && items.length === 0 ? <p className="ds-paragraph">{t('members.none')}</p> : null}
      {items.length > 0 ? (
        <MembersTable org={org} caption={t('members.caption', { name: org.name })} members={items} />
      ) : null}
      <p className="ds-paragraph">
        <Link className="ds-link" to={`${orgPath(org.id)}/personer`}>
          {t('orgs.showMembers')}
        </Link>
      </p>
    </Section>
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { org, fallback } = useRouteOrganisation();
  const [params, setParams] = useSearchParams();
  const applied: Filters = {
    q: params.get('q') ?? '',
    role: (roles as readonly string[]).includes(params.get('roll') ?? '') ? (params.get('roll') as Role) : '',
    includeBelow: params.get('underliggande') === '1',
  };
  const [draft, setDraft] = useState<Filters>(applied);
  const [status, setStatus] = useState<string | null>(null);
  const members = useMembers(org?.id ?? '', applied);

  if (!org || !me.data) return fallback ?? <Loading />;
  const can = abilitiesAt(me.data, org);
  if (!can.listMembers) return <NotFoundPage forbidden />;
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const base = orgPath(org.id);

  function apply(e: React.FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.role) next.set('roll', draft.role);
    if (draft.includeBelow) next.set('underliggande', '1');
    setParams(next, { replace: true });
  }

  return (
    <Page
      breadcrumbs={orgTrail(org, t, t('orgs.showMembers'))}
      title={t('members.title', { name: org.name })}
      lead={t('members.intro')}
    >
      {can.invite || can.importStaff ? (
        <ul className="action-buttons">
          {can.invite ? (
            <li>
              <Link className="ds-button" data-variant="secondary" to={`${base}/bjud-in`}>
                {t('members.invite')}
              </Link>
            </li>
          ) : null}
          {can.importStaff ? (
            <li>
              <Link className="ds-button" data-variant="secondary" to={`${base}/importera`}>
                {t('members.importStaff')}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <form className="filters" onSubmit={apply} aria-labelledby="members-filter-heading">
        <h2 className="ds-heading sr-only" data-size="xs" id="members-filter-heading">
          {t('members.filters')}
        </h2>
        <TextField
          id="members-q"
          label={t('members.search')}
          type="search"
          value={draft.q}
          onValueChange={(q) => setDraft({ ...draft, q })}
        />
        <SelectField<Role | ''>
          id="members-role"
          label={t('members.role')}
          value={draft.role}
          onValueChange={(role) => setDraft({ ...draft, role })}
          options={[
            { value: '', label: t('members.allRoles') },
            ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
        />
        <div className="ds-field checkbox">
          <input
            className="ds-input"
            type="checkbox"
            id="members-below"
            checked={draft.includeBelow}
            onChange={(e) => setDraft({ ...draft, includeBelow: e.target.checked })}
          />
          <label className="ds-label" data-weight="regular" htmlFor="members-below">
            {t('members.includeBelow')}
          </label>
        </div>
        <button type="submit" className="ds-button" data-variant="primary">
          {t('members.apply')}
        </button>
      </form>
      <LiveStatus message={status} />
      {members.isPending ? <Loading /> : null}
      {members.isError ? <ErrorAlert error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.data ? (
        <>
          <p className="ds-paragraph result-count">{t('members.shown', { count: items.length })}</p>
          {items.length === 0 ? (
            <p className="ds-paragraph">{t('members.none')}</p>
          ) : (
            <MembersTable
              org={org}
              caption={t('members.caption', { name: org.name })}
              members={items}
              onRemoved={(m) => setStatus(t('members.removed', { name: m.name }))}
            />
          )}
          <LoadMoreButton pages={members} />
        </>
      ) : null}
    </Page>
  );
}
