import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * The Falun coordinator imports staff from a CSV file as Excel saves it with Swedish settings
 * (Windows-1252, semicolons, CRLF): preview with per-row errors, confirm, progress, summary, the new
 * people in the members list, and an idempotent second import of the same file.
 */

let e: E2E;
let dir: string;
let csvPath: string;

/** Line numbers count the header as line 1. Lines 5 (e-mail and role) and 6 (unit) are broken. */
const csv = [
  'E-post;Namn;Enhet;Roll;Språk;Kön',
  'asa.ohman@falun.example.se;Åsa Öhman;Hemtjänsten Söder;medarbetare;sv;kvinna',
  'bjorn.angstrom@falun.example.se;Björn Ångström;Hemtjänsten Söder;medarbetare;sv;man',
  'gota.lof@falun.example.se;Göta Löf;Hemtjänsten Söder;enhetschef;sv;',
  'orjan.ek.falun.example.se;Örjan Ek;Hemtjänsten Söder;undersköterska;sv;man',
  'kare.svard@falun.example.se;Kåre Svärd;Hemtjänsten Väster;medarbetare;en;',
  'marten.hagg@falun.example.se;Mårten Hägg;Hemtjänsten Söder;;en;annat',
].join('\r\n');

const imported = ['Åsa Öhman', 'Björn Ångström', 'Göta Löf', 'Mårten Hägg'];

beforeAll(async () => {
  e = await startE2E();
  dir = await mkdtemp(path.join(tmpdir(), 'valfardsnavet-import-'));
  csvPath = path.join(dir, 'personal-falun.csv');
  const bytes = iconv.encode(`${csv}\r\n`, 'win1252');
  // Really Windows-1252: "å" is the single byte 0xE5, which is not valid UTF-8 on its own.
  expect(bytes.includes(0xe5)).toBe(true);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  await writeFile(csvPath, bytes);
});
afterAll(async () => {
  await e?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const main = (page: Page) => page.getByRole('main');

/** The rows of the per-row result table as {line, outcome, name, unit, errors}. */
async function resultRows(table: Locator) {
  await table.locator('tbody tr').first().waitFor();
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.children].map((c) => (c.textContent ?? '').trim());
      return { line: cells[0], outcome: cells[1], name: cells[3], unit: cells[4], errors: cells[6] };
    }),
  );
}

async function previewFile(page: Page) {
  await main(page).getByLabel('CSV-fil').setInputFiles(csvPath);
  await main(page).getByRole('button', { name: 'Förhandsgranska' }).click();
  await main(page).getByRole('heading', { name: 'Förhandsgranskning' }).waitFor();
}

/** Waits for the import to finish and checks that the progress bar is full. */
async function waitUntilDone(page: Page) {
  await main(page).getByRole('heading', { name: 'Importen är klar' }).waitFor({ timeout: 30_000 });
  const bar = main(page).getByRole('progressbar', { name: 'Importförlopp' });
  const [value, max] = await Promise.all([bar.getAttribute('value'), bar.getAttribute('max')]);
  expect(Number(value), 'progress bar full when the import is done').toBe(Number(max));
  const text = (await main(page).locator('#import-progress-text').textContent()) ?? '';
  const [, processed, total] = /(\d+) av (\d+) rader klara/.exec(text) ?? [];
  expect(processed, `progress text "${text}"`).toBe(total);
}

async function invitationMailsTo(email: string) {
  const rows = await queryRows<{ n: number }>(
    e.t.db,
    sql`select count(*)::int as n from outbox where "to" = ${email}`,
  );
  return rows[0]!.n;
}

describe('importing staff from a Windows-1252 CSV', () => {
  it('previews per-row errors, imports the valid rows, and the people appear in the members list', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await main(page).getByRole('link', { name: 'Importera personal till Falun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera personal till Falun' }).waitFor();
    await main(page).getByRole('table', { name: 'Kolumner som kan finnas i filen' }).waitFor();
    await expectAccessible(page, 'import page');

    // Without a file, the error summary says what to do.
    await main(page).getByRole('button', { name: 'Förhandsgranska' }).click();
    await main(page).getByRole('link', { name: 'Välj en CSV-fil.' }).waitFor();
    await expectAccessible(page, 'import page without a file');

    await previewFile(page);
    await main(page).getByText('Teckenkodning windows-1252, avgränsare ”;”, 6 rader.').waitFor();
    await main(page).getByText('Nya: 4. Uppdateras: 0. Oförändrade: 0. Med fel: 2.').waitFor();
    const rows = await resultRows(main(page).getByRole('table', { name: 'Resultat per rad' }));
    expect(rows.map((r) => [r.line, r.outcome, r.name])).toEqual([
      ['2', 'Ny', 'Åsa Öhman'],
      ['3', 'Ny', 'Björn Ångström'],
      ['4', 'Ny', 'Göta Löf'],
      ['5', 'Fel', 'Örjan Ek'],
      ['6', 'Fel', 'Kåre Svärd'],
      ['7', 'Ny', 'Mårten Hägg'],
    ]);
    expect(rows[0]!.unit).toBe('Hemtjänsten Söder');
    // Each message names the column by the file's header; a choice lists what the import accepts.
    expect(rows[3]!.errors).toContain('Kolumnen ”E-post”: Ange en giltig e-postadress.');
    expect(rows[3]!.errors).toContain(
      'Kolumnen ”Roll”: Okänd roll. Godkända värden: Medarbetare, Enhetschef.',
    );
    expect(rows[4]!.errors).toContain('Kolumnen ”Enhet”: Enheten finns inte i kommunen.');
    expect(rows.filter((r) => r.outcome !== 'Fel').every((r) => r.errors === '')).toBe(true);
    await main(page).getByText('Rader med fel importeras inte.').waitFor();
    await expectAccessible(page, 'import preview with errors');

    // Nothing is written before the user confirms.
    expect(await invitationMailsTo('asa.ohman@falun.example.se')).toBe(0);

    await main(page).getByRole('button', { name: 'Importera 4 giltiga rader' }).click();
    await waitUntilDone(page);
    await main(page)
      .getByRole('status')
      .getByText('4 nya personer, 0 uppdaterade, 0 oförändrade, 2 med fel.')
      .waitFor();
    // After the import, the table lists the rows that were not imported.
    const failed = await resultRows(main(page).getByRole('table', { name: 'Resultat per rad' }));
    expect(failed.map((r) => r.line)).toEqual(['5', '6']);
    await expectAccessible(page, 'import done');

    // Each new person got one invitation e-mail; the broken rows got none.
    expect(await invitationMailsTo('asa.ohman@falun.example.se')).toBe(1);
    expect(await invitationMailsTo('marten.hagg@falun.example.se')).toBe(1);
    expect(await invitationMailsTo('kare.svard@falun.example.se')).toBe(0);

    await main(page).getByRole('link', { name: 'Visa personer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personer i Falun' }).waitFor();
    await main(page).getByLabel('Ta med personer i enheter under').check();
    await main(page).getByRole('button', { name: 'Filtrera' }).click();
    await page.waitForURL(/underliggande=1/);
    const members = main(page).getByRole('table', { name: 'Personer i Falun' });
    for (const name of imported) {
      const row = members.getByRole('row', { name: new RegExp(name) });
      await row.getByRole('link', { name: 'Hemtjänsten Söder' }).waitFor();
      await row.getByText('Inbjuden').waitFor();
    }
    await members
      .getByRole('row', { name: /Göta Löf/ })
      .getByText('Enhetschef')
      .waitFor();
    await members
      .getByRole('row', { name: /Åsa Öhman/ })
      .getByText('Medarbetare')
      .waitFor();
    expect(await members.getByText('Örjan Ek').count()).toBe(0);
    expect(await members.getByText('Kåre Svärd').count()).toBe(0);
    await expectAccessible(page, 'members of Falun after the import');
  });

  it('imports the same file again on a phone and finds everyone unchanged', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await main(page).getByRole('link', { name: 'Importera personal till Falun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera personal till Falun' }).waitFor();
    await expectAccessible(page, 'import page at 360px');

    await previewFile(page);
    await main(page).getByText('Nya: 0. Uppdateras: 0. Oförändrade: 4. Med fel: 2.').waitFor();
    const rows = await resultRows(main(page).getByRole('table', { name: 'Resultat per rad' }));
    expect(rows.map((r) => [r.line, r.outcome])).toEqual([
      ['2', 'Oförändrad'],
      ['3', 'Oförändrad'],
      ['4', 'Oförändrad'],
      ['5', 'Fel'],
      ['6', 'Fel'],
      ['7', 'Oförändrad'],
    ]);
    await expectAccessible(page, 'import preview of the same file at 360px');

    await main(page).getByRole('button', { name: 'Importera 4 giltiga rader' }).click();
    await waitUntilDone(page);
    await main(page)
      .getByRole('status')
      .getByText('0 nya personer, 0 uppdaterade, 4 oförändrade, 2 med fel.')
      .waitFor();
    await expectAccessible(page, 'second import done at 360px');

    // No duplicates and no second invitation.
    const people = await queryRows<{ email: string; n: number }>(
      e.t.db,
      sql`select u.email, count(m.id)::int as n from users u join memberships m on m.user_id = u.id
          where u.email like '%@falun.example.se' group by u.email order by u.email`,
    );
    expect(people).toEqual([
      { email: 'asa.ohman@falun.example.se', n: 1 },
      { email: 'bjorn.angstrom@falun.example.se', n: 1 },
      { email: 'gota.lof@falun.example.se', n: 1 },
      { email: 'marten.hagg@falun.example.se', n: 1 },
    ]);
    expect(await invitationMailsTo('asa.ohman@falun.example.se')).toBe(1);

    // "Importera en fil till" starts over with an empty form.
    await main(page).getByRole('button', { name: 'Importera en fil till' }).click();
    await main(page).getByRole('button', { name: 'Förhandsgranska' }).waitFor();
    expect(await main(page).getByLabel('CSV-fil').inputValue()).toBe('');
    expect(await main(page).getByRole('heading', { name: 'Förhandsgranskning' }).count()).toBe(0);
  });
});
