import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Organisation, OrganisationSummary } from '../../../shared/contracts/organisations.ts';
import { ErrorAlert, Loading, Tag } from '../../components/Feedback.tsx';
import type { Crumb } from '../../components/nav/Breadcrumbs.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { ApiError } from '../../lib/api.ts';
import { abilitiesAt, orgPath, useOrganisation } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { scopeSearch } from '../mapping/mapping-scope.ts';
import { MembersPreview } from '../people/MembersPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

/**
 * The trail from "Organisationer" down through the organisation's parents to it (or to a page of it,
 * `current`), for `Page`'s breadcrumbs.
 */
export function orgTrail(org: Organisation, t: TFunction, current?: string): Crumb[] {
  const trail = [...org.ancestors]
    .reverse()
    .filter((a) => a.kind !== 'nation')
    .map((a) => ({ to: orgPath(a.id), label: a.name }));
  const here = current
    ? [{ to: orgPath(org.id), label: org.name }, { label: current }]
    : [{ label: org.name }];
  return [{ to: '/organisationer', label: t('nav.organisations') }, ...trail, ...here];
}

/** Loads the organisation of the route (:id) and renders its not-found / error states. */
export function useRouteOrganisation() {
  const { id } = useParams();
  const org = useOrganisation(id);
  const fallback = org.isPending ? (
    <Loading />
  ) : org.isError ? (
    org.error instanceof ApiError && [400, 404].includes(org.error.status) ? (
      <NotFoundPage />
    ) : (
      <ErrorAlert error={org.error} onRetry={() => void org.refetch()} />
    )
  ) : null;
  return { org: org.data, fallback };
}

function subtypeLabel(t: TFunction, o: OrganisationSummary): string | null {
  if (!o.subtype) return null;
  if (o.kind === 'unit') return t(`unitTypes.${o.subtype}`, o.subtype);
  if (o.kind === 'association') return t(`associationTypes.${o.subtype}`, o.subtype);
  return null;
}

function OrgTable({ caption, items }: { caption: string; items: OrganisationSummary[] }) {
  const { t } = useTranslation();
  const hasCodes = items.some((i) => i.code);
  const hasTypes = items.some((i) => i.subtype);
  return (
    <TableWrap label={caption}>
      <table className="ds-table" data-border="true" data-zebra="true">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orgs.name')}</th>
            {hasCodes ? <th scope="col">{t('orgs.code')}</th> : null}
            {hasTypes ? <th scope="col">{t('orgs.type')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link className="ds-link" to={orgPath(c.id)}>
                  {c.name}
                </Link>
                {c.flags.includes('model_municipality') ? (
                  <>
                    {' '}
                    <Tag>{t('orgs.modelMunicipality')}</Tag>
                  </>
                ) : null}
              </th>
              {hasCodes ? <td>{c.code ?? ''}</td> : null}
              {hasTypes ? <td>{subtypeLabel(t, c) ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { org, fallback } = useRouteOrganisation();
  if (!org || !me.data) return fallback ?? <Loading />;
  const can = abilitiesAt(me.data, org);
  const base = orgPath(org.id);
  const region = org.ancestors.find((a) => a.kind === 'region');
  const municipality = org.ancestors.find((a) => a.kind === 'municipality');
  const municipalities = org.children.filter((c) => c.kind === 'municipality');
  const units = org.children.filter((c) => c.kind === 'unit');
  const regions = org.children.filter((c) => c.kind === 'region');
  const model = org.flags.includes('model_municipality');
  const actions = [
    can.teamProgress ? { to: `/mitt-team?enhet=${org.id}`, label: t('team.unitLink') } : null,
    can.listMembers ? { to: `${base}/personer`, label: t('orgs.showMembers') } : null,
    can.invite ? { to: `${base}/bjud-in`, label: t('orgs.invite') } : null,
    can.importStaff ? { to: `${base}/importera`, label: t('orgs.importStaff') } : null,
    can.addUnit ? { to: `${base}/ny-enhet`, label: t('orgs.addUnit') } : null,
    can.activateAccounts ? { to: `${base}/aktiveringskoder`, label: t('orgs.activationCodes') } : null,
    can.manageIdentity ? { to: `${base}/inloggning`, label: t('orgs.identity') } : null,
    can.readTechnologies && org.code
      ? { to: `/kommuner/${org.code}/valfardsteknik`, label: t('mapping.technologies.link') }
      : null,
    can.readAdoptionMatrix
      ? {
          to: `/valfardsteknik${scopeSearch(
            org.kind === 'region'
              ? { region: org.code ?? undefined }
              : org.kind === 'association'
                ? { association: org.id }
                : {},
          )}`,
          label: t('mapping.matrix.link'),
        }
      : null,
  ].filter((a) => a !== null);

  return (
    <Page title={org.name} breadcrumbs={orgTrail(org, t)}>
      <p className="tags">
        <Tag color="neutral">{t(`kinds.${org.kind}`)}</Tag>
        {subtypeLabel(t, org) ? <Tag color="neutral">{subtypeLabel(t, org)}</Tag> : null}
        {model ? <Tag>{t('orgs.modelMunicipality')}</Tag> : null}
      </p>
      {model ? <p className="ds-paragraph">{t('orgs.modelMunicipalityText', { name: org.name })}</p> : null}

      <Section title={t('orgs.facts')} id="facts">
        <dl className="facts">
          {org.kind === 'municipality' && org.code ? (
            <>
              <dt>{t('orgs.scbCode')}</dt>
              <dd>{org.code}</dd>
            </>
          ) : null}
          {org.countyCode ? (
            <>
              <dt>{t('orgs.countyCode')}</dt>
              <dd>{org.countyCode}</dd>
            </>
          ) : null}
          {region && org.kind !== 'region' ? (
            <>
              <dt>{t('orgs.region')}</dt>
              <dd>
                <Link className="ds-link" to={orgPath(region.id)}>
                  {region.name}
                </Link>
              </dd>
            </>
          ) : null}
          {municipality ? (
            <>
              <dt>{t('kinds.municipality')}</dt>
              <dd>
                <Link className="ds-link" to={orgPath(municipality.id)}>
                  {municipality.name}
                </Link>
              </dd>
            </>
          ) : null}
          {org.memberCount !== null ? (
            <>
              <dt>{t('orgs.memberCount')}</dt>
              <dd>{org.memberCount}</dd>
            </>
          ) : null}
        </dl>
      </Section>

      {actions.length > 0 ? (
        <Section title={t('orgs.actions')} id="actions">
          <ul className="action-buttons">
            {actions.map((a) => (
              <li key={a.to}>
                <Link className="ds-button" data-variant="secondary" to={a.to}>
                  {a.label}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {org.kind === 'municipality' ? (
        <Section title={t('orgs.memberOf')} id="associations">
          {org.related.length === 0 ? (
            <p className="ds-paragraph">{t('orgs.noAssociations')}</p>
          ) : (
            <ul className="link-list">
              {org.related.map((a) => (
                <li key={a.id}>
                  <Link className="ds-link" to={orgPath(a.id)}>
                    {a.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}

      {org.kind === 'association' ? (
        <Section title={t('orgs.memberMunicipalities')} id="member-municipalities">
          <OrgTable
            caption={t('orgs.childrenCaption', { kind: t('orgs.memberMunicipalities'), name: org.name })}
            items={org.related}
          />
        </Section>
      ) : null}

      {regions.length > 0 ? (
        <Section title={t('orgs.regions')} id="regions">
          <OrgTable
            caption={t('orgs.childrenCaption', { kind: t('orgs.regions'), name: org.name })}
            items={regions}
          />
        </Section>
      ) : null}

      {municipalities.length > 0 ? (
        <Section title={t('orgs.municipalities')} id="municipalities">
          <OrgTable
            caption={t('orgs.childrenCaption', { kind: t('orgs.municipalities'), name: org.name })}
            items={municipalities}
          />
        </Section>
      ) : null}

      {org.kind === 'municipality' || org.kind === 'unit' ? (
        units.length > 0 ? (
          <Section title={t('orgs.units')} id="units">
            <OrgTable
              caption={t('orgs.childrenCaption', { kind: t('orgs.units'), name: org.name })}
              items={units}
            />
          </Section>
        ) : org.kind === 'municipality' && can.listMembers ? (
          <Section title={t('orgs.units')} id="units">
            <p className="ds-paragraph">{t('orgs.noUnits')}</p>
          </Section>
        ) : null
      ) : null}

      {can.listMembers ? <MembersPreview org={org} /> : null}
    </Page>
  );
}
