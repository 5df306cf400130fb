import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/server/cli/create-admin.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('cli create-admin', () => {
  it('creates a national administrator who can log in and read the audit log', async () => {
    const result = await createAdmin(t.db, {
      email: 'Driftchef@Kommun.se',
      name: 'Drift Chef',
      password: 'ett långt adminlösenord',
    });
    expect(result).toEqual({ created: true, email: 'driftchef@kommun.se' });
    const a = t.agent();
    expect((await a.login('driftchef@kommun.se', 'ett långt adminlösenord')).statusCode).toBe(200);
    expect((await a.get('/api/v1/audit')).statusCode).toBe(200);
  });

  it('refuses a weak password and writes nothing', async () => {
    await expect(
      createAdmin(t.db, { email: 'svag@kommun.se', name: 'Svag', password: 'kort' }),
    ).rejects.toThrow(/12 characters/);
    const rows = await queryRows(t.db, sql`select id from users where email = 'svag@kommun.se'`);
    expect(rows).toHaveLength(0);
  });
});
