import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DALARNA_STEERING_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import { swedishToday } from '../../src/server/features/action-plans/plan-history.ts';
import type { SteeringReport } from '../../src/shared/contracts/steering-reports.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The report's editor saves the changed sections together as the person writes (issue 16). Two people
 * writing: a save whose base is stale for any of its sections is refused as a whole with 409, naming
 * every stale section, and writes nothing — not even the sections that were not stale.
 */

let t: TestApp;
let region: Agent;
let colleague: Agent;
let reportId: string;
const URL = '/api/v1/reports/steering-group';

const put = (agent: Agent, payload: unknown) =>
  agent.request({ method: 'PUT', url: `${URL}/${reportId}/narrative`, payload: payload as object });
const narrative = async () =>
  Object.fromEntries(
    ((await region.get(`${URL}/${reportId}`)).json() as SteeringReport).sections.map((s) => [
      s.key,
      s.narrative,
    ]),
  );
const audits = async () =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${reportId}`,
    )
  )[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  // Two coordinators of the same region: the demo's and a second session of the same person stand for
  // two people (the rule looks at the texts, not at who wrote them).
  [region, colleague] = await Promise.all([t.as('region.dalarna'), t.as('region.dalarna')]);
  const [dalarna] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = 'region' and code = '20'`,
  );
  const [group] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from networks where name = ${DALARNA_STEERING_GROUP}`,
  );
  const to = swedishToday(new Date());
  const created = await region.post(URL, {
    organisationId: dalarna!.id,
    networkId: group!.id,
    from: swedishToday(new Date(Date.now() - 90 * 86_400_000)),
    to,
  });
  reportId = created.json().id;
});
afterAll(() => t.close());

describe('autosaving a steering report’s narrative', () => {
  it('saves several changed sections in one request, audited once with before and after', async () => {
    const before = await audits();
    const res = await put(region, {
      sections: { background: 'Bakgrunden.', mission: 'Uppdraget.' },
      base: { background: '', mission: '' },
    });
    expect(res.statusCode).toBe(200);
    expect(await narrative()).toMatchObject({
      background: 'Bakgrunden.',
      mission: 'Uppdraget.',
      nextSteps: '',
    });
    expect(await audits()).toBe(before + 1);
    const [entry] = await queryRows<{ before: unknown; after: unknown }>(
      t.db,
      sql`select before, after from audit_log where entity_id = ${reportId} order by id desc limit 1`,
    );
    expect(entry).toEqual({
      before: { background: '', mission: '' },
      after: { background: 'Bakgrunden.', mission: 'Uppdraget.' },
    });
  });

  it('lets two people write different sections without disturbing each other', async () => {
    expect(
      (await put(colleague, { sections: { nextSteps: 'Nästa steg.' }, base: { nextSteps: '' } })).statusCode,
    ).toBe(200);
    const mine = await put(region, {
      sections: { background: 'Bakgrunden, längre.' },
      base: { background: 'Bakgrunden.' },
    });
    expect(mine.statusCode).toBe(200);
    expect(await narrative()).toMatchObject({ background: 'Bakgrunden, längre.', nextSteps: 'Nästa steg.' });
  });

  it('refuses a save with any stale section as a whole: 409 naming each stale section, nothing written', async () => {
    const before = [await narrative(), await audits()];
    // The colleague changed "background" and "nextSteps" after this person last saw them.
    const res = await put(region, {
      sections: { background: 'Min bakgrund.', nextSteps: 'Mina steg.', mission: 'Mitt uppdrag.' },
      base: { background: 'Bakgrunden.', nextSteps: '', mission: 'Uppdraget.' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('narrative_conflict');
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.sections.background', 'body.sections.nextSteps']);
    expect([await narrative(), await audits()]).toEqual(before);
  });

  it('saves over the other text once the writer has seen it (base = the text now stored)', async () => {
    const res = await put(region, {
      sections: { background: 'Min bakgrund.' },
      base: { background: 'Bakgrunden, längre.' },
    });
    expect(res.statusCode).toBe(200);
    expect((await narrative()).background).toBe('Min bakgrund.');
  });

  it('refuses other organisations and other roles (404, the report does not exist to them)', async () => {
    const before = [await narrative(), await audits()];
    for (const user of ['samordnare.falun', 'personal.falun', 'samordnare.akademinorr', 'chef.falun']) {
      const agent = await t.as(user);
      const res = await put(agent, {
        sections: { background: 'Intrång.' },
        base: { background: 'Min bakgrund.' },
      });
      expect(res.statusCode, user).toBe(404);
    }
    expect([await narrative(), await audits()]).toEqual(before);
  });

  it('refuses bad input with a clear 400 naming the field, nothing written', async () => {
    const before = [await narrative(), await audits()];
    for (const [payload, path] of [
      [{ sections: { background: 'x'.repeat(20_001) } }, 'body.sections.background'],
      [{ sections: { background: 'x' }, base: { background: 7 } }, 'body.base.background'],
      [{ sections: { unknown: 'x' } }, 'body.sections'],
      [{ sections: {} }, 'body.sections'],
    ] as const) {
      const res = await put(region, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const bad = await region.request({
      method: 'PUT',
      url: `${URL}/not-a-uuid/narrative`,
      payload: { sections: { background: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
    expect([await narrative(), await audits()]).toEqual(before);
  });
});
