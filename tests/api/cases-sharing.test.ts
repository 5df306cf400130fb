import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../fixtures/document-files.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { caseBody, count, counts, demoCaseId, publishedCase, upload } from './cases.fixtures.ts';

/**
 * Reading and sharing cases (issue 8): the list, search, "who has done this?" and the contact form —
 * and proof that unpublished cases and contacts without consent never leave through any of them.
 */

let t: TestApp;
let falun: Agent;
let region: Agent;
let staff: Agent;
let kramfors: Agent;
let admin: Agent;

/** What must never reach a reader who neither writes nor reviews these cases. */
const SECRETS = [
  'Läkemedelsrobotar hos tio brukare', // Borlänge, submitted
  'Digital nattillsyn i Hemtjänsten Norr', // Falun, draft
  'Eva Nordin', // Borås, published without consent
  'eva.nordin.boras',
  'Hemlig nattillsyn', // Falun, draft written below
  'hemlig.kontakt',
];
const expectNoSecrets = (body: string) => {
  for (const s of SECRETS) expect(body, s).not.toContain(s);
};

beforeAll(async () => {
  t = await createTestApp();
  [falun, region, staff, kramfors, admin] = await Promise.all([
    t.as('samordnare.falun'),
    t.as('region.dalarna'),
    t.as('personal.falun'),
    t.as('samordnare.kramfors'),
    t.as('admin'),
  ]);
  const secret = await falun.post(
    '/api/v1/cases',
    caseBody({
      title: 'Hemlig nattillsyn i utkast',
      contactName: 'Hemlig Kontakt',
      contactEmail: 'hemlig.kontakt@falun.example.se',
    }),
  );
  await upload(falun, secret.json().id, 'bild.png', pngImage());
});
afterAll(() => t.close());

describe('the list', () => {
  it('shows everyone the published cases, model municipalities first, with cursor pages', async () => {
    const first = (await staff.get('/api/v1/cases?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const all = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = (await staff.get(`/api/v1/cases?limit=2&cursor=${cursor}`)).json();
      all.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(all.every((c) => c.status === 'published')).toBe(true);
    expect(all.map((c) => c.municipality.name).sort()).toEqual([
      'Borås',
      'Eskilstuna',
      'Kalmar',
      'Kramfors',
      'Skellefteå',
    ]);
    expect(all.every((c) => c.municipality.isModel && c.isDemo)).toBe(true);
    expect(all.find((c) => c.municipality.name === 'Borås').hasContact).toBe(false);
    expect(all.find((c) => c.municipality.name === 'Kalmar').hasContact).toBe(true);
  });

  it('filters by technology, county, size band, service area and phase', async () => {
    const names = async (q: string) =>
      ((await staff.get(`/api/v1/cases?${q}`)).json().items as { municipality: { name: string } }[])
        .map((c) => c.municipality.name)
        .sort();
    expect(await names('technology=digital-night-supervision')).toEqual(['Borås', 'Kalmar', 'Skellefteå']);
    expect(await names('county=08')).toEqual(['Kalmar']);
    expect(await names('sizeBand=gt100k')).toEqual(['Borås']);
    expect(await names('serviceArea=residential')).toEqual(['Borås']);
    expect(await names('phase=realise')).toEqual(['Eskilstuna', 'Skellefteå']);
    expect(await names('municipality=2282')).toEqual(['Kramfors']);
  });

  it('adds the unpublished cases of the caller’s own and reviewed municipalities', async () => {
    const titles = async (a: Agent) =>
      ((await a.get('/api/v1/cases?limit=200')).json().items as { title: string }[]).map((c) => c.title);
    expect(await titles(falun)).toContain('Hemlig nattillsyn i utkast');
    expect(await titles(region)).toEqual(
      expect.arrayContaining(['Hemlig nattillsyn i utkast', 'Läkemedelsrobotar hos tio brukare i Borlänge']),
    );
    expect(await titles(falun)).not.toContain('Läkemedelsrobotar hos tio brukare i Borlänge');
    expectNoSecrets((await kramfors.get('/api/v1/cases?limit=200')).body);
    expectNoSecrets((await staff.get('/api/v1/cases?limit=200&status=draft')).body);
  });

  it('refuses bad queries', async () => {
    for (const q of ['cursor=nonsense', 'limit=0', 'status=lost', 'county=X', 'sizeBand=huge']) {
      const res = await staff.get(`/api/v1/cases?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await t.agent().get('/api/v1/cases')).statusCode).toBe(401);
  });
});

describe('search', () => {
  it('stems Swedish: "nattillsynen" finds "nattillsyn", ranked and highlighted', async () => {
    const res = (await staff.get(`/api/v1/cases/search?q=${encodeURIComponent('nattillsynen')}`)).json();
    const names = res.items.map(
      (h: { case: { municipality: { name: string } } }) => h.case.municipality.name,
    );
    expect(names).toEqual(expect.arrayContaining(['Skellefteå', 'Kalmar', 'Borås']));
    expect(res.items[0].title.some((p: { hit: boolean }) => p.hit)).toBe(true);
    expectNoSecrets(JSON.stringify(res));
  });

  it('applies the filters and finds unpublished cases only for their authors and reviewers', async () => {
    const kalmar = (await staff.get('/api/v1/cases/search?q=nattillsyn&county=08')).json();
    expect(
      kalmar.items.map((h: { case: { municipality: { name: string } } }) => h.case.municipality.name),
    ).toEqual(['Kalmar']);
    const hemlig = async (a: Agent) => (await a.get('/api/v1/cases/search?q=hemlig')).json().items.length;
    expect(await hemlig(falun)).toBe(1);
    expect(await hemlig(region)).toBe(1);
    expect(await hemlig(staff)).toBe(0);
    expect(await hemlig(kramfors)).toBe(0);
    expect((await staff.get('/api/v1/cases/search?q=a')).statusCode).toBe(400);
  });
});

describe('who has done this?', () => {
  it('lists the municipalities running the technology, nearest first, with published cases and consenting contacts', async () => {
    const res = await staff.get('/api/v1/technologies/digital-night-supervision/who-has-done-this');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.from).toEqual({ code: '2080', name: 'Falun' });
    const names = body.items.map((i: { municipality: { name: string } }) => i.municipality.name);
    expect(names[0]).toBe('Falun');
    expect(names).toEqual(expect.arrayContaining(['Borlänge', 'Skellefteå', 'Kalmar', 'Borås']));
    const distances = body.items.map((i: { distanceKm: number }) => i.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const skelleftea = body.items.find(
      (i: { municipality: { code: string } }) => i.municipality.code === '2482',
    );
    expect(skelleftea).toMatchObject({
      status: 'in_operation',
      usersServed: 210,
      municipality: { isModel: true },
    });
    expect(skelleftea.contacts).toEqual([expect.objectContaining({ name: 'Ingrid Lindqvist' })]);
    expect(skelleftea.distanceKm).toBeGreaterThan(500);
    const boras = body.items.find((i: { municipality: { code: string } }) => i.municipality.code === '1490');
    expect(boras.cases).toHaveLength(1);
    expect(boras.contacts).toEqual([]);
    expect(
      body.items.find((i: { municipality: { code: string } }) => i.municipality.code === '2080').cases,
    ).toEqual([]);
    expectNoSecrets(res.body);
    // The authors and reviewers see no more here: only published cases are shared.
    expectNoSecrets(
      (await region.get('/api/v1/technologies/digital-night-supervision/who-has-done-this')).body,
    );
  });

  it('takes the technology by id, measures from another municipality, and refuses unknowns', async () => {
    const id = (await staff.get('/api/v1/technologies/digital-night-supervision/who-has-done-this')).json()
      .technology.id;
    const from = (await admin.get(`/api/v1/technologies/${id}/who-has-done-this?from=2482`)).json();
    expect(from.items[0].municipality.name).toBe('Skellefteå');
    expect(
      (await admin.get('/api/v1/technologies/digital-night-supervision/who-has-done-this')).json().from,
    ).toBeNull();
    expect((await staff.get('/api/v1/technologies/no-such-thing/who-has-done-this')).statusCode).toBe(404);
    expect(
      (await staff.get('/api/v1/technologies/digital-night-supervision/who-has-done-this?from=9999'))
        .statusCode,
    ).toBe(400);
  });
});

describe('reading one case', () => {
  it('shows contacts only with consent, and unpublished cases only to authors and reviewers', async () => {
    const boras = (
      await staff.get(`/api/v1/cases/${await demoCaseId(t, 'Digital nattillsyn på särskilt boende')}`)
    ).json();
    expect(boras).toMatchObject({ contact: null, editor: null, canContact: false });
    expectNoSecrets(JSON.stringify(boras));
    const kalmar = (
      await staff.get(`/api/v1/cases/${await demoCaseId(t, 'Nattillsyn med kamera och sensorer')}`)
    ).json();
    expect(kalmar).toMatchObject({ contact: { name: 'Mikael Fors' }, canContact: true, editor: null });
    const submitted = await demoCaseId(t, 'Läkemedelsrobotar hos tio');
    for (const a of [staff, falun, kramfors])
      expect((await a.get(`/api/v1/cases/${submitted}`)).statusCode).toBe(404);
    expect((await region.get(`/api/v1/cases/${submitted}`)).json()).toMatchObject({
      canReview: true,
      editor: { contactName: 'Johan Berglund' },
    });
  });
});

describe('contacting a case', () => {
  const url = async (title: string) => `/api/v1/cases/${await demoCaseId(t, title)}/contact`;

  it('queues an e-mail to the consenting contact with the sender’s name, organisation and address; audited without the text', async () => {
    const before = await counts(t);
    const message = 'Hur fick ni nattpersonalen med från början? Vi startar i höst.';
    const res = await staff.post(await url('Digital nattillsyn i hela hemtjänsten'), { message });
    expect(res.statusCode).toBe(202);
    expect(await count(t, 'outbox')).toBe(before.outbox + 1);
    const { queryRows } = await import('../../src/server/db/client.ts');
    const { sql } = await import('drizzle-orm');
    const [mail] = await queryRows<{ to: string; reply_to: string; text: string }>(
      t.db,
      sql`select "to", reply_to, text from outbox order by created_at desc limit 1`,
    );
    expect(mail!.to).toBe('ingrid.lindqvist.skelleftea@demo.valfardsnavet.se');
    expect(mail!.reply_to).toBe('personal.falun@demo.valfardsnavet.se');
    expect(mail!.text).toContain('Amir Haddad');
    expect(mail!.text).toContain('personal.falun@demo.valfardsnavet.se');
    expect(mail!.text).toContain('Hemtjänsten Norr');
    expect(mail!.text).toContain(message);
    const [audit] = await queryRows<{ action: string; after: unknown }>(
      t.db,
      sql`select action, after from audit_log order by id desc limit 1`,
    );
    expect(audit!.action).toBe('case.contacted');
    expect(JSON.stringify(audit!.after)).not.toContain('nattpersonalen');
  });

  it('refuses cases without a consenting contact, unpublished cases and bad input, sending nothing', async () => {
    const before = await counts(t);
    const message = 'En fråga om ert arbete med nattillsyn.';
    const boras = await staff.post(await url('Digital nattillsyn på särskilt boende'), { message });
    expect([boras.statusCode, boras.json().code]).toEqual([409, 'case_no_contact']);
    const submitted = await url('Läkemedelsrobotar hos tio');
    expect((await staff.post(submitted, { message })).statusCode).toBe(404);
    expect((await region.post(submitted, { message })).json().code).toBe('case_not_published');
    expect(
      (await staff.post(await url('Nattillsyn med kamera och sensorer'), { message: 'kort' })).statusCode,
    ).toBe(400);
    expect(await counts(t)).toEqual(before);
  });

  it('is rate-limited per sender', async () => {
    const target = await url('Nattillsyn med kamera och sensorer');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await admin.post(target, { message: `Fråga nummer ${i} om nattillsyn.` })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('a case published in the test', () => {
  it('reaches every list, search and who-has-done-this once published', async () => {
    const id = await publishedCase(
      falun,
      region,
      caseBody({ title: 'Nattillsyn som blev vardag', technologyKeys: ['stove-guard'] }),
    );
    expect(
      (await staff.get('/api/v1/cases?technology=stove-guard')).json().items.map((c: { id: string }) => c.id),
    ).toEqual([id]);
    const who = (await staff.get('/api/v1/technologies/stove-guard/who-has-done-this')).json();
    const falunRow = who.items.find(
      (i: { municipality: { code: string } }) => i.municipality.code === '2080',
    );
    expect(falunRow.contacts).toEqual([expect.objectContaining({ name: 'Testa Testsson', caseId: id })]);
  });
});
