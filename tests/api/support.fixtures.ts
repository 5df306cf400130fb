import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { Agent, TestApp } from '../support/test-app.ts';

/** Shared by the support offers and support requests tests (issue 17). */

export const expectProblem = (
  res: { statusCode: number; json(): { code: string; errors?: { path: string; code: string }[] } },
  status: number,
  code: string,
  path?: string,
) => {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.json().code).toBe(code);
  if (path) expect(res.json().errors?.map((e) => e.path)).toContain(path);
};

const TABLES = [
  'support_offers',
  'support_requests',
  'support_request_events',
  'support_request_technologies',
  'support_request_attachments',
  'outbox',
  'audit_log',
];

/** Row counts of every table a support write touches: a refused write leaves them all as they were. */
export async function supportCounts(t: TestApp) {
  return Object.fromEntries(
    await Promise.all(
      TABLES.map(async (table) => {
        const [row] = await queryRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from ${sql.raw(table)}`,
        );
        return [table, row!.n] as const;
      }),
    ),
  );
}

export async function orgId(t: TestApp, kind: string, code: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = ${kind} and code = ${code}`,
  );
  return row!.id;
}

export async function associationId(t: TestApp, name: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = 'association' and name = ${name}`,
  );
  return row!.id;
}

export async function outboxTo(t: TestApp, local: string, subjectLike: string) {
  return queryRows<{ subject: string; text: string }>(
    t.db,
    sql`select subject, text from outbox where "to" like ${`${local}@%`} and subject like ${subjectLike}
        order by created_at`,
  );
}

export const put = (a: Agent, url: string, payload: Record<string, unknown>) =>
  a.request({ method: 'PUT', url, payload });

export const offerBody = (providerOrganisationId: string, extra: Record<string, unknown> = {}) => ({
  providerOrganisationId,
  title: 'Stöd i upphandling av larm',
  description: 'Vi hjälper er att skriva krav och planera en samordnad upphandling.',
  kind: 'procurement_help',
  need: 'upphandlingsstod',
  responseDays: 5,
  ...extra,
});
