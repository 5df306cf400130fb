import {
  type Action,
  readsContractRadar,
  readsExternalContacts,
  scopeFor,
  searchesPeople,
  usesFundingCalls,
  usesProcurements,
  usesRequirementLibrary,
  usesSupport,
} from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import { mappingHomeFor } from '../../features/mapping/mapping-scope.ts';
import { contractsHomeFor } from '../../features/supplier-contracts/contracts-home.ts';

/**
 * The main menu as data: which entries a person sees, grouped by task. Kept apart from the markup so
 * that "who sees what" is tested per role without a browser, and so that the phone and the desktop
 * menus are the same menu.
 */

export interface MenuLink {
  to: string;
  /** i18n key of the label (the same words as the page's heading). */
  label: string;
  /** Marked current only on this exact path (the start page would otherwise match every page). */
  end?: boolean;
}

export type MenuGroupId = 'learning' | 'mapping' | 'development' | 'support' | 'knowledge' | 'administration';

export type MenuEntry =
  | ({ kind: 'link' } & MenuLink)
  | { kind: 'group'; id: MenuGroupId; label: string; links: MenuLink[] };

/**
 * Beyond this a menu stops being scannable on a phone (issue 16). The person's own account is not a
 * task: it sits with their name and "Logga ut" in the header, not in the menu.
 */
export const MAX_TOP_LEVEL = 7;

type Person = Pick<Me, 'memberships'>;

const may = (me: Person, action: Action) => scopeFor(me, action).memberships.length > 0;

/** Held at a unit: someone who leads a team there. */
const atUnit = (me: Person, action: Action) =>
  scopeFor(me, action).memberships.some((m) => m.organisationKind === 'unit');

const when = (cond: boolean, link: MenuLink): MenuLink[] => (cond ? [link] : []);

function learning(me: Person): MenuLink[] {
  return [
    { to: '/utbildning', label: 'learning.nav' },
    // The team page follows the learning of a unit's people; the team report needs `learning.report`.
    ...when(atUnit(me, 'learning.report'), { to: '/mitt-team', label: 'nav.team' }),
    // Open to everyone: care staff join programmes and study groups too.
    { to: '/program', label: 'programmes.nav' },
    { to: '/studiegrupper', label: 'studyGroups.nav' },
    ...when(may(me, 'course.author'), { to: '/forfatta', label: 'authoring.nav' }),
  ];
}

function mapping(me: Me): MenuLink[] {
  const home = mappingHomeFor(me);
  return [
    ...(home ? [{ to: home, label: 'mapping.technologies.link' }] : []),
    ...when(may(me, 'assessment.run') || may(me, 'assessment.answer'), {
      to: '/bedomningar',
      label: 'assessments.nav',
    }),
  ];
}

function development(me: Person): MenuLink[] {
  const readsInitiatives = may(me, 'initiative.read');
  return [
    ...when(readsInitiatives, { to: '/handlingsplaner', label: 'nav.actionPlan' }),
    ...when(readsInitiatives, { to: '/insatser', label: 'initiatives.nav' }),
    ...when(may(me, 'dashboard.read'), { to: '/lagesbild', label: 'dashboards.nav' }),
    ...when(may(me, 'report.steering'), { to: '/rapporter/styrgrupp', label: 'steeringReports.nav' }),
  ];
}

/** The region's support to its municipalities: procurement, contracts, suppliers, support requests (issue 17). */
function support(me: Person): MenuLink[] {
  return [
    ...when(usesSupport(me), { to: '/stod', label: 'support.nav' }),
    ...when(usesRequirementLibrary(me), { to: '/kravbibliotek', label: 'requirements.nav' }),
    ...when(usesRequirementLibrary(me), { to: '/kravspecifikationer', label: 'requirements.specsNav' }),
    // Everyone signed in may read the national supplier register, but it is coordinators' work: care
    // staff and managers reach a supplier from the page that names it.
    ...when(usesRequirementLibrary(me) || may(me, 'supplier.manage'), {
      to: '/leverantorer',
      label: 'suppliers.nav',
    }),
    ...when(readsExternalContacts(me), { to: '/kontakter', label: 'externalContacts.nav' }),
    ...when(readsContractRadar(me), { to: '/avtalsradar', label: 'contractRadar.nav' }),
    ...when(usesProcurements(me), { to: '/upphandlingar', label: 'procurements.nav' }),
    ...((home) => (home ? [{ to: home, label: 'supplierContracts.nav' }] : []))(contractsHomeFor(me)),
    ...when(usesFundingCalls(me), { to: '/stimulansmedel', label: 'fundingCalls.nav' }),
    // @features-support-links (one entry per page above this line)
  ];
}

function knowledge(me: Person): MenuLink[] {
  return [
    { to: '/kunskapsbank', label: 'cases.nav' },
    // Governing documents and networks are coordinators' work; care staff and managers reach a
    // document or a group they belong to from the page that links to it.
    ...when(may(me, 'document.manage'), { to: '/styrdokument', label: 'documents.nav' }),
    ...when(may(me, 'network.manage'), { to: '/natverk', label: 'networks.nav' }),
  ];
}

function administration(me: Person): MenuLink[] {
  const identity = scopeFor(me, 'identity.manage').memberships[0];
  return [
    ...when(may(me, 'organisation.update'), { to: '/organisationer', label: 'nav.organisations' }),
    ...when(may(me, 'organisation.update'), { to: '/kommuner', label: 'nav.municipalities' }),
    ...when(searchesPeople(me), { to: '/personer', label: 'nav.people' }),
    ...(identity
      ? [{ to: `/organisationer/${identity.organisationId}/inloggning`, label: 'nav.identity' }]
      : []),
    ...when(may(me, 'audit.read'), { to: '/admin/logg', label: 'nav.audit' }),
    ...when(may(me, 'outbox.read'), { to: '/admin/utkorg', label: 'nav.outbox' }),
  ];
}

/** The menu of a signed-in person (or the login link for a visitor). */
export function menuFor(me: Me | null): MenuEntry[] {
  if (!me) return [{ kind: 'link', to: '/logga-in', label: 'nav.login' }];
  const groups: { id: MenuGroupId; links: MenuLink[] }[] = [
    { id: 'learning', links: learning(me) },
    { id: 'mapping', links: mapping(me) },
    { id: 'development', links: development(me) },
    { id: 'support', links: support(me) },
    { id: 'knowledge', links: knowledge(me) },
    { id: 'administration', links: administration(me) },
  ];
  return [
    { kind: 'link', to: '/', label: 'nav.start', end: true },
    ...groups
      .filter((g) => g.links.length > 0)
      .map((g): MenuEntry => ({ kind: 'group', id: g.id, label: `nav.groups.${g.id}`, links: g.links })),
  ];
}

const pathOf = (link: MenuLink) => link.to.split('?')[0] ?? link.to;

/** Whether a menu link leads to the page at `pathname` or to a page below it. */
export function linkMatches(link: MenuLink, pathname: string): boolean {
  const path = pathOf(link);
  if (link.end || path === '/') return pathname === path;
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * The one link to mark as the current page: the deepest that matches, so that an organisation's
 * sign-in page marks "Inloggning", not also "Organisationer" above it.
 */
export function currentLink(menu: readonly MenuEntry[], pathname: string): MenuLink | null {
  const links = menu.flatMap((e) => (e.kind === 'group' ? e.links : [e]));
  const matching = links.filter((l) => linkMatches(l, pathname));
  return matching.sort((a, b) => pathOf(b).length - pathOf(a).length)[0] ?? null;
}

/** The group holding the current page, so that it can be shown open and marked. */
export function currentGroup(menu: readonly MenuEntry[], pathname: string): MenuGroupId | null {
  const current = currentLink(menu, pathname);
  const group = menu.find((e) => e.kind === 'group' && current !== null && e.links.includes(current));
  return group?.kind === 'group' ? group.id : null;
}

/**
 * The steps above a page that names no trail of its own: the menu entry whose section the page is in
 * when the page is below it ("Styrdokument" above a document), else the start page ("Start" above
 * "Styrdokument"). Nothing above the start page itself. Menu words, so the trail and the menu agree.
 */
export function trailAbove(menu: readonly MenuEntry[], pathname: string): MenuLink[] {
  const start = menu.find((e): e is { kind: 'link' } & MenuLink => e.kind === 'link' && e.to === '/');
  if (!start || pathname === '/') return [];
  const section = currentLink(menu, pathname);
  return section && section !== start && pathOf(section) !== pathname ? [section] : [start];
}
