import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { PersonHit } from '../../src/shared/contracts/people-search.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const orgId = async (name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;
const userId = async (name: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from users where name = ${name}`))[0]!.id;
const search = async (who: string, q: string, extra = '') =>
  (await t.as(who)).get(`/api/v1/people?q=${encodeURIComponent(q)}${extra}`);
const names = (body: { items: PersonHit[] }) => body.items.map((p) => p.name);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /organisations/{nation}/members ("Personer i Sverige")', () => {
  it('finds "Amir" with sub-units ticked (the walk below the nation passes through the regions)', async () => {
    const sweden = await orgId('Sverige', 'nation');
    const a = await t.as('admin');
    const res = await a.get(`/api/v1/organisations/${sweden}/members?includeBelow=true&q=Amir`);
    expect(res.statusCode).toBe(200);
    expect(names(res.json())).toContain('Amir Haddad');
    const region = await orgId('Region Dalarna', 'region');
    const below = await (await t.as('region.dalarna')).get(
      `/api/v1/organisations/${region}/members?includeBelow=true&q=Amir`,
    );
    expect(names(below.json())).toContain('Amir Haddad');
  });
});

describe('GET /people', () => {
  it('finds "Amir" across the country for a national administrator, with his unit, role and actions', async () => {
    const res = await search('admin', 'Amir');
    expect(res.statusCode).toBe(200);
    const amir = (res.json().items as PersonHit[]).find((p) => p.name === 'Amir Haddad');
    expect(amir).toBeDefined();
    expect(amir!.email).toContain('personal.falun');
    expect(amir!.placements).toEqual([
      expect.objectContaining({
        organisationName: 'Hemtjänsten Norr',
        parentName: 'Falun',
        role: 'staff',
        canRemove: true,
        canSeeLearning: true,
        canResendInvitation: false,
        grantableRoles: ['manager'],
      }),
    ]);
  });

  it('matches the start of any word, in any order, and by e-mail and employee number', async () => {
    expect(names((await search('admin', 'hadd')).json())).toContain('Amir Haddad');
    expect(names((await search('admin', 'haddad amir')).json())).toEqual(['Amir Haddad']);
    expect(names((await search('admin', 'öberg')).json())).toContain('Jonas Öberg');
    expect(names((await search('admin', 'ÖBERG')).json())).toContain('Jonas Öberg');
    expect(names((await search('admin', 'mir')).json())).not.toContain('Amir Haddad');
    const mail = (await search('admin', 'personal.falun@')).json();
    expect(names(mail)).toEqual(['Amir Haddad']);
    await t.db.execute(sql`update users set employee_number = 'E-4711' where name = 'Erik Wallin'`);
    expect(names((await search('admin', 'E-4711')).json())).toEqual(['Erik Wallin']);
  });

  it('keeps a municipal coordinator to her municipality and its units', async () => {
    const falun = names((await search('samordnare.falun', 'berg')).json());
    // Johan Berglund is Borlänge's coordinator: never found from Falun.
    expect(falun).not.toContain('Johan Berglund');
    const borlange = (await search('samordnare.borlange', 'amir')).json();
    expect(names(borlange)).not.toContain('Amir Haddad');
    const own = (await search('samordnare.falun', 'amir')).json();
    expect(names(own)).toEqual(['Amir Haddad']);
    // The person page answers 404 outside the scope (nothing revealed) and 200 inside.
    const amir = await userId('Amir Haddad');
    expect((await (await t.as('samordnare.borlange')).get(`/api/v1/people/${amir}`)).statusCode).toBe(404);
    const page = await (await t.as('samordnare.falun')).get(`/api/v1/people/${amir}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().name).toBe('Amir Haddad');
  });

  it('gives a regional coordinator her region and an association coordinator its municipalities', async () => {
    expect(names((await search('region.dalarna', 'amir')).json())).toContain('Amir Haddad');
    expect(names((await search('region.dalarna', 'sjöberg')).json())).not.toContain('Anders Sjöberg');
    expect(names((await search('samordnare.akademinorr', 'sjöberg')).json())).toContain('Anders Sjöberg');
    expect(names((await search('samordnare.akademinorr', 'amir')).json())).not.toContain('Amir Haddad');
  });

  it('shows only the roles in the caller’s scope', async () => {
    const region = await orgId('Region Dalarna', 'region');
    const kramfors = await orgId('Kramfors', 'municipality');
    const amir = await userId('Amir Haddad');
    await t.db.execute(
      sql`insert into memberships (user_id, organisation_id, role) values (${amir}, ${kramfors}, 'staff')`,
    );
    const [hit] = (await search('region.dalarna', 'amir haddad')).json().items as PersonHit[];
    expect(hit!.placements.map((p) => p.organisationName)).toEqual(['Hemtjänsten Norr']);
    const all = (await search('admin', 'amir haddad')).json().items as PersonHit[];
    expect(all[0]!.placements.map((p) => p.organisationName)).toEqual(['Hemtjänsten Norr', 'Kramfors']);
    await t.db.execute(
      sql`delete from memberships where user_id = ${amir} and organisation_id = ${kramfors}`,
    );
    expect(region).toBeTruthy();
  });

  it('pages in Swedish order', async () => {
    const seen: string[] = [];
    const ids = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await search('admin', 'an', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json() as {
        items: PersonHit[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(page));
      for (const p of page.items) ids.add(p.userId);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 5);
    expect(seen.length).toBeGreaterThan(2);
    expect(ids.size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort(new Intl.Collator('sv').compare));
  });

  it('is forbidden to care staff and to a manager with roles at units only', async () => {
    expect((await search('personal.falun', 'amir')).statusCode).toBe(403);
    expect((await search('chef.falun', 'amir')).statusCode).toBe(403);
    const amir = await userId('Amir Haddad');
    expect((await (await t.as('chef.falun')).get(`/api/v1/people/${amir}`)).statusCode).toBe(403);
    expect((await t.agent().get('/api/v1/people?q=amir')).statusCode).toBe(401);
  });

  it('answers bad input with a 400 naming the field', async () => {
    for (const url of [
      '/api/v1/people',
      '/api/v1/people?q=a',
      `/api/v1/people?q=${'x'.repeat(101)}`,
      '/api/v1/people?q=amir&limit=0',
      '/api/v1/people?q=amir&cursor=not-a-cursor',
      '/api/v1/people?q=am%00ir',
      '/api/v1/people/not-a-uuid',
    ]) {
      const res = await (await t.as('admin')).get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // Punctuation alone is no query: nobody, not an error.
    expect((await search('admin', "''\\\\")).json().items).toEqual([]);
  });
});
