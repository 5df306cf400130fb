import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { multipartFile } from '../support/multipart.ts';
import type { Agent } from '../support/test-app.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const ids = {} as Record<'falun' | 'borlange' | 'norr' | 'soder', string>;
const orgId = async (name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

function upload(a: Agent, organisationId: string, content: Buffer, mode: 'preview' | 'commit' = 'preview') {
  const { payload, headers } = multipartFile('file', 'personal.csv', content);
  return a.request({
    method: 'POST',
    url: `/api/v1/imports/staff?organisationId=${organisationId}&mode=${mode}`,
    payload,
    headers,
  });
}

async function waitForDone(a: Agent, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await a.get(`/api/v1/imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const swedishExcel = [
  'E-post;Namn;Enhet;Roll;Språk;Kön',
  'karin.ostlund@falun.se;Karin Östlund;Hemtjänsten Söder;medarbetare;sv;kvinna',
  'ake.angstrom@falun.se;Åke Ängström;;enhetschef;;man',
  'inte-en-adress;Fel Persson;;;;',
  'okand@falun.se;Okänd Enhet;Hemtjänsten Väst;;;',
  ';Utan Epost;;;;',
  'KARIN.OSTLUND@falun.se;Dubblett;;;;',
  'samordnare@falun.se;Vill Bli Chef;;kommunsamordnare;;',
].join('\r\n');

beforeAll(async () => {
  t = await createTestApp();
  ids.falun = await orgId('Falun', 'municipality');
  ids.borlange = await orgId('Borlänge', 'municipality');
  ids.norr = await orgId('Hemtjänsten Norr', 'unit');
  ids.soder = await orgId('Hemtjänsten Söder', 'unit');
});
afterAll(() => t.close());

describe('staff CSV import', () => {
  it('previews a Windows-1252 semicolon file per row without writing any person', async () => {
    const a = await t.as('samordnare.falun');
    const before = [await count('users'), await count('memberships')];
    const res = await upload(a, ids.falun, iconv.encode(swedishExcel, 'win1252'));
    expect(res.statusCode).toBe(200);
    const job = res.json();
    expect(job).toMatchObject({
      status: 'preview',
      encoding: 'windows-1252',
      delimiter: ';',
      total: 7,
      created: 2,
      failed: 5,
    });
    expect(job.rows[0]).toMatchObject({
      line: 2,
      name: 'Karin Östlund',
      unit: 'Hemtjänsten Söder',
      outcome: 'create',
    });
    const errors = Object.fromEntries(
      job.rows
        .filter((r: { outcome: string }) => r.outcome === 'error')
        .map((r: { line: number; errors: { code: string }[] }) => [r.line, r.errors.map((e) => e.code)]),
    );
    expect(errors).toEqual({
      4: ['invalid_email'],
      5: ['unknown_unit'],
      6: ['required'],
      7: ['duplicate_in_file'],
      8: ['role_not_allowed'],
    });
    expect(job.rows[2].errors[0].message).toBe('Kolumnen ”E-post”: Ange en giltig e-postadress.');
    expect([await count('users'), await count('memberships')]).toEqual(before);
  });

  it('imports only the good rows on confirmation, with progress, invitations and audit, and is idempotent', async () => {
    const a = await t.as('samordnare.falun');
    const preview = (await upload(a, ids.falun, iconv.encode(swedishExcel, 'win1252'))).json();
    const started = await a.post(`/api/v1/imports/${preview.id}/commit`, {});
    expect(started.statusCode).toBe(202);
    const done = await waitForDone(a, preview.id);
    expect(done).toMatchObject({ status: 'done', processed: 7, total: 7, created: 2 });
    expect(done.rows).toHaveLength(5); // only the rows that were not imported
    const people = await queryRows<{
      name: string;
      status: string;
      org: string;
      role: string;
      gender: string;
    }>(
      t.db,
      sql`select u.name, u.status, o.name as org, m.role, u.gender from users u
          join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
          where u.email in ('karin.ostlund@falun.se', 'ake.angstrom@falun.se') order by u.name`,
    );
    expect(people).toEqual([
      { name: 'Karin Östlund', status: 'invited', org: 'Hemtjänsten Söder', role: 'staff', gender: 'woman' },
      { name: 'Åke Ängström', status: 'invited', org: 'Falun', role: 'manager', gender: 'man' },
    ]);
    const mails = await queryRows<{ to: string }>(
      t.db,
      sql`select "to" from outbox where "to" like '%@falun.se'`,
    );
    expect(mails.map((m) => m.to).sort()).toEqual(['ake.angstrom@falun.se', 'karin.ostlund@falun.se']);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'import.batch'`,
    );
    expect(audit[0]!.n).toBe(1);
    expect((await a.post(`/api/v1/imports/${preview.id}/commit`, {})).statusCode).toBe(409);

    const again = (await upload(a, ids.falun, iconv.encode(swedishExcel, 'win1252'))).json();
    expect(again).toMatchObject({ created: 0, unchanged: 2, failed: 5 });
    const before = await count('users');
    await a.post(`/api/v1/imports/${again.id}/commit`, {});
    await waitForDone(a, again.id);
    expect(await count('users')).toBe(before);
  });

  it('reads a comma-separated UTF-8 file with BOM and quoted fields, into a unit', async () => {
    const a = await t.as('samordnare.falun');
    const text =
      '\uFEFFemail,name,role\n"lisa.berg@falun.se","Berg, Lisa ""Lis""",manager\nper.holm@falun.se,Per Holm,\n';
    const res = await upload(a, ids.norr, Buffer.from(text, 'utf8'), 'commit');
    expect(res.statusCode).toBe(202);
    const done = await waitForDone(a, res.json().id);
    expect(done).toMatchObject({ status: 'done', encoding: 'utf-8', delimiter: ',', created: 2 });
    const [lisa] = await queryRows<{ name: string }>(
      t.db,
      sql`select name from users where email = 'lisa.berg@falun.se'`,
    );
    expect(lisa!.name).toBe('Berg, Lisa "Lis"');
  });

  it('adds a role to a person who already has an account, without changing their own profile', async () => {
    const a = await t.as('samordnare.falun');
    const text = 'e-post;namn;enhet\nfatima.ali@demo.valfardsnavet.se;Helt Annat Namn;Hemtjänsten Söder\n';
    const preview = (await upload(a, ids.falun, Buffer.from(text))).json();
    expect(preview.rows[0].outcome).toBe('update');
    await a.post(`/api/v1/imports/${preview.id}/commit`, {});
    await waitForDone(a, preview.id);
    const rows = await queryRows<{ name: string; org: string }>(
      t.db,
      sql`select u.name, o.name as org from users u join memberships m on m.user_id = u.id
          join organisations o on o.id = m.organisation_id where u.email = 'fatima.ali@demo.valfardsnavet.se' order by o.name`,
    );
    expect(rows).toEqual([
      { name: 'Fatima Ali', org: 'Hemtjänsten Norr' },
      { name: 'Fatima Ali', org: 'Hemtjänsten Söder' },
    ]);
  });

  it('refuses other municipalities, managers and staff, and hides their jobs', async () => {
    const falun = await t.as('samordnare.falun');
    const csv = Buffer.from('e-post;namn\nx.y@z.se;X Y\n');
    expect((await upload(falun, ids.borlange, csv)).statusCode).toBe(403);
    expect((await upload(await t.as('chef.falun'), ids.norr, csv)).statusCode).toBe(403);
    expect((await upload(await t.as('personal.falun'), ids.norr, csv)).statusCode).toBe(403);
    const job = (await upload(falun, ids.falun, csv)).json();
    const borlange = await t.as('samordnare.borlange');
    expect((await borlange.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    expect((await borlange.post(`/api/v1/imports/${job.id}/commit`, {})).statusCode).toBe(404);
  });

  it('rejects missing files, missing columns, unreadable files and files without valid rows', async () => {
    const a = await t.as('samordnare.falun');
    const noFile = await a.post(`/api/v1/imports/staff?organisationId=${ids.falun}`, {});
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('file_required');
    const columns = await upload(a, ids.falun, Buffer.from('förnamn;efternamn\nA;B\n'));
    expect(columns.json().code).toBe('csv_missing_columns');
    const broken = await upload(a, ids.falun, Buffer.from('e-post;namn\n"unterminated;x\n'));
    expect(broken.json().code).toBe('csv_unreadable');
    const allBad = (await upload(a, ids.falun, Buffer.from('e-post;namn\nnope;X\n'))).json();
    const commit = await a.post(`/api/v1/imports/${allBad.id}/commit`, {});
    expect(commit.statusCode).toBe(400);
    expect(commit.json().code).toBe('import_has_no_valid_rows');
    expect((await upload(a, 'not-a-uuid', Buffer.from('e-post;namn\n'))).statusCode).toBe(400);
  });

  it('imports 5,000 rows in batches with progress reaching the total', async () => {
    const a = await t.as('samordnare.falun');
    const lines = ['e-post;namn;enhet'];
    for (let i = 0; i < 5000; i++)
      lines.push(`person${i}@stor.falun.se;Person Nummer ${i};Hemtjänsten Söder`);
    const res = await upload(a, ids.falun, Buffer.from(lines.join('\n')), 'commit');
    expect(res.statusCode).toBe(202);
    const done = await waitForDone(a, res.json().id);
    expect(done).toMatchObject({ status: 'done', processed: 5000, total: 5000, failed: 0 });
    const n = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from users where email like '%@stor.falun.se'`,
    );
    expect(n[0]!.n).toBe(5000);
  });
});
