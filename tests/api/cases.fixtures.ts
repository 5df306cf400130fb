import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/server/db/client.ts';
import type { Agent, TestApp } from '../support/test-app.ts';

/** Shared set-up of the case (kunskapsbank) tests. */

export const count = async (t: TestApp, table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

export const CASE_TABLES = [
  'cases',
  'case_technologies',
  'case_indicators',
  'case_attachments',
  'audit_log',
  'outbox',
];

export async function counts(t: TestApp) {
  return Object.fromEntries(
    await Promise.all(CASE_TABLES.map(async (table) => [table, await count(t, table)])),
  );
}

export const caseBody = (extra: Record<string, unknown> = {}) => ({
  municipalityCode: '2080',
  title: 'Nattillsyn med kamera i Hemtjänsten Söder',
  summary: 'Hemtjänsten Söder prövade digital nattillsyn för brukare som ville sova ostört.',
  context: 'Mellanstor kommun, hemtjänst i egen regi.',
  sizeBand: '50k_100k',
  serviceArea: 'home_care',
  phaseReached: 'try_out',
  whatWasDone: 'Test under tre månader med tolv brukare.',
  results: 'Färre väckta brukare.',
  lessons: 'Informera anhöriga tidigt.',
  costs: 'Hyrd utrustning.',
  costSek: 120000,
  technologyKeys: ['digital-night-supervision'],
  contactName: 'Testa Testsson',
  contactTitle: 'Verksamhetsutvecklare',
  contactEmail: 'testa.testsson@falun.example.se',
  contactPhone: '070-123 45 67',
  contactConsent: true,
  ...extra,
});

export const put = (a: Agent, url: string, payload: unknown) =>
  a.request({ method: 'PUT', url, payload: payload as object });

/** The demo cases by title fragment, whatever their status. */
export async function demoCaseId(t: TestApp, titleStart: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from cases where title like ${`${titleStart}%`} order by created_at limit 1`,
  );
  if (!row) throw new Error(`no demo case ${titleStart}`);
  return row.id;
}

/** Creates a draft as `author`, submits it and lets `reviewer` publish it; returns its id. */
export async function publishedCase(author: Agent, reviewer: Agent, body: Record<string, unknown>) {
  const created = await author.post('/api/v1/cases', body);
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json().id as string;
  await author.post(`/api/v1/cases/${id}/submit`);
  const published = await reviewer.post(`/api/v1/cases/${id}/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
  return id;
}

/** multipart/form-data with one `file` part. */
export function fileForm(name: string, content: Buffer, type = 'application/pdf') {
  const boundary = `----vn${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const upload = (a: Agent, caseId: string, name: string, content: Buffer, type?: string) =>
  a.request({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments`, ...fileForm(name, content, type) });
