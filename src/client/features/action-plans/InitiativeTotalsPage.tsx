import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { scopeFor } from '../../../shared/access/index.ts';
import type { SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { scopeFromSearch } from '../mapping/mapping-scope.ts';
import { ScopePicker } from '../mapping/ScopePicker.tsx';
import { PlansNav } from './PlansNav.tsx';
import { ScopeSummaries } from './ScopeSummaries.tsx';

/** The area to sum up when the address names none: the person's region or association; the country for national admins. */
function defaultScope(me: Me): SummaryScopeQuery | null {
  if (isNationalAdmin(me)) return {};
  const readers = scopeFor(me, 'initiative.read').memberships;
  const region = readers.find((m) => m.organisationKind === 'region' && m.organisationCode);
  if (region?.organisationCode) return { region: region.organisationCode };
  const association = readers.find((m) => m.organisationKind === 'association');
  if (association) return { association: association.organisationId };
  return null;
}

/**
 * Funding and benefits of the initiatives in a region (`?lan=20`) or association (`?forbund=<id>`):
 * by source and year, by municipality with the stimulus funds apart, and the benefit indicators.
 */
export function InitiativeTotalsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const fromUrl = scopeFromSearch(params);
  if (me.isPending) return <Loading />;
  const scope: SummaryScopeQuery | null =
    fromUrl.region || fromUrl.association
      ? fromUrl.region
        ? { region: fromUrl.region }
        : { association: fromUrl.association }
      : me.data
        ? defaultScope(me.data)
        : null;
  return (
    <Page title={t('actionPlans.totals.title')} lead={t('actionPlans.totals.lead')}>
      <PlansNav />
      <ScopePicker scope={fromUrl} />
      {scope ? (
        <ScopeSummaries key={JSON.stringify(scope)} scope={scope} headingLevel={2} byMunicipality />
      ) : (
        <p className="ds-paragraph">{t('actionPlans.totals.noScope')}</p>
      )}
    </Page>
  );
}
