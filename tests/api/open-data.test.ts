import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { demoAccounts } from '../../src/server/db/demo/demo-people.ts';
import { forgetOpenData } from '../../src/server/features/open-data/open-data.service.ts';
import type {
  AdoptionDataset,
  MaturityDataset,
  MunicipalitiesDataset,
  OpenDataIndex,
  ParticipationDataset,
} from '../../src/shared/contracts/open-data.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const BASE = '/api/open/v1';
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const json = async <T>(url: string) => {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

const PEOPLE = ['Testa Tretton', 'Testa Fjorton', 'Testa Femton'];

/** `n` people enrolled through the municipality in a programme in `year`, `completed` of them completed. */
async function addParticipants(code: string, year: number, n: number, completed = 0) {
  const [m] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = 'municipality' and code = ${code}`,
  );
  const [course] = await queryRows<{ id: string }>(t.db, sql`select id from courses order by key limit 1`);
  const [programme] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into programmes (name, owner_organisation_id, starts_on, ends_on, target_participants)
        values (${`Testprogram ${code} ${year}`}, ${m!.id}, ${`${year}-01-01`}, ${`${year}-12-31`}, 10)
        returning id`,
  );
  for (let i = 0; i < n; i++) {
    const name = PEOPLE[i % PEOPLE.length]!;
    const [u] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into users (email, name, status) values (${`od-${code}-${year}-${i}@example.org`}, ${name}, 'active')
          returning id`,
    );
    await queryRows(
      t.db,
      sql`insert into enrolments (user_id, course_id, programme_id, organisation_id, enrolled_at, completed_at)
          values (${u!.id}, ${course!.id}, ${programme!.id}, ${m!.id}, ${`${year}-03-15T10:00:00Z`},
                  ${i < completed ? `${year}-05-15T10:00:00Z` : null})
          returning id`,
    );
  }
}

async function setAdoption(code: string, served: number, eligible: number) {
  await queryRows(
    t.db,
    sql`insert into technology_adoptions (municipality_id, technology_id, status, users_served, eligible_users,
                                          contact_name, contact_email)
        select m.id, (select id from technologies order by sort_order, key limit 1), 'in_operation', ${served},
               ${eligible}, 'Kontakta Kontaktsson', 'kontakt@example.org'
        from organisations m where m.kind = 'municipality' and m.code = ${code}
        on conflict (municipality_id, technology_id) do update
          set users_served = excluded.users_served, eligible_users = excluded.eligible_users,
              contact_name = excluded.contact_name, contact_email = excluded.contact_email
        returning municipality_id`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await addParticipants('0114', 2025, 3); // too few: suppressed
  await addParticipants('0115', 2026, 7, 0); // shown
  await addParticipants('0117', 2025, 3); // one small year …
  await addParticipants('0117', 2026, 6); // … so this one is withheld as well
  await addParticipants('0120', 2026, 7, 5); // 2 did not complete: completions withheld
  await setAdoption('0114', 3, 40); // served suppressed
  await setAdoption('0115', 38, 40); // 2 not served: served withheld
  await setAdoption('0117', 20, 40); // both shown
  forgetOpenData(t.db);
});

afterAll(async () => {
  await t?.close();
});

describe('open data index and schema', () => {
  it('describes the datasets, licence and suppression rule without login', async () => {
    const index = await json<OpenDataIndex>(BASE);
    expect(index.licence.id).toBe('CC-BY-4.0');
    expect(index.suppression.threshold).toBe(5);
    expect(index.datasets.map((d) => d.key)).toEqual([
      'municipalities',
      'adoption',
      'programme-participation',
      'maturity',
    ]);
    expect(index.datasets[0]!.csv).toBe(`${BASE}/municipalities.csv`);
    expect(index.datasets[0]!.fields.map((f) => f.csv)).toContain('programme_participants_suppressed');
  });

  it('is in the OpenAPI description under its own tag, with no security', async () => {
    const doc = (await get('/api/openapi.json')).json() as {
      paths: Record<string, { get?: { tags?: string[]; security?: unknown[] } }>;
    };
    for (const path of ['', '/municipalities', '/municipalities.csv', '/adoption', '/maturity.csv']) {
      const op = doc.paths[`${BASE}${path}`]?.get;
      expect(op, path).toBeDefined();
      expect(op!.tags).toEqual(['open-data']);
      expect(op!.security).toEqual([]);
    }
  });
});

describe('municipalities', () => {
  it('lists all 290 municipalities by SCB code, with cache headers and an ETag', async () => {
    const res = await get(`${BASE}/municipalities`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['x-ratelimit-limit']).toBeDefined();
    const data = res.json() as MunicipalitiesDataset;
    expect(data.items).toHaveLength(290);
    const codes = data.items.map((m) => m.municipalityCode);
    expect(codes).toEqual([...codes].sort());
    for (const m of data.items) {
      expect(m.municipalityCode).toMatch(/^\d{4}$/);
      expect(m.countyCode).toMatch(/^\d{2}$/);
      expect(m.municipalityCode.slice(0, 2)).toBe(m.countyCode);
    }
    expect(data.items.find((m) => m.municipalityCode === '0180')?.municipalityName).toBe('Stockholm');
    const again = await get(`${BASE}/municipalities`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('has a stable CSV header and one row per municipality', async () => {
    const res = await get(`${BASE}/municipalities.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csvLines(res.body);
    expect(lines[0]).toBe(
      'municipality_code;municipality_name;county_code;as_of;technologies_in_operation;technologies_piloting;' +
        'technologies_reported;programme_participants;programme_participants_suppressed;programme_completions;' +
        'programme_completions_suppressed;maturity_year;maturity_governance;maturity_resources;' +
        'maturity_competence;maturity_organisation',
    );
    expect(lines).toHaveLength(291);
    expect(lines.find((l) => l.startsWith('0114;'))).toMatch(/;;true;;true;/);
  });

  it('keeps the CSV columns of participation and maturity stable', async () => {
    const participation = csvLines((await get(`${BASE}/programme-participation.csv`)).body);
    expect(participation[0]).toBe(
      'municipality_code;municipality_name;county_code;as_of;year;participants;participants_suppressed;' +
        'completions;completions_suppressed',
    );
    expect(participation.find((l) => l.startsWith('0114;'))).toMatch(/;2025;;true;;true$/);
    const maturity = csvLines((await get(`${BASE}/maturity.csv`)).body);
    expect(maturity[0]).toBe(
      'municipality_code;municipality_name;county_code;as_of;year;round_id;round_name;round_owner_name;' +
        'closes_on;governance;resources;competence;organisation',
    );
    expect(maturity.length).toBeGreaterThan(1);
  });

  it('filters by county and refuses unknown parameters and bad values', async () => {
    const dalarna = await json<MunicipalitiesDataset>(`${BASE}/municipalities?county=20`);
    expect(dalarna.items).toHaveLength(15);
    expect((await get(`${BASE}/municipalities?format=xml`)).statusCode).toBe(400);
    expect((await get(`${BASE}/municipalities?county=abc`)).statusCode).toBe(400);
    expect((await get(`${BASE}/adoption.csv?limit=5`)).statusCode).toBe(400);
    expect((await get(`${BASE}?county=20`)).statusCode).toBe(400);
    expect((await get(`${BASE}/municipalities.xml`)).statusCode).toBe(404);
  });
});

describe('suppression', () => {
  it('withholds small participant counts and shows larger ones', async () => {
    const data = await json<ParticipationDataset>(`${BASE}/programme-participation`);
    const row = (code: string, year: number) =>
      data.items.find((r) => r.municipalityCode === code && r.year === year);
    expect(row('0114', 2025)?.participants).toEqual({ value: null, suppressed: true });
    expect(row('0115', 2026)?.participants).toEqual({ value: 7, suppressed: false });
    expect(row('0115', 2026)?.completions).toEqual({ value: 0, suppressed: false });
    const summary = await json<MunicipalitiesDataset>(`${BASE}/municipalities`);
    const s = (code: string) => summary.items.find((m) => m.municipalityCode === code)!;
    expect(s('0114').programmeParticipants).toEqual({ value: null, suppressed: true });
    expect(s('0115').programmeParticipants).toEqual({ value: 7, suppressed: false });
    expect(s('0180').programmeParticipants).toEqual({ value: 0, suppressed: false });
  });

  it('withholds a second year when the total would reveal a small one (complementary)', async () => {
    const data = await json<ParticipationDataset>(`${BASE}/programme-participation?county=01`);
    const years = data.items.filter((r) => r.municipalityCode === '0117');
    expect(years.map((r) => r.year)).toEqual([2025, 2026]);
    expect(years.every((r) => r.participants.suppressed && r.participants.value === null)).toBe(true);
    const summary = await json<MunicipalitiesDataset>(`${BASE}/municipalities?county=01`);
    expect(summary.items.find((m) => m.municipalityCode === '0117')!.programmeParticipants).toEqual({
      value: 9,
      suppressed: false,
    });
    // 7 took part and 5 completed: showing 5 would tell that 2 did not.
    const vd = summary.items.find((m) => m.municipalityCode === '0120')!;
    expect(vd.programmeParticipants).toEqual({ value: 7, suppressed: false });
    expect(vd.programmeCompletions).toEqual({ value: null, suppressed: true });
    const vdYear = data.items.find((r) => r.municipalityCode === '0120' && r.year === 2026)!;
    expect(vdYear.completions.suppressed).toBe(true);
  });

  it('withholds small counts of users served and eligible in the adoption data', async () => {
    const data = await json<AdoptionDataset>(`${BASE}/adoption?county=01`);
    const [first] = await queryRows<{ key: string }>(
      t.db,
      sql`select key from technologies order by sort_order, key limit 1`,
    );
    const row = (code: string) =>
      data.items.find((r) => r.municipalityCode === code && r.technologyKey === first!.key)!;
    expect(row('0114').usersServed).toEqual({ value: null, suppressed: true });
    expect(row('0114').eligibleUsers).toEqual({ value: 40, suppressed: false });
    expect(row('0115').usersServed).toEqual({ value: null, suppressed: true });
    expect(row('0117').usersServed).toEqual({ value: 20, suppressed: false });
    expect(row('0117').status).toBe('in_operation');
    const [{ n }] = (await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from technologies`,
    )) as [{ n: number }];
    const all = await json<AdoptionDataset>(`${BASE}/adoption`);
    expect(all.items).toHaveLength(290 * n);
    const csv = csvLines((await get(`${BASE}/adoption.csv`)).body);
    expect(csv[0]).toBe(
      'municipality_code;municipality_name;county_code;as_of;technology_key;technology_name_sv;' +
        'technology_name_en;category;status;since;users_served;users_served_suppressed;eligible_users;' +
        'eligible_users_suppressed;updated_on',
    );
    expect(csv).toHaveLength(290 * n + 1);
  });
});

describe('no personal data and nothing unpublished', () => {
  it('has no e-mail addresses, names or user ids in any dataset', async () => {
    const userIds = (await queryRows<{ id: string }>(t.db, sql`select id::text as id from users`)).map(
      (u) => u.id,
    );
    const names = [...demoAccounts.map((a) => a.name), ...PEOPLE, 'Kontakta Kontaktsson'];
    for (const key of ['municipalities', 'adoption', 'programme-participation', 'maturity']) {
      for (const url of [`${BASE}/${key}`, `${BASE}/${key}.csv`]) {
        const body = (await get(url)).body;
        expect(body, url).not.toContain('@');
        for (const name of names) expect(body, `${url}: ${name}`).not.toContain(name);
        for (const id of userIds) expect(body, url).not.toContain(id);
      }
    }
  });

  it('publishes maturity only from closed rounds whose results are shared, and submitted sheets', async () => {
    const rounds = await queryRows<{ id: string; name: string; closed: boolean; share_results: boolean }>(
      t.db,
      sql`select id, name, share_results, (closed_at is not null or closes_on < current_date) as closed
          from assessment_rounds`,
    );
    const data = await json<MaturityDataset>(`${BASE}/maturity`);
    const published = new Set(data.items.map((r) => r.roundId));
    for (const r of rounds) expect(published.has(r.id), r.name).toBe(r.closed && r.share_results);
    expect(data.items.some((r) => r.municipalityCode === '2080')).toBe(true);
    const falun = data.items.find((r) => r.municipalityCode === '2080')!;
    expect(falun.governance).toEqual(expect.any(Number));

    // The owner stops sharing one round: it disappears from every dataset.
    const shared = rounds.find((r) => r.closed && r.share_results)!;
    await queryRows(
      t.db,
      sql`update assessment_rounds set share_results = false where id = ${shared.id} returning id`,
    );
    forgetOpenData(t.db);
    const after = await json<MaturityDataset>(`${BASE}/maturity`);
    expect(after.items.some((r) => r.roundId === shared.id)).toBe(false);
    const summary = (await get(`${BASE}/municipalities.csv`)).body;
    expect(summary).not.toContain(shared.id);
    expect((await get(`${BASE}/maturity.csv`)).body).not.toContain(shared.id);
  });
});
