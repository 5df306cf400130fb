import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { withCheckDigit } from '../../src/shared/contracts/suppliers.ts';
import { multipartFile } from '../support/multipart.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The contract list a municipality keeps in Excel, imported through the shared import pipeline
 * (issue 17): preview per row, confirmation, idempotent re-import, and refusals that write nothing.
 */

let t: TestApp;
let falun: string;
const FALUN = '2080';
const dosfabriken = withCheckDigit('559100003');

const url = (code: string, mode = 'preview') =>
  `/api/v1/municipalities/${code}/contracts/import?mode=${mode}`;

function upload(a: Agent, content: Buffer, code = FALUN, mode: 'preview' | 'commit' = 'preview') {
  const { payload, headers } = multipartFile('file', 'avtal.csv', content);
  return a.request({ method: 'POST', url: url(code, mode), payload, headers });
}

async function waitForDone(a: Agent, id: string) {
  for (let i = 0; i < 400; i++) {
    const job = (await a.get(`/api/v1/imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const count = async (table: string, where = sql`true`) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
    )
  )[0]!.n;

const header =
  'Avtalsnummer;Benämning;Leverantör;Teknik;Upphandlingsform;Ramavtal;Startdatum;Slutdatum;Förlängning;Sista beslutsdatum förlängning;Uppsägningstid (månader);Årligt värde (SEK);Ansvarig;Anteckning';
/** As Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, CRLF, no-break spaces in numbers. */
const swedishExcel = (endOfFirst = '2026-02-28') =>
  iconv.encode(
    [
      header,
      `IMP-001;Trygghetslarm i ordinärt boende;Exempelbolaget Trygghet AB;Digitalt trygghetslarm;Avrop från ramavtal;Adda Trygghetslarm 2022;2024-03-01 00:00;${endOfFirst};2+1+1;2025-09-30;6;1\u00a0250\u00a0000;samordnare.falun@demo.valfardsnavet.se;Öppet för fler enheter`,
      `IMP-002;Läkemedelsautomater;${dosfabriken};"Läkemedelsautomat; Spisvakt";Egen upphandling;;1.9.2023;2025-08-31;+1;;3;480000,00;;`,
    ].join('\r\n'),
    'win1252',
  );

beforeAll(async () => {
  t = await createTestApp();
  [{ id: falun }] = (await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where code = ${FALUN} and kind = 'municipality'`,
  )) as [{ id: string }];
});
afterAll(() => t.close());

const imported = (ref: string) =>
  queryRows<{
    id: string;
    title: string;
    endsOn: string;
    value: number;
    notice: number;
    form: string;
    framework: string | null;
    version: number;
    techs: string[];
    options: string[];
  }>(
    t.db,
    sql`select c.id, c.title, c.ends_on::text as "endsOn", c.annual_value_sek::int as value, c.notice_months as notice,
          c.procurement_form as form, c.framework_name as framework, c.version,
          array(select t.key from contract_technologies ct join technologies t on t.id = ct.technology_id
                where ct.contract_id = c.id order by t.key) as techs,
          array(select e.months || ':' || e.decide_by from contract_extensions e
                where e.contract_id = c.id order by e.position) as options
        from contracts c where c.municipality_id = ${falun} and c.external_ref = ${ref}`,
  );

describe('contract import', () => {
  it('previews a Windows-1252 semicolon file as Swedish Excel saves it, writing nothing', async () => {
    const a = await t.as('samordnare.falun');
    const before = await count('contracts');
    const res = await upload(a, swedishExcel());
    expect(res.statusCode).toBe(200);
    const job = res.json();
    expect(job).toMatchObject({
      kind: 'contracts',
      status: 'preview',
      encoding: 'windows-1252',
      delimiter: ';',
      total: 2,
      created: 2,
      failed: 0,
    });
    expect(job.rows[0].cells).toMatchObject({
      externalRef: 'IMP-001',
      annualValueSek: '1\u00a0250\u00a0000',
      notes: 'Öppet för fler enheter',
    });
    expect(job.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['create', 'create']);
    expect(await count('contracts')).toBe(before);
  });

  it('imports on confirmation, with history and audit, and a re-import of the same file changes nothing', async () => {
    const a = await t.as('samordnare.falun');
    const preview = (await upload(a, swedishExcel())).json();
    const started = await a.post(`/api/v1/imports/${preview.id}/commit`, {});
    expect(started.statusCode).toBe(202);
    const done = await waitForDone(a, preview.id);
    expect(done).toMatchObject({ status: 'done', processed: 2, total: 2, created: 2, failed: 0 });
    const [alarm] = await imported('IMP-001');
    expect(alarm).toMatchObject({
      title: 'Trygghetslarm i ordinärt boende',
      endsOn: '2026-02-28',
      value: 1_250_000,
      notice: 6,
      form: 'framework_call_off',
      framework: 'Adda Trygghetslarm 2022',
      techs: ['digital-safety-alarm'],
      // "2+1+1" on a two-year contract: two options of a year; the second decided a year after the first.
      options: ['12:2025-09-30', '12:2026-09-30'],
    });
    const [dispenser] = await imported('IMP-002');
    expect(dispenser).toMatchObject({
      value: 480_000,
      form: 'own',
      techs: ['medication-dispenser', 'stove-guard'],
      // No decision date: the end it extends less the notice period.
      options: ['12:2025-05-31'],
    });
    expect(await count('contract_history', sql`contract_id = ${alarm!.id} and action = 'imported'`)).toBe(1);
    expect(await count('audit_log', sql`action = 'import.batch' and entity_id = ${preview.id}`)).toBe(1);

    const history = await count('contract_history');
    const again = (await upload(a, swedishExcel())).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    await a.post(`/api/v1/imports/${again.id}/commit`, {});
    expect(await waitForDone(a, again.id)).toMatchObject({ status: 'done', processed: 2 });
    expect(await count('contract_history')).toBe(history);
    expect((await imported('IMP-001'))[0]!.version).toBe(alarm!.version);
  });

  it('updates the contract whose end date changed, and only that one', async () => {
    const a = await t.as('samordnare.falun');
    await waitForDone(a, (await upload(a, swedishExcel(), FALUN, 'commit')).json().id);
    const [before] = await imported('IMP-001');
    const preview = (await upload(a, swedishExcel('2026-06-30'))).json();
    expect(preview.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['update', 'unchanged']);
    await a.post(`/api/v1/imports/${preview.id}/commit`, {});
    await waitForDone(a, preview.id);
    const [after] = await imported('IMP-001');
    expect(after).toMatchObject({ endsOn: '2026-06-30', version: before!.version + 1 });
  });

  it('names the column of each bad row, in the file’s own words, and writes none of them', async () => {
    const a = await t.as('samordnare.falun');
    const before = [await count('contracts'), await count('contract_history')];
    const file = [
      'Avtalsnr;Avtal;Leverantör;Teknik;Upphandlingsform;Startdatum;Slutdatum;Årligt värde;Ansvarig',
      'BAD-1;Okänd;Finns Inte AB;Digitalt trygghetslarm;Egen upphandling;2024-01-01;2025-12-31;100;',
      'BAD-2;Baklänges;Exempelbolaget Trygghet AB;;Egen upphandling;2025-01-01;2024-12-31;;',
      'BAD-3;Fel teknik;Exempelbolaget Trygghet AB;Tankeläsare;Auktion;31/12/2024x;2025-12-31;-5;',
      'BAD-4;Fel nummer;559100-0000;;Direktupphandling;2024-01-01;2025-12-31;;okand@falun.se',
    ].join('\n');
    const job = (await upload(a, Buffer.from(file, 'utf8'))).json();
    expect(job).toMatchObject({ total: 4, failed: 4 });
    const errors = Object.fromEntries(
      job.rows.map((r: { cells: { externalRef: string }; errors: { column: string; code: string }[] }) => [
        r.cells.externalRef,
        r.errors.map((e) => `${e.column}:${e.code}`),
      ]),
    );
    expect(errors).toEqual({
      'BAD-1': ['supplier:unknown_supplier'],
      'BAD-2': ['endsOn:ends_before_start'],
      'BAD-3': [
        'startsOn:invalid_date',
        'procurementForm:unknown_procurement_form',
        'technologies:unknown_technology',
      ],
      'BAD-4': ['supplier:org_number_check_digit', 'responsible:unknown_responsible'],
    });
    const bad3 = job.rows[2].errors as { column: string; message: string; header: string }[];
    expect(bad3.find((e) => e.column === 'procurementForm')!.message).toBe(
      'Kolumnen ”Upphandlingsform”: Okänd upphandlingsform. Godkända värden: Egen upphandling, Samordnad upphandling, Avrop från ramavtal, Direktupphandling.',
    );
    expect(job.rows[1].errors[0].message).toBe(
      'Kolumnen ”Slutdatum”: Slutdatum kan inte ligga före startdatum.',
    );
    const commit = await a.post(`/api/v1/imports/${job.id}/commit`, {});
    expect(commit.statusCode).toBe(400);
    expect(commit.json().code).toBe('import_has_no_valid_rows');
    expect([await count('contracts'), await count('contract_history')]).toEqual(before);
  });

  it('refuses a file with the same contract number twice: 422 naming the lines and the column', async () => {
    const a = await t.as('samordnare.falun');
    const jobs = await count('import_jobs');
    const file = [
      'Avtalsnummer;Benämning;Leverantör;Upphandlingsform;Startdatum;Slutdatum',
      'DUP-1;Ett;Exempelbolaget Trygghet AB;Egen upphandling;2024-01-01;2025-12-31',
      'DUP-2;Två;Exempelbolaget Trygghet AB;Egen upphandling;2024-01-01;2025-12-31',
      'dup-1;Tre;Exempelbolaget Trygghet AB;Egen upphandling;2024-01-01;2025-12-31',
    ].join('\n');
    const res = await upload(a, Buffer.from(file));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('duplicate_contract_ref');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([
      'file.line.2.externalRef',
      'file.line.4.externalRef',
    ]);
    expect(body.detail).toBe('Kolumnen ”Avtalsnummer”: avtalsnumret ”DUP-1” finns på flera rader (2, 4).');
    expect(await count('import_jobs')).toBe(jobs);
  });

  it('reads a UTF-8 file with BOM and commas, and refuses files it cannot read or that lack columns', async () => {
    const a = await t.as('samordnare.falun');
    const utf8 = `\uFEFFAvtalsnummer,Benämning,Leverantör,Teknik,Upphandlingsform,Startdatum,Slutdatum,Årligt värde\nUTF-1,Spisvakter,Exempelbolaget Trygghet AB,"Spisvakt, Digitalt trygghetslarm",Direktupphandling,2024-01-01,2024-12-31,"1 000,50"\n`;
    const job = (await upload(a, Buffer.from(utf8, 'utf8'))).json();
    expect(job).toMatchObject({ encoding: 'utf-8', delimiter: ',', created: 1, failed: 0 });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Avtalsnummer;Benämning\n', 'utf16le'),
    ]);
    const unreadable = await upload(a, utf16);
    expect([unreadable.statusCode, unreadable.json().code]).toEqual([400, 'csv_unreadable']);
    const columns = await upload(a, Buffer.from('Avtalsnummer;Benämning\nX;Y\n'));
    expect([columns.statusCode, columns.json().code]).toEqual([400, 'csv_missing_contract_columns']);
    const empty = await upload(a, Buffer.from(`${header}\n`));
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'import_has_no_valid_rows']);
    const noFile = await a.post(url(FALUN), {});
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'file_required']);
    expect((await upload(a, swedishExcel(), '20x0')).statusCode).toBe(400);
    expect((await upload(a, swedishExcel(), '0000')).statusCode).toBe(404);
  });

  it('lets only the municipality’s own coordinators import, and hides their jobs from others', async () => {
    const file = swedishExcel();
    for (const who of ['personal.falun', 'chef.falun', 'samordnare.borlange', 'region.dalarna', 'admin']) {
      expect((await upload(await t.as(who), file)).statusCode, who).toBe(403);
    }
    const falunCoordinator = await t.as('samordnare.falun');
    const job = (await upload(falunCoordinator, file)).json();
    for (const who of ['samordnare.borlange', 'region.dalarna']) {
      const other = await t.as(who);
      expect((await other.get(`/api/v1/imports/${job.id}`)).statusCode, who).toBe(404);
      expect((await other.post(`/api/v1/imports/${job.id}/commit`, {})).statusCode, who).toBe(404);
    }
    // A staff import's job is not a contract job's way in either: the kinds keep their own rules.
    expect((await (await t.as('chef.falun')).get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
  });
});
