import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { EXPORTS_PER_MINUTE } from '../../src/server/features/me/me.routes.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('PATCH /me', () => {
  it('updates language and gender, audited with before and after', async () => {
    const a = await t.as('lina.persson');
    const res = await a.patch('/api/v1/me', { preferredLanguage: 'en', gender: 'not_stated' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ preferredLanguage: 'en', gender: 'not_stated' });
    const [row] = await queryRows<{
      before: { preferredLanguage: string };
      after: { preferredLanguage: string };
    }>(
      t.db,
      sql`select before, after from audit_log where action = 'user.updated' and entity_id = ${res.json().id}`,
    );
    expect(row!.before.preferredLanguage).toBe('sv');
    expect(row!.after.preferredLanguage).toBe('en');
  });

  it('rejects unknown values and empty updates, writing nothing', async () => {
    const a = await t.as('jonas.oberg');
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`);
    expect((await a.patch('/api/v1/me', { preferredLanguage: 'de' })).statusCode).toBe(400);
    expect((await a.patch('/api/v1/me', { gender: 'unknown' })).statusCode).toBe(400);
    expect((await a.patch('/api/v1/me', {})).statusCode).toBe(400);
    const after = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('exports my personal data', async () => {
    const a = await t.as('fatima.ali');
    const res = await a.get('/api/v1/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.name).toBe('Fatima Ali');
    expect(res.json().sessions.length).toBeGreaterThan(0);
    expect(res.json().caseContacts).toEqual([]);
  });

  it('limits exports to a few a minute per person, without holding back another person', async () => {
    const a = await t.as('chef.falun');
    const codes: number[] = [];
    for (let i = 0; i <= EXPORTS_PER_MINUTE; i++) codes.push((await a.get('/api/v1/me/export')).statusCode);
    expect(codes.slice(0, EXPORTS_PER_MINUTE).every((c) => c === 200)).toBe(true);
    expect(codes[EXPORTS_PER_MINUTE]).toBe(429);
    expect((await (await t.as('samordnare.borlange')).get('/api/v1/me/export')).statusCode).toBe(200);
  });

  it('includes the knowledge-bank cases that name the person as contact', async () => {
    const [c] = await queryRows<{ id: string; title: string }>(
      t.db,
      sql`select id, title from cases limit 1`,
    );
    await t.db.execute(
      sql`update cases set contact_name = 'Noah Eriksson', contact_title = null, contact_phone = null,
          contact_email = ${demoEmail('noah.eriksson')}, contact_consent = false where id = ${c!.id}`,
    );
    const res = await (await t.as('noah.eriksson')).get('/api/v1/me/export');
    expect(res.json().caseContacts).toEqual([
      {
        caseId: c!.id,
        caseTitle: c!.title,
        name: 'Noah Eriksson',
        title: null,
        phone: null,
        shownWithConsent: false,
      },
    ]);
  });
});

describe('POST /auth/password', () => {
  it('changes the password after checking the current one and the policy', async () => {
    const a = await t.as('ulla.aberg');
    const wrong = await a.post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'ett riktigt bra lösenord',
    });
    expect(wrong.json().code).toBe('password_wrong');
    const short = await a.post('/api/v1/auth/password', {
      currentPassword: 'demo-valfard-2026',
      newPassword: 'kort',
    });
    expect(short.json().code).toBe('password_too_short');
    const ok = await a.post('/api/v1/auth/password', {
      currentPassword: 'demo-valfard-2026',
      newPassword: 'ett riktigt bra lösenord',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.agent().login('ulla.aberg@demo.valfardsnavet.se', 'ett riktigt bra lösenord')).statusCode,
    ).toBe(200);
  });
});

describe('GET /audit and /outbox', () => {
  it('lets a national administrator page through the audit log with filters', async () => {
    const coordinator = await t.as('samordnare.falun');
    const falun = (await coordinator.get('/api/v1/municipalities/2080')).json();
    for (const name of ['Enhet A', 'Enhet B', 'Enhet C']) {
      await coordinator.post('/api/v1/organisations', { kind: 'unit', name, parentId: falun.id });
    }
    const admin = await t.as('admin');
    const first = await admin.get('/api/v1/audit?limit=2&action=organisation.created');
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.items).toHaveLength(2);
    expect(body.items[0].actorName).toBe('Maria Sundin');
    expect(body.items[0].after.name).toBe('Enhet C');
    const second = (
      await admin.get(`/api/v1/audit?limit=2&action=organisation.created&cursor=${body.nextCursor}`)
    ).json();
    expect(second.items[0].after.name).toBe('Enhet A');
    expect(second.nextCursor).toBeNull();
  });

  it('refuses the audit log and outbox to everyone but national administrators', async () => {
    for (const who of ['region.dalarna', 'samordnare.falun', 'chef.falun', 'personal.falun']) {
      const a = await t.as(who);
      expect((await a.get('/api/v1/audit')).statusCode).toBe(403);
      expect((await a.get('/api/v1/outbox')).statusCode).toBe(403);
    }
  });

  it('rejects bad filters', async () => {
    const admin = await t.as('admin');
    expect((await admin.get('/api/v1/audit?limit=0')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('shows e-mail kept in the outbox', async () => {
    await t.agent().post('/api/v1/auth/password-reset', { email: 'noah.eriksson@demo.valfardsnavet.se' });
    const admin = await t.as('admin');
    const res = await admin.get('/api/v1/outbox?to=noah.eriksson@demo.valfardsnavet.se');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].subject).toBe('Återställ ditt lösenord i Välfärdsnavet');
    // Without SMTP_URL it is kept here, not sent (ADR 22).
    expect(res.json().items[0]).toMatchObject({ delivery: 'outbox', sentAt: null, error: null });
  });
});

describe('GET /system', () => {
  it('tells anyone whether demo mode is on, with the demo accounts only then', async () => {
    const res = await t.app.inject({ url: '/api/v1/system' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ demo: true, demoPassword: 'demo-valfard-2026' });
    expect(res.json().demoAccounts).toHaveLength(7);
  });
});

describe('health, readiness and OpenAPI', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json().status).toBe('ready');
  });

  it('describes every API route in /api/openapi.json', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/municipalities',
      '/api/v1/organisations/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('serves the API docs page', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});
