import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/server/db/client.ts';
import { NOT_PERSONAL, personalData } from '../../src/server/db/personal-data.ts';
import { erasePersonalData } from '../../src/server/db/personal-data-run.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * Column names that usually hold a person's id, name or address, or say who did something. A column
 * that matches (or references users by foreign key) must be in the register or in NOT_PERSONAL.
 */
const LOOKS_PERSONAL =
  /(^|_)(user_id|users?|email|e_mail|mail|actor|responsible|recipient|contact|to_address|address|reply_to|phone|person|learner|author|owner_user)(_|$)|_by$|name|^to$/;

async function columnsOf(db: Db) {
  return queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.table_name not like '%drizzle%'`,
  );
}

/** Every column that looks personal or references users(id), and is in neither list. */
async function unlistedPersonalColumns(db: Db) {
  const references = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select cl.relname as table_name, a.attname as column_name
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = (
          select oid from pg_class where relname = 'users' and relnamespace = current_schema()::regnamespace)`,
  );
  const referencing = new Set(references.map((r) => `${r.table_name}.${r.column_name}`));
  const listed = new Set(personalData.flatMap((e) => e.columns.map((c) => `${e.table}.${c}`)));
  return (await columnsOf(db))
    .map((c) => `${c.table_name}.${c.column_name}`)
    .filter((c) => LOOKS_PERSONAL.test(c.split('.')[1]!) || referencing.has(c))
    .filter((c) => !listed.has(c) && !(c in NOT_PERSONAL))
    .sort();
}

describe('the register of personal data', () => {
  it('lists every column that looks personal or references a user, or says why it is not personal', async () => {
    expect(await unlistedPersonalColumns(t.db)).toEqual([]);
  });

  it('fails as soon as someone adds a personal column without listing it', async () => {
    await t.db.execute(sql`alter table outbox add column recipient_name text`);
    await t.db.execute(sql`alter table needs add column reviewer uuid references users(id)`);
    try {
      expect(await unlistedPersonalColumns(t.db)).toEqual(['needs.reviewer', 'outbox.recipient_name']);
    } finally {
      await t.db.execute(sql`alter table outbox drop column recipient_name`);
      await t.db.execute(sql`alter table needs drop column reviewer`);
    }
  });

  it('names only tables and columns that exist, each entry once', async () => {
    const live = new Set((await columnsOf(t.db)).map((c) => `${c.table_name}.${c.column_name}`));
    const named = personalData.flatMap((e) =>
      [
        ...e.columns,
        ...e.show,
        ...e.tiedBy.flatMap((tie) =>
          Object.entries(tie).flatMap(([k, v]) => (k !== 'path' && typeof v === 'string' ? [v] : [])),
        ),
        ...('set' in e.erase ? Object.keys(e.erase.set) : []),
      ].map((c) => `${e.table}.${c}`),
    );
    const missing = [...new Set(named)].filter((c) => !live.has(c)).sort();
    expect(missing).toEqual([]);
    expect(Object.keys(NOT_PERSONAL).filter((c) => !live.has(c))).toEqual([]);
    const keys = personalData.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(personalData.every((e) => e.show.length > 0 && e.columns.length > 0)).toBe(true);
  });

  it('scrubs a name with hyphens, apostrophes and brackets as a whole word, and nothing else', async () => {
    const texts = [
      'Hej Anna-Lena (Lii) O’Brien, skriv till a.b+c@example.se!',
      '{"who": "anna-lena (lii) o’brien"}',
      'Linköping och Lin-Annas grupp',
    ];
    const ids: string[] = [];
    for (const text of texts) {
      const [row] = await queryRows<{ id: string }>(
        t.db,
        sql`insert into outbox ("to", subject, text, transport) values ('x@example.se', 'Test', ${text}, 'outbox') returning id`,
      );
      ids.push(row!.id);
    }
    await t.db.transaction(async (tx) => {
      await erasePersonalData(tx, {
        id: randomUUID(),
        email: 'A.B+C@example.se',
        name: 'Anna-Lena (Lii) O’Brien',
      });
      await erasePersonalData(tx, { id: randomUUID(), email: 'lin@example.se', name: 'Lin' });
    });
    const after = await queryRows<{ text: string }>(
      t.db,
      sql`select text from outbox where id in (${sql.join(ids, sql`, `)}) order by created_at, id`,
    );
    expect(after.map((r) => r.text).sort()).toEqual(
      [
        'Hej Borttagen person, skriv till borttagen@invalid!',
        '{"who": "Borttagen person"}',
        'Linköping och Borttagen person-Annas grupp',
      ].sort(),
    );
  });

  it('clears a contact named like the person only when no other address says it is someone else', async () => {
    const cases = await queryRows<{ id: string }>(t.db, sql`select id from cases order by id limit 2`);
    const [namesake, unaddressed] = cases.map((c) => c.id);
    await t.db.execute(sql`update cases set contact_name = 'Namne Personsson', contact_email = 'namne@annan.example.se'
        where id = ${namesake}`);
    await t.db.execute(
      sql`update cases set contact_name = ' namne personsson', contact_email = null where id = ${unaddressed}`,
    );
    await t.db.transaction((tx) =>
      erasePersonalData(tx, { id: randomUUID(), email: 'namne@example.se', name: 'Namne Personsson' }),
    );
    const after = await queryRows<{ id: string; contact_name: string | null }>(
      t.db,
      sql`select id, contact_name from cases where id in (${namesake}, ${unaddressed})`,
    );
    expect(Object.fromEntries(after.map((c) => [c.id, c.contact_name]))).toEqual({
      [namesake!]: 'Namne Personsson',
      [unaddressed!]: null,
    });
  });
});
