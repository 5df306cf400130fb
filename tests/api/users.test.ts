import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const userId = async (local: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from users where email = ${demoEmail(local)}`))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('DELETE /users/{id} (erasure)', () => {
  it('anonymises the person, ends their sessions and scrubs their audit entries', async () => {
    const victim = await t.as('jonas.oberg');
    await victim.patch('/api/v1/me', { gender: 'man' });
    const id = await userId('jonas.oberg');
    const admin = await t.as('admin');
    const res = await admin.delete(`/api/v1/users/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ erased: true, membershipsRemoved: 1 });
    expect((await victim.get('/api/v1/me')).statusCode).toBe(401);
    const [row] = await queryRows<{ name: string; email: string; gender: string | null }>(
      t.db,
      sql`select name, email, gender from users where id = ${id}`,
    );
    expect(row).toEqual({ name: 'Borttagen person', email: `erased-${id}@invalid`, gender: null });
    const leaks = await queryRows(
      t.db,
      sql`select id from audit_log where (before::text like '%Öberg%' or after::text like '%Öberg%' or after::text like '%jonas%')`,
    );
    expect(leaks).toEqual([]);
    expect((await admin.delete(`/api/v1/users/${id}`)).statusCode).toBe(404);
  });

  it('removes the person as the contact of the cases that named them', async () => {
    const [c] = await queryRows<{ id: string }>(t.db, sql`select id from cases limit 1`);
    await t.db.execute(
      sql`update cases set contact_name = 'Erik Wallin', contact_email = ${demoEmail('erik.wallin').toUpperCase()},
          contact_phone = '070-000 00 00', contact_consent = true where id = ${c!.id}`,
    );
    const res = await (await t.as('admin')).delete(`/api/v1/users/${await userId('erik.wallin')}`);
    expect(res.json()).toMatchObject({ erased: true, caseContactsRemoved: 1 });
    const [after] = await queryRows(
      t.db,
      sql`select contact_name, contact_email, contact_phone, contact_consent from cases where id = ${c!.id}`,
    );
    expect(after).toEqual({
      contact_name: null,
      contact_email: null,
      contact_phone: null,
      contact_consent: false,
    });
  });

  it('is refused to everyone but national administrators, and changes nothing', async () => {
    const id = await userId('lina.persson');
    for (const who of ['region.dalarna', 'samordnare.falun', 'chef.falun', 'personal.falun']) {
      expect((await (await t.as(who)).delete(`/api/v1/users/${id}`)).statusCode).toBe(403);
    }
    const [row] = await queryRows<{ name: string }>(t.db, sql`select name from users where id = ${id}`);
    expect(row!.name).toBe('Lina Persson');
  });

  it('rejects a malformed id and refuses to erase oneself', async () => {
    const admin = await t.as('admin');
    expect((await admin.delete('/api/v1/users/123')).statusCode).toBe(400);
    expect((await admin.delete(`/api/v1/users/${await userId('admin')}`)).statusCode).toBe(409);
  });
});
