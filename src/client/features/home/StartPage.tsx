import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { scopeFor, seesOnlyOwnProgress } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { MembershipView } from '../../../shared/contracts/people.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { abilitiesAt, orgPath, useOrganisation } from '../../lib/organisations.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';

// Loaded only for people who look after governing documents: the start page stays light for staff.
const ReviewReminders = lazy(() =>
  import('../documents/ReviewReminders.tsx').then((m) => ({ default: m.ReviewReminders })),
);

function MembershipCard({ me, membership }: { me: Me; membership: MembershipView }) {
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

export function StartPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <Loading />;
  const user = me.data;
  const admin = isNationalAdmin(user);
  const onlyStaff = seesOnlyOwnProgress(user);
  const keepsDocuments = scopeFor(user, 'document.manage').organisationIds.length > 0;

  return (
    <Page title={t('start.greeting', { name: user.name })} lead={t('start.intro')}>
      <Section title={t('start.yourOrganisations')} id="your-organisations">
        {user.memberships.length === 0 ? (
          <p className="ds-paragraph">{t('start.noMemberships')}</p>
        ) : (
          <ul className="card-grid">
            {user.memberships.map((m) => (
              <MembershipCard key={m.id} me={user} membership={m} />
            ))}
          </ul>
        )}
      </Section>
      {keepsDocuments ? (
        <Suspense fallback={null}>
          <ReviewReminders />
        </Suspense>
      ) : null}
      {onlyStaff ? (
        <Section title={t('start.staffTitle')} id="staff">
          <p className="ds-paragraph">{t('start.staffText')}</p>
          <ul className="link-list">
            <li>
              <Link className="ds-link" to="/utbildning">
                {t('learning.nav')}
              </Link>
            </li>
            <li>
              <Link className="ds-link" to="/mitt-konto">
                {t('nav.account')}
              </Link>
            </li>
          </ul>
        </Section>
      ) : null}
      {admin ? (
        <Section title={t('start.adminTitle')} id="admin">
          <ul className="action-list">
            <li>
              <Link className="ds-link" to="/admin/logg">
                {t('start.auditLink')}
              </Link>
            </li>
            <li>
              <Link className="ds-link" to="/admin/utkorg">
                {t('start.outboxLink')}
              </Link>
            </li>
          </ul>
        </Section>
      ) : null}
      <Section title={t('start.exploreTitle')} id="explore">
        <ul className="action-list">
          <li>
            <Link className="ds-link" to="/organisationer">
              {t('start.exploreSweden')}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to="/kommuner">
              {t('start.exploreMunicipalities')}
            </Link>
          </li>
        </ul>
      </Section>
    </Page>
  );
}
