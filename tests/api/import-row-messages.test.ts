import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { multipartFile } from '../support/multipart.ts';
import type { Agent } from '../support/test-app.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Row errors of a staff import name the column as the file's own header says it and, for choices,
 * list what the import accepts (issue 16): the codes stay as they were.
 */

let t: TestApp;
let falun: string;

function preview(a: Agent, content: string) {
  const { payload, headers } = multipartFile('file', 'personal.csv', Buffer.from(content, 'utf8'));
  return a.request({
    method: 'POST',
    url: `/api/v1/imports/staff?organisationId=${falun}&mode=preview`,
    payload,
    headers,
  });
}

const file = [
  'Mejl;Fullständigt namn;ROLL;Språk;Kön',
  'a@falun.example.se;Anna A;Sjuksköterska;sv;kvinna',
  'b@falun.example.se;Bo B;Kommunsamordnare;;',
  'c-inte-en-adress;Cecilia C;Enhetschef;finska;okänt',
  'd@falun.example.se;Dan D;staff;English;vill ej ange',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  [{ id: falun }] = (await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where name = 'Falun' and kind = 'municipality'`,
  )) as [{ id: string }];
});
afterAll(() => t.close());

describe('import row messages', () => {
  it('names the column by the header in the file and lists the accepted roles by their Swedish names', async () => {
    const a = await t.as('samordnare.falun');
    const res = await preview(a, file);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as {
      line: number;
      outcome: string;
      errors: { column: string; header: string; code: string; message: string; accepted?: string[] }[];
    }[];
    const [nurse, coordinator, broken, english] = rows;
    expect(nurse!.errors).toEqual([
      {
        column: 'role',
        header: 'ROLL',
        code: 'unknown_role',
        message: 'Kolumnen ”ROLL”: Okänd roll. Godkända värden: Medarbetare, Enhetschef.',
        accepted: ['Medarbetare', 'Enhetschef', 'personal', 'omsorgspersonal', 'staff', 'chef', 'manager'],
      },
    ]);
    expect(coordinator!.errors[0]).toMatchObject({
      code: 'role_not_allowed',
      message: 'Kolumnen ”ROLL”: Rollen kan inte ges vid import. Godkända värden: Medarbetare, Enhetschef.',
    });
    expect(broken!.errors.map((e) => e.message)).toEqual([
      'Kolumnen ”Mejl”: Ange en giltig e-postadress.',
      'Kolumnen ”Språk”: Okänt språk (sv eller en). Godkända värden: svenska, engelska.',
      'Kolumnen ”Kön”: Okänt kön. Godkända värden: kvinna, man, annat, vill ej ange.',
    ]);
    // Free text has no list of accepted values.
    expect(broken!.errors[0]!.accepted).toBeUndefined();
    // The import takes the English keys and names too, case-insensitively.
    expect(english).toMatchObject({ outcome: 'create', errors: [] });
  });

  it('writes the messages in English for an English reader, Swedish names beside the keys', async () => {
    const a = await t.as('samordnare.falun');
    a.cookies.set('vn_lang', 'en');
    const rows = (await preview(a, file)).json().rows;
    expect(rows[0].errors[0].message).toBe(
      'Column “ROLL”: Unknown role. Accepted values: Medarbetare (staff), Enhetschef (manager).',
    );
    expect(rows[2].errors[2].message).toBe(
      'Column “Kön”: Unknown gender. Accepted values: kvinna (woman), man, annat (other), vill ej ange (not stated).',
    );
  });

  it('keeps the messages when the finished job is read again, and writes nobody from an erroneous row', async () => {
    const a = await t.as('samordnare.falun');
    const job = (await preview(a, file)).json();
    const again = (await a.get(`/api/v1/imports/${job.id}`)).json();
    expect(again.rows[0].errors[0].message).toBe(job.rows[0].errors[0].message);
    const people = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from users where email like '%@falun.example.se'`,
    );
    expect(people[0]!.n).toBe(0);
  });
});
