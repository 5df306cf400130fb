import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import type { Role } from '../../../shared/contracts/people.ts';
import { en } from '../../../shared/i18n/en.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import { currentGroup, currentLink, MAX_TOP_LEVEL, type MenuEntry, menuFor, trailAbove } from './menu.ts';

const ORG = '00000000-0000-4000-8000-0000000000';

function person(...held: [Role, OrganisationKind, string | null][]): Me {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Test',
    email: null,
    username: null,
    preferredLanguage: 'sv',
    gender: null,
    memberships: held.map(([role, kind, code], i) => ({
      id: `${ORG}1${i}`,
      organisationId: `${ORG}2${i}`,
      organisationName: `Org ${i}`,
      organisationKind: kind,
      organisationCode: code,
      role,
    })),
  };
}

const staff = person(['staff', 'unit', null]);
const manager = person(['manager', 'unit', null]);
const municipal = person(['municipal_coordinator', 'municipality', '2080']);
const regional = person(['regional_coordinator', 'region', '20']);
const association = person(['regional_coordinator', 'association', null]);
const admin = person(['national_admin', 'nation', null]);

/** The menu as `Top` or `Group: /a, /b` lines, readable in a failing test. */
function outline(menu: MenuEntry[]): string[] {
  return menu.map((e) => (e.kind === 'link' ? e.to : `${e.id}: ${e.links.map((l) => l.to).join(' ')}`));
}

const paths = (menu: MenuEntry[]) =>
  menu.flatMap((e) => (e.kind === 'group' ? e.links : [e])).map((l) => l.to);

describe('the main menu', () => {
  it('gives care staff only what they use: their learning and the knowledge bank', () => {
    expect(outline(menuFor(staff))).toEqual([
      '/',
      'learning: /utbildning /program /studiegrupper',
      'knowledge: /kunskapsbank',
    ]);
  });

  it('gives a manager the team page and no administration of other units', () => {
    expect(outline(menuFor(manager))).toEqual([
      '/',
      'learning: /utbildning /mitt-team /program /studiegrupper',
      'knowledge: /kunskapsbank',
    ]);
  });

  it('gives a municipal coordinator her municipality’s mapping, the plan and people search', () => {
    const menu = menuFor(municipal);
    expect(outline(menu)).toEqual([
      '/',
      'learning: /utbildning /program /studiegrupper /forfatta',
      'mapping: /kommuner/2080/valfardsteknik /bedomningar',
      'development: /handlingsplaner /insatser /lagesbild',
      'support: /stod /kravbibliotek /kravspecifikationer /leverantorer /kontakter /avtalsradar /upphandlingar /kommuner/2080/avtal /stimulansmedel',
      'knowledge: /kunskapsbank /styrdokument /natverk',
      `administration: /organisationer /kommuner /personer /organisationer/${ORG}20/inloggning`,
    ]);
  });

  it('gives regional and association coordinators their area’s views and the steering report', () => {
    expect(paths(menuFor(regional))).toEqual(
      expect.arrayContaining(['/valfardsteknik?lan=20', '/rapporter/styrgrupp', '/handlingsplaner']),
    );
    expect(paths(menuFor(association))).toEqual(
      expect.arrayContaining([`/valfardsteknik?forbund=${ORG}20`, '/rapporter/styrgrupp', '/personer']),
    );
  });

  it('gives a national administrator the audit log and the outbox under Administration', () => {
    const menu = menuFor(admin);
    const administration = menu.find((e) => e.kind === 'group' && e.id === 'administration');
    expect(administration?.kind === 'group' && administration.links.map((l) => l.to)).toEqual([
      '/organisationer',
      '/kommuner',
      '/personer',
      `/organisationer/${ORG}20/inloggning`,
      '/admin/logg',
      '/admin/utkorg',
    ]);
    expect(paths(menu)).toContain('/valfardsteknik');
  });

  it('never has more than seven top-level entries, and the plan is one group away', () => {
    for (const me of [staff, manager, municipal, regional, association, admin]) {
      const menu = menuFor(me);
      expect(menu.length).toBeLessThanOrEqual(MAX_TOP_LEVEL);
      expect(menu.at(0)).toMatchObject({ kind: 'link', to: '/' });
      // The account is the person's own, not a task: it is in the header with "Logga ut".
      expect(paths(menu)).not.toContain('/mitt-konto');
      for (const e of menu) if (e.kind === 'group') expect(e.links.length).toBeGreaterThan(0);
    }
    for (const me of [municipal, regional, association, admin]) {
      const development = menuFor(me).find((e) => e.kind === 'group' && e.id === 'development');
      expect(development?.kind === 'group' && development.links[0]).toMatchObject({
        to: '/handlingsplaner',
        label: 'nav.actionPlan',
      });
    }
  });

  it('asks a visitor to log in', () => {
    expect(outline(menuFor(null))).toEqual(['/logga-in']);
  });

  it('has every label in Swedish and English', () => {
    const lookup = (messages: object, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    const labels = [staff, manager, municipal, regional, association, admin, null].flatMap((me) =>
      menuFor(me).flatMap((e) =>
        e.kind === 'group' ? [e.label, ...e.links.map((l) => l.label)] : [e.label],
      ),
    );
    for (const label of new Set(labels)) {
      expect(typeof lookup(sv, label), `sv ${label}`).toBe('string');
      expect(typeof lookup(en, label), `en ${label}`).toBe('string');
    }
  });
});

describe('the current page in the menu', () => {
  const menu = menuFor(municipal);

  it('is the deepest link above the page, and its group', () => {
    expect(currentLink(menu, '/handlingsplaner/123')?.to).toBe('/handlingsplaner');
    expect(currentGroup(menu, '/handlingsplaner/123')).toBe('development');
    expect(currentLink(menu, `/organisationer/${ORG}20/inloggning`)?.to).toBe(
      `/organisationer/${ORG}20/inloggning`,
    );
    expect(currentLink(menu, '/kommuner/2080/valfardsteknik')?.to).toBe('/kommuner/2080/valfardsteknik');
    expect(currentGroup(menu, '/kommuner/2080')).toBe('administration');
  });

  it('is the start page only on the start page', () => {
    expect(currentLink(menu, '/')?.to).toBe('/');
    expect(currentGroup(menu, '/')).toBeNull();
    expect(currentLink(menu, '/tillganglighet')).toBeNull();
  });
});

describe('the step above a page without a trail of its own', () => {
  const above = (me: Me, pathname: string) => trailAbove(menuFor(me), pathname).map((l) => l.to);

  it('is the menu entry of the section the page is below', () => {
    expect(above(municipal, '/styrdokument/123')).toEqual(['/styrdokument']);
    expect(above(municipal, '/bedomningar/1/kommuner/2080/resultat')).toEqual(['/bedomningar']);
    // A link with a query (the region's view) still leads to its section.
    expect(above(regional, '/valfardsteknik/karta')).toEqual(['/valfardsteknik?lan=20']);
  });

  it('is the start page for a section’s own page and for a page outside the menu', () => {
    expect(above(municipal, '/styrdokument')).toEqual(['/']);
    expect(above(regional, '/valfardsteknik')).toEqual(['/']);
    expect(above(staff, '/styrdokument/123')).toEqual(['/']);
    expect(above(staff, '/tillganglighet')).toEqual(['/']);
  });

  it('is nothing on the start page, and nothing for a visitor', () => {
    expect(above(admin, '/')).toEqual([]);
    expect(trailAbove(menuFor(null), '/logga-in')).toEqual([]);
  });
});
