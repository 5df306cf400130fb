import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { swedishToday } from '../../src/server/features/action-plans/plan-history.ts';
import type { StartView } from '../../src/shared/contracts/start.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const URL = '/api/v1/me/start';
const OPEN_ROUND = 'Förutsättningar för välfärdsteknik 2026';
const FALUN_DOC = 'Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun';
const BORLANGE_DOC = 'Riktlinje för läkemedelsautomater i hemtjänsten';
const REGION_DOC = 'Digital omsorg i Dalarna – gemensam inriktning 2025–2028';

const day = (offset: number) => swedishToday(new Date(Date.now() + offset * 86_400_000));
const userId = async (local: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from users where email = ${demoEmail(local)}`))[0]!.id;
const visits = async (local: string) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from start_visits where user_id = ${await userId(local)}`,
    )
  )[0]!.n;

async function startOf(agent: Agent, query = ''): Promise<StartView> {
  const res = await agent.get(`${URL}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StartView;
}

let falun: Agent;
let borlange: Agent;
let region: Agent;
let manager: Agent;
let staff: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  [falun, borlange, region, manager, staff, admin] = await Promise.all([
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('region.dalarna'),
    t.as('chef.falun'),
    t.as('personal.falun'),
    t.as('admin'),
  ]);
});
afterAll(() => t.close());

describe('GET /me/start: to-do items and figures by role', () => {
  it('gives a municipal coordinator her sheet of the open round with its answered count, and her overdue document', async () => {
    const view = await startOf(falun, '?peek=true');
    const sheet = view.todos.find((x) => x.kind === 'assessment_answer');
    expect(sheet).toMatchObject({ title: OPEN_ROUND, place: 'Falun', dueOn: day(21) });
    expect(sheet!.to).toMatch(/^\/bedomningar\/[0-9a-f-]{36}\/kommuner\/2080$/);
    expect(sheet!.of).toBeGreaterThan(0);
    expect(sheet!.count).toBeGreaterThan(0);
    expect(sheet!.count).toBeLessThan(sheet!.of!);
    expect(view.todos.find((x) => x.kind === 'document_review')).toMatchObject({
      title: FALUN_DOC,
      count: 1,
    });
    // She answers rounds; she runs none.
    expect(view.todos.some((x) => x.kind === 'assessment_chase')).toBe(false);
    expect(view.figures.map((f) => [f.key, f.scope, f.to])).toEqual(
      expect.arrayContaining([
        ['technologies_in_operation', 'Falun', '/kommuner/2080/valfardsteknik'],
        ['programme_completed', 'Falun', '/lagesbild/kommuner/2080'],
      ]),
    );
  });

  it('never shows another municipality’s sheet, documents or figures', async () => {
    const view = await startOf(borlange, '?peek=true');
    expect(view.todos.find((x) => x.kind === 'assessment_answer')).toMatchObject({
      place: 'Borlänge',
      count: 0,
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain('Falun');
    expect(text).not.toContain('2080');
    expect(text).not.toContain(FALUN_DOC);
  });

  it('gives a regional coordinator the round to chase, the draft steering report and the region’s figures', async () => {
    const view = await startOf(region, '?peek=true');
    const [dalarna] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from organisations m join organisations r on r.id = m.parent_id
          where m.kind = 'municipality' and r.kind = 'region' and r.code = '20'`,
    );
    const chase = view.todos.find((x) => x.kind === 'assessment_chase' && x.title === OPEN_ROUND);
    expect(chase).toMatchObject({ of: dalarna!.n, dueOn: day(21) });
    expect(chase!.count).toBeLessThan(dalarna!.n);
    const draft = view.todos.find((x) => x.kind === 'steering_draft');
    expect(draft?.to).toMatch(/^\/rapporter\/styrgrupp\/[0-9a-f-]{36}$/);
    expect(view.figures.find((f) => f.key === 'municipalities_reporting')).toMatchObject({
      of: dalarna!.n,
      to: '/lagesbild/20',
    });
    expect(view.figures.find((f) => f.key === 'round_submitted')).toMatchObject({
      scope: OPEN_ROUND,
      value: chase!.count,
      of: dalarna!.n,
    });
    // A region answers no sheets of its own.
    expect(view.todos.some((x) => x.kind === 'assessment_answer')).toBe(false);
  });

  it('gives a manager her team’s programme completion, linked to the team page, and nothing of the municipality', async () => {
    const view = await startOf(manager, '?peek=true');
    const team = view.figures.find((f) => f.key === 'team_completed');
    expect(team).toMatchObject({ scope: 'Hemtjänsten Norr', to: '/mitt-team' });
    expect(team!.of).toBeGreaterThan(0);
    expect(view.figures.every((f) => f.key === 'team_completed')).toBe(true);
    expect(view.todos.every((x) => x.kind === 'team_not_started')).toBe(true);
  });

  it('lists a unit’s people enrolled but not started as a to-do for its manager', async () => {
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(distinct e.user_id)::int as n from enrolments e
          join memberships m on m.user_id = e.user_id
          join organisations o on o.id = m.organisation_id
          where o.name = 'Hemtjänsten Norr' and e.programme_id is not null
            and e.started_at is null and e.completed_at is null`,
    );
    const view = await startOf(manager, '?peek=true');
    const todo = view.todos.find((x) => x.kind === 'team_not_started');
    if (row!.n === 0) expect(todo).toBeUndefined();
    else expect(todo).toMatchObject({ count: row!.n, place: 'Hemtjänsten Norr', to: '/mitt-team' });
  });

  it('gives care staff no to-do items and no figures (their next lesson is on the page itself)', async () => {
    const view = await startOf(staff, '?peek=true');
    expect(view.todos).toEqual([]);
    expect(view.figures).toEqual([]);
  });

  it('gives a national administrator the country’s figures and every open round to follow', async () => {
    const view = await startOf(admin, '?peek=true');
    expect(view.figures.find((f) => f.key === 'municipalities_reporting')).toMatchObject({
      of: 290,
      to: '/lagesbild/SE',
    });
    expect(view.todos.some((x) => x.kind === 'assessment_chase' && x.title === OPEN_ROUND)).toBe(true);
  });
});

describe('GET /me/start: new since the previous visit', () => {
  it('records visits, compares with the previous one and shows only changes within scope', async () => {
    const id = await userId('samordnare.borlange');
    await queryRows(t.db, sql`delete from start_visits where user_id = ${id}`);
    const first = await startOf(borlange);
    expect(first.since).toBeNull();
    // A reload within the same sitting keeps the baseline (still the first visit: none before it).
    expect((await startOf(borlange)).since).toBeNull();

    // The last visit was yesterday; since then a document of hers, of her region and of Falun changed.
    await queryRows(
      t.db,
      sql`update start_visits set seen_at = now() - interval '1 day' where user_id = ${id}`,
    );
    await queryRows(
      t.db,
      sql`update governing_documents set updated_at = now()
          where title in (${BORLANGE_DOC}, ${REGION_DOC}, ${FALUN_DOC})`,
    );
    const view = await startOf(borlange);
    expect(view.since).not.toBeNull();
    expect(Date.parse(view.since!)).toBeLessThan(Date.now() - 23 * 3_600_000);
    const titles = view.news.filter((n) => n.kind === 'document_changed').map((n) => n.title);
    expect(titles).toEqual(expect.arrayContaining([BORLANGE_DOC, REGION_DOC]));
    expect(titles).not.toContain(FALUN_DOC);
    expect(view.news.length).toBeLessThanOrEqual(10);
  });

  it('shows rounds that opened since to those who take part, and not to care staff', async () => {
    // Her last visit was three weeks ago, before the open round opened (two weeks ago).
    const id = await userId('samordnare.falun');
    await queryRows(
      t.db,
      sql`insert into start_visits (user_id, seen_at) values (${id}, now() - interval '21 days')
          on conflict (user_id) do update set seen_at = excluded.seen_at, previous_seen_at = null`,
    );
    const view = await startOf(falun, '?peek=true');
    expect(Date.parse(view.since!)).toBeLessThan(Date.now() - 20 * 86_400_000);
    expect(view.news.some((n) => n.kind === 'round_opened' && n.title === OPEN_ROUND)).toBe(true);
    const staffView = await startOf(staff, '?peek=true');
    expect(staffView.news.some((n) => n.kind === 'round_opened')).toBe(false);
  });

  it('does not record a visit when peeking', async () => {
    const before = await visits('samordnare.falun');
    await startOf(falun, '?peek=true');
    expect(await visits('samordnare.falun')).toBe(before);
  });
});

describe('GET /me/start: refusals', () => {
  it('answers 401 without a session', async () => {
    const res = await t.agent().get(URL);
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 for a bad query and records nothing', async () => {
    const id = await userId('chef.falun');
    await queryRows(t.db, sql`delete from start_visits where user_id = ${id}`);
    const res = await manager.get(`${URL}?peek=maybe`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await visits('chef.falun')).toBe(0);
  });
});
