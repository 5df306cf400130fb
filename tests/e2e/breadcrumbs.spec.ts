import fs from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { FALUN_ALARM_CONTRACT_ID } from '../../src/server/db/demo/contracts-demo.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { type Login, WHO } from './breadcrumb-visitors.ts';

/**
 * Issue 16: the breadcrumb trail comes first in reading order on every signed-in page. Every route of
 * the router's signed-in part is visited once (as someone who may see it, with demo data found in the
 * database), and its trail must stand before its one <h1>, with axe clean. A route added to the router
 * without a visit here fails the first test, so a new page cannot go without a trail unnoticed.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

/** The signed-in routes, read from the router itself (everything under `<RequireAuth />`). */
function signedInRoutes(): string[] {
  const source = fs.readFileSync(new URL('../../src/client/router.tsx', import.meta.url), 'utf8');
  const inner = source.slice(source.indexOf('<RequireAuth />'), source.indexOf("path: '*'"));
  return [...inner.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!);
}

const one = async (query: SQL) => {
  const [row] = await queryRows<{ v: string }>(e.t.db, query);
  if (!row) throw new Error(`no demo row for ${JSON.stringify(query)}`);
  return row.v;
};

/** Where each route is visited, with ids of the demo data. */
async function urls(): Promise<Record<string, string>> {
  const org = (name: string, kind: string) =>
    one(sql`select id as v from organisations where name = ${name} and kind = ${kind}`);
  const [falun, norr, dalarna] = await Promise.all([
    org('Falun', 'municipality'),
    org('Hemtjänsten Norr', 'unit'),
    org('Region Dalarna', 'region'),
  ]);
  const network = await one(sql`select network_id::text as v from network_meetings limit 1`);
  const meeting = await one(
    sql`select id::text as v from network_meetings where network_id = ${network} limit 1`,
  );
  const round = await one(
    sql`select s.round_id::text as v from assessment_sheets s where s.municipality_id = ${falun} limit 1`,
  );
  const amir = await one(sql`select id::text as v from users where name = 'Amir Haddad'`);
  const enrolled = await queryRows<{
    course: string;
    content: { modules: { key: string; lessons: { key: string }[] }[] };
  }>(
    e.t.db,
    // A course written in the editor (its modules have lessons), not one of the imported demo courses.
    sql`select en.course_id::text as course, cv.content from enrolments en
        join courses c on c.id = en.course_id
        join course_versions cv on cv.course_id = c.id and cv.version = c.published_version
        where en.user_id = ${amir} and cv.content->'modules'->0->'lessons' is not null
        order by c.key limit 1`,
  );
  const course = enrolled[0]!;
  const module = course.content.modules[0]!;
  const c = `/utbildning/kurser/${course.course}`;
  // The demo SCORM course (scorm-demo.ts), in which the demo care worker is enrolled.
  const [scorm] = await queryRows<{ course: string; module: string }>(
    e.t.db,
    sql`select c.id::text as course, cv.content->'modules'->0->>'key' as module from courses c
        join course_versions cv on cv.course_id = c.id and cv.version = c.published_version
        where c.key like 'trygghetskamera%' limit 1`,
  );
  const ids = {
    document: await one(sql`select id::text as v from governing_documents limit 1`),
    template: await one(sql`select id::text as v from assessment_templates limit 1`),
    initiative: await one(sql`select id::text as v from initiatives limit 1`),
    plan: await one(sql`select id::text as v from action_plans limit 1`),
    definition: await one(sql`select key as v from definitions limit 1`),
    report: await one(sql`select id::text as v from steering_reports limit 1`),
    case: await one(sql`select id::text as v from cases where status = 'published' limit 1`),
    draftCase: await one(sql`select id::text as v from cases where status = 'draft' limit 1`),
    technology: await one(sql`select key as v from technologies limit 1`),
    programme: await one(sql`select id::text as v from programmes limit 1`),
    studyGroup: await one(sql`select id::text as v from study_groups limit 1`),
    supportRequest: await one(
      sql`select id::text as v from support_requests where municipality_id = ${falun} limit 1`,
    ),
    supportOffer: await one(
      sql`select id::text as v from support_offers where provider_organisation_id = ${dalarna} limit 1`,
    ),
    requirement: await one(
      sql`select id::text as v from requirements where owner_organisation_id = ${dalarna} limit 1`,
    ),
    specification: await one(
      sql`select id::text as v from requirement_specifications where owner_organisation_id = ${dalarna} limit 1`,
    ),
    supplier: await one(sql`select id::text as v from suppliers where merged_into is null limit 1`),
    procurement: await one(
      sql`select id::text as v from procurements where lead_organisation_id = ${dalarna} limit 1`,
    ),
    fundingCall: await one(
      sql`select id::text as v from funding_calls where title like 'Stimulansmedel välfärdsteknik%' limit 1`,
    ),
    externalContact: await one(
      sql`select id::text as v from external_contacts where owner_organisation_id = ${dalarna} limit 1`,
    ),
    // The demo has none: a disabled one, so that its page can be visited.
    identityProvider: await one(
      sql`insert into identity_providers (organisation_id, kind, name, enabled, issuer, client_id)
          values (${falun}, 'oidc', 'Falu kommun (test)', false, 'https://login.falun.example', 'navet')
          returning id::text as v`,
    ),
  };
  return {
    '/stod': '/stod',
    '/stod/ny': '/stod/ny',
    '/stod/forfragningar/:id': `/stod/forfragningar/${ids.supportRequest}`,
    '/stod/erbjudanden/ny': '/stod/erbjudanden/ny',
    '/stod/erbjudanden/:id': `/stod/erbjudanden/${ids.supportOffer}`,
    '/stod/rapport': '/stod/rapport',
    '/kravbibliotek': '/kravbibliotek',
    '/kravbibliotek/nytt': '/kravbibliotek/nytt',
    '/kravbibliotek/:id': `/kravbibliotek/${ids.requirement}`,
    '/kravbibliotek/:id/andra': `/kravbibliotek/${ids.requirement}/andra`,
    '/kravspecifikationer': '/kravspecifikationer',
    '/kravspecifikationer/:id': `/kravspecifikationer/${ids.specification}`,
    '/leverantorer': '/leverantorer',
    '/leverantorer/ny': '/leverantorer/ny',
    '/leverantorer/:id': `/leverantorer/${ids.supplier}`,
    '/leverantorer/:id/andra': `/leverantorer/${ids.supplier}/andra`,
    '/upphandlingar': '/upphandlingar',
    '/upphandlingar/ny': '/upphandlingar/ny',
    '/upphandlingar/:id': `/upphandlingar/${ids.procurement}`,
    '/upphandlingar/:id/delta/:code': `/upphandlingar/${ids.procurement}/delta/2080`,
    '/stimulansmedel': '/stimulansmedel',
    '/stimulansmedel/ny': '/stimulansmedel/ny',
    '/stimulansmedel/:id': `/stimulansmedel/${ids.fundingCall}`,
    '/kontakter': '/kontakter',
    '/kontakter/ny': '/kontakter/ny',
    '/kontakter/:id': `/kontakter/${ids.externalContact}`,
    '/kontakter/:id/andra': `/kontakter/${ids.externalContact}/andra`,
    '/avtalsradar': '/avtalsradar',
    '/avtal': '/avtal',
    '/avtal/:id': `/avtal/${FALUN_ALARM_CONTRACT_ID}`,
    '/avtal/:id/andra': `/avtal/${FALUN_ALARM_CONTRACT_ID}/andra`,
    '/kommuner/:code/avtal': '/kommuner/2080/avtal',
    '/kommuner/:code/avtal/nytt': '/kommuner/2080/avtal/nytt',
    '/kommuner/:code/avtal/importera': '/kommuner/2080/avtal/importera',
    '/': '/',
    '/organisationer': '/organisationer',
    '/organisationer/:id': `/organisationer/${dalarna}`,
    '/organisationer/:id/personer': `/organisationer/${falun}/personer`,
    '/organisationer/:id/bjud-in': `/organisationer/${falun}/bjud-in`,
    '/organisationer/:id/ny-enhet': `/organisationer/${falun}/ny-enhet`,
    '/organisationer/:id/importera': `/organisationer/${falun}/importera`,
    '/kommuner': '/kommuner',
    '/kommuner/:code': '/kommuner/2080',
    '/kommuner/:code/valfardsteknik': '/kommuner/2080/valfardsteknik',
    '/valfardsteknik': '/valfardsteknik',
    '/natverk': '/natverk',
    '/natverk/nytt': '/natverk/nytt',
    '/natverk/:id': `/natverk/${network}`,
    '/natverk/:id/andra': `/natverk/${network}/andra`,
    '/natverk/:id/moten/:meetingId': `/natverk/${network}/moten/${meeting}`,
    '/valfardsteknik/karta': '/valfardsteknik/karta',
    '/valfardsteknik/luckor': '/valfardsteknik/luckor',
    '/valfardsteknik/katalog': '/valfardsteknik/katalog',
    '/styrdokument': '/styrdokument',
    '/styrdokument/nytt': '/styrdokument/nytt',
    '/styrdokument/:id': `/styrdokument/${ids.document}`,
    '/bedomningar': '/bedomningar',
    '/bedomningar/ny': '/bedomningar/ny',
    '/bedomningar/mallar': '/bedomningar/mallar',
    '/bedomningar/mallar/ny': '/bedomningar/mallar/ny',
    '/bedomningar/mallar/:id': `/bedomningar/mallar/${ids.template}`,
    '/bedomningar/mallar/:id/redigera': `/bedomningar/mallar/${ids.template}/redigera`,
    '/bedomningar/:id': `/bedomningar/${round}`,
    '/bedomningar/:id/kommuner/:code': `/bedomningar/${round}/kommuner/2080`,
    '/bedomningar/:id/resultat': `/bedomningar/${round}/resultat`,
    '/bedomningar/:id/kommuner/:code/resultat': `/bedomningar/${round}/kommuner/2080/resultat`,
    '/insatser': '/insatser',
    '/insatser/ny': '/insatser/ny',
    '/insatser/oversikt': '/insatser/oversikt',
    '/insatser/:id': `/insatser/${ids.initiative}`,
    '/handlingsplaner': '/handlingsplaner',
    '/handlingsplaner/ny': '/handlingsplaner/ny',
    '/handlingsplaner/:id': `/handlingsplaner/${ids.plan}`,
    '/behov': '/behov',
    '/lagesbild': '/lagesbild',
    '/lagesbild/kommuner/:code': '/lagesbild/kommuner/2080',
    '/lagesbild/:scope': '/lagesbild/SE',
    '/begrepp': '/begrepp',
    '/begrepp/:key': `/begrepp/${ids.definition}`,
    '/rapporter/styrgrupp': '/rapporter/styrgrupp',
    '/rapporter/styrgrupp/:id': `/rapporter/styrgrupp/${ids.report}`,
    '/kunskapsbank': '/kunskapsbank',
    '/kunskapsbank/nytt': '/kunskapsbank/nytt',
    '/kunskapsbank/granska': '/kunskapsbank/granska',
    '/kunskapsbank/vem-har-gjort/:technologyKey': `/kunskapsbank/vem-har-gjort/${ids.technology}`,
    '/kunskapsbank/:id': `/kunskapsbank/${ids.case}`,
    '/kunskapsbank/:id/redigera': `/kunskapsbank/${ids.draftCase}/redigera`,
    '/personer': '/personer',
    '/personer/:id': `/personer/${amir}`,
    '/mitt-team': '/mitt-team',
    '/admin/logg': '/admin/logg',
    '/admin/utkorg': '/admin/utkorg',
    '/mitt-konto': '/mitt-konto',
    '/organisationer/:id/aktiveringskoder': `/organisationer/${falun}/aktiveringskoder`,
    '/organisationer/:id/inloggning': `/organisationer/${falun}/inloggning`,
    '/organisationer/:id/inloggning/ny': `/organisationer/${falun}/inloggning/ny`,
    // The demo has no identity provider: an unknown one is "not found", with its trail all the same.
    '/organisationer/:id/inloggning/:idpId': `/organisationer/${falun}/inloggning/${ids.identityProvider}`,
    '/mitt-konto/sakerhet': '/mitt-konto/sakerhet',
    '/organisationer/:id/inloggning/regler': `/organisationer/${falun}/inloggning/regler`,
    '/organisationer/:id/scim': `/organisationer/${falun}/scim`,
    '/organisationer/:id/api-klienter': `/organisationer/${falun}/api-klienter`,
    '/utbildning': '/utbildning',
    '/utbildning/kurser/:id': c,
    '/utbildning/kurser/:id/moduler/:moduleKey/lektioner/:lessonKey': `${c}/moduler/${module.key}/lektioner/${module.lessons[0]!.key}`,
    '/utbildning/kurser/:id/moduler/:moduleKey/quiz': `${c}/moduler/${module.key}/quiz`,
    '/utbildning/kurser/:id/moduler/:moduleKey/spela': `/utbildning/kurser/${scorm!.course}/moduler/${scorm!.module}/spela`,
    '/utbildning/kurser/:id/intyg': `${c}/intyg`,
    '/utbildning/kurser/:id/aterkoppling': `${c}/aterkoppling`,
    '/forfatta': '/forfatta',
    '/forfatta/kurser/:id': `/forfatta/kurser/${course.course}`,
    '/program': '/program',
    '/program/nytt': '/program/nytt',
    '/program/:id': `/program/${ids.programme}`,
    '/program/:id/rapport': `/program/${ids.programme}/rapport`,
    '/studiegrupper': '/studiegrupper',
    '/studiegrupper/:id': `/studiegrupper/${ids.studyGroup}`,
    '/enheter/:unitId/utbildning': `/enheter/${norr}/utbildning`,
  };
}

/** Whether the page's breadcrumb trail stands before its one <h1> in document (reading) order. */
const trailBeforeHeading = (page: Page) =>
  page.evaluate(() => {
    const trail = document.querySelector('main nav[aria-label="Du är här"]');
    const headings = document.querySelectorAll('h1');
    if (!trail || headings.length !== 1) return false;
    return Boolean(trail.compareDocumentPosition(headings[0]!) & Node.DOCUMENT_POSITION_FOLLOWING);
  });

describe('breadcrumbs on every signed-in page', () => {
  let url: Record<string, string>;
  const pages = new Map<Login, Promise<Page>>();
  /** One signed-in page per person, reused from route to route. */
  const pageOf = (login: Login) => {
    if (!pages.has(login))
      pages.set(
        login,
        e.newPage().then(async ({ page }) => {
          await loginAs(page, login);
          return page;
        }),
      );
    return pages.get(login)!;
  };
  beforeAll(async () => {
    url = await urls();
  });

  it('has a visit for every signed-in route of the router (a new route needs one here)', () => {
    const routes = signedInRoutes();
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !(r in WHO) || !(r in url))).toEqual([]);
    expect(Object.keys(WHO).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(WHO))(
    '%s (as %s): the trail before the heading, axe clean',
    async (route, login) => {
      const page = await pageOf(login);
      await page.goto(url[route]!);
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      expect((await h1.textContent())?.trim(), 'the page itself, not "not found"').not.toBe(
        'Sidan finns inte',
      );
      // Until the page has settled, its trail or its one heading may still be on the way.
      await expect.poll(() => trailBeforeHeading(page), { timeout: 10_000 }).toBe(true);
      await expectAccessible(page, `${route} as ${login}`);
    },
  );
});
