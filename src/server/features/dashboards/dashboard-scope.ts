import { type Actor, authorize, type OrgContext } from '../../../shared/access/index.ts';
import type { SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import type { DashboardScope } from '../../../shared/contracts/dashboards.ts';
import type { Municipality } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { cachedValue } from '../../lib/view-cache.ts';
import { findAssociation, findNation, findRegionByCounty } from '../mapping/technologies.repo.ts';
import { listAssociationMembers } from '../organisations/organisations.repo.ts';
import { listMunicipalities, requireOrgContext } from '../organisations/organisations.service.ts';
import { DASHBOARD_VIEWS } from './national-figures.ts';

export interface ResolvedDashboardScope {
  scope: DashboardScope;
  /** Ids of the municipalities the scope covers. */
  municipalityIds: string[];
  /** The same area as the initiative summaries take it (funding totals, benefits summary). */
  summary: SummaryScopeQuery;
}

const unknownScope = () => new AppError(404, 'unknown_dashboard_scope');

/**
 * The area of a dashboard — `SE`, a county code or an association id — once the caller may read it:
 * `dashboard.read` held over the area itself. A region's dashboard is for its regional coordinators
 * and national administrators, an association's for its coordinators and national administrators, the
 * country's for national administrators only (only they hold a role that covers the nation). A
 * municipal coordinator's role covers its municipality, not the region above it: 403.
 */
export async function resolveDashboardScope(
  db: Db,
  actor: Actor,
  code: string,
): Promise<ResolvedDashboardScope> {
  const { context, ...resolved } = await cachedValue(db, `${DASHBOARD_VIEWS}scope|${code}`, () =>
    lookUpScope(db, code),
  );
  // The look-up is cached (organisations rarely change); the decision is made on every request.
  if (!authorize(actor, 'dashboard.read', context)) throw forbidden();
  return resolved;
}

async function lookUpScope(db: Db, code: string): Promise<ResolvedDashboardScope & { context: OrgContext }> {
  let scope: DashboardScope;
  let municipalityIds: string[];
  let summary: SummaryScopeQuery;
  if (code === 'SE') {
    const nation = await findNation(db);
    scope = { kind: 'nation', id: nation.id, code, name: nation.name };
    municipalityIds = (await listMunicipalities(db)).map((m) => m.id);
    summary = {};
  } else if (/^\d{2}$/.test(code)) {
    const region = await findRegionByCounty(db, code);
    if (!region) throw unknownScope();
    scope = { kind: 'region', id: region.id, code, name: region.name };
    municipalityIds = (await listMunicipalities(db)).filter((m) => m.countyCode === code).map((m) => m.id);
    summary = { region: code };
  } else {
    const association = await findAssociation(db, code.toLowerCase());
    if (!association) throw unknownScope();
    scope = { kind: 'association', id: association.id, code: association.id, name: association.name };
    municipalityIds = (await listAssociationMembers(db, association.id))
      .filter((m) => m.kind === 'municipality')
      .map((m) => m.id);
    summary = { association: association.id };
  }
  return { scope, municipalityIds, summary, context: await requireOrgContext(db, scope.id) };
}

export interface ResolvedDashboardMunicipality {
  municipality: Municipality;
  regionName: string;
  nation: { id: string; name: string };
}

/**
 * A municipality's own dashboard: its municipal coordinators, the regional coordinators of its region
 * or of an association it belongs to, and national administrators (`dashboard.read` over it). Staff and
 * managers hold no `dashboard.read` (403); another municipality's coordinator does not cover it (403).
 */
export async function resolveDashboardMunicipality(
  db: Db,
  actor: Actor,
  code: string,
): Promise<ResolvedDashboardMunicipality> {
  const { context, ...resolved } = await cachedValue(
    db,
    `${DASHBOARD_VIEWS}municipality|${code}`,
    async () => {
      const municipality = (await listMunicipalities(db)).find((m) => m.code === code);
      if (!municipality) throw new AppError(404, 'unknown_municipality');
      const [context, region, nation] = await Promise.all([
        requireOrgContext(db, municipality.id),
        findRegionByCounty(db, municipality.countyCode),
        findNation(db),
      ]);
      return { municipality, regionName: region?.name ?? municipality.countyName, nation, context };
    },
  );
  if (!authorize(actor, 'dashboard.read', context)) throw forbidden();
  return resolved;
}
