import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { MembershipView } from '../../../shared/contracts/people.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { abilitiesAt, orgPath, useOrganisation } from '../../lib/organisations.ts';

/** One of the person's organisations with what they may do there (people, invitations, import, units). */
export function MembershipCard({ me, membership }: { me: Me; membership: MembershipView }) {
  const { t } = useTranslation();
  const org = useOrganisation(membership.organisationId);
  const name = membership.organisationName;
  return (
    <li className="ds-card card" data-variant="default">
      <h3 className="ds-heading" data-size="xs">
        <Link className="ds-link" to={orgPath(membership.organisationId)}>
          {name}
        </Link>
      </h3>
      <p className="ds-paragraph card-meta">
        {[
          t(`roles.${membership.role}`),
          t(`kinds.${membership.organisationKind}`),
          membership.organisationCode,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {org.isPending ? <Loading /> : null}
      {org.isError ? <ErrorAlert error={org.error} /> : null}
      {org.data ? <ActionLinks me={me} membership={membership} /> : null}
    </li>
  );
}

function ActionLinks({ me, membership }: { me: Me; membership: MembershipView }) {
  const { t } = useTranslation();
  const org = useOrganisation(membership.organisationId);
  if (!org.data) return null;
  const can = abilitiesAt(me, org.data);
  const name = membership.organisationName;
  const base = orgPath(membership.organisationId);
  const links = [
    can.listMembers ? { to: `${base}/personer`, label: t('start.members', { name }) } : null,
    can.invite ? { to: `${base}/bjud-in`, label: t('start.invite', { name }) } : null,
    can.importStaff ? { to: `${base}/importera`, label: t('start.importStaff', { name }) } : null,
    can.addUnit ? { to: `${base}/ny-enhet`, label: t('start.addUnit', { name }) } : null,
  ].filter((l) => l !== null);
  if (links.length === 0) return null;
  return (
    <ul className="action-list">
      {links.map((l) => (
        <li key={l.to}>
          <Link className="ds-link" to={l.to}>
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
