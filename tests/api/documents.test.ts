import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { SEARCH_CANDIDATES } from '../../src/server/features/documents/documents.repo.ts';
import { DOCUMENT_MAX_BYTES } from '../../src/shared/contracts/documents.ts';
import {
  docxWith,
  odtWith,
  pdfWith,
  plainZip,
  pngImage,
  windowsExecutable,
} from '../fixtures/document-files.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { count } from './programmes.fixtures.ts';

let t: TestApp;
let falun: string;
let borlange: string;
let dalarna: string;
beforeAll(async () => {
  t = await createTestApp();
  const org = async (kind: string, code: string) =>
    (
      await queryRows<{ id: string }>(
        t.db,
        sql`select id from organisations where kind = ${kind} and code = ${code}`,
      )
    )[0]!.id;
  falun = await org('municipality', '2080');
  borlange = await org('municipality', '2081');
  dalarna = await org('region', '20');
});
afterAll(() => t.close());

const URL = '/api/v1/documents';

/** multipart/form-data with text fields (repeatable) and an optional `file`. */
function form(fields: [string, string][], file?: { name: string; content: Buffer; type?: string }) {
  const boundary = `----vn${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = fields.map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const fieldsFor = (owner: string, extra: [string, string][] = []): [string, string][] => [
  ['title', 'Strategi för välfärdsteknik i Falu kommun 2026–2030'],
  ['kind', 'strategy'],
  ['level', 'local'],
  ['ownerOrganisationId', owner],
  ['status', 'adopted'],
  ['adoptedOn', '2026-02-10'],
  ['reviewOn', '2028-02-10'],
  ['focusAreas', 'trygghet'],
  ['focusAreas', 'digital tillsyn'],
  ...extra,
];

const BODY = [
  'Kommunens strategier för välfärdstekniken bygger på trygghet, självständighet och delaktighet.',
  'Nattillsyn med kamera erbjuds den som vill bo kvar hemma och sova ostört.',
];

const stored = async () => ({
  documents: await count(t, 'governing_documents'),
  files: await count(t, 'document_files'),
  audit: await count(t, 'audit_log'),
});

describe('adding a governing document', () => {
  it('lets the Falun coordinator upload a strategy PDF; anyone signed in reads and downloads it', async () => {
    const c = await t.as('samordnare.falun');
    const before = await stored();
    const pdf = await pdfWith(BODY);
    const res = await c.request({
      method: 'POST',
      url: URL,
      ...form(fieldsFor(falun), { name: 'Strategi välfärdsteknik.pdf', content: pdf }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      title: 'Strategi för välfärdsteknik i Falu kommun 2026–2030',
      kind: 'strategy',
      level: 'local',
      status: 'adopted',
      owner: { id: falun, name: 'Falun', kind: 'municipality', code: '2080' },
      focusAreas: ['trygghet', 'digital tillsyn'],
      reviewDue: false,
      canEdit: true,
      file: { fileName: 'Strategi välfärdsteknik.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length },
    });
    expect(await stored()).toEqual({
      documents: before.documents + 1,
      files: before.files + 1,
      audit: before.audit + 1,
    });
    const [audit] = await queryRows<{ action: string; organisation_id: string }>(
      t.db,
      sql`select action, organisation_id from audit_log where entity_id = ${doc.id}`,
    );
    expect(audit).toEqual({ action: 'governing_document.created', organisation_id: falun });

    const staff = await t.as('personal.falun');
    const read = await staff.get(`${URL}/${doc.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: doc.id, canEdit: false });
    const file = await staff.get(`${URL}/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Strategi välfärdsteknik.pdf')}`,
    );
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);
    expect((await t.app.inject({ url: `${URL}/${doc.id}` })).statusCode).toBe(401);
  });

  it('takes JSON without a file, and DOCX and ODT files whose text becomes searchable', async () => {
    const region = await t.as('region.dalarna');
    const json = await region.post(URL, {
      title: 'Regional handlingsplan för digital omsorg',
      kind: 'action_plan',
      level: 'regional',
      ownerOrganisationId: dalarna,
      status: 'draft',
    });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json()).toMatchObject({ file: null, focusAreas: [], adoptedOn: null });

    const docx = await region.request({
      method: 'PUT',
      url: `${URL}/${json.json().id}/file`,
      ...form([], {
        name: 'handlingsplan.docx',
        content: docxWith(['Läkemedelsautomater införs i alla kommuner under 2027.']),
        type: 'application/octet-stream',
      }),
    });
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.json().file).toMatchObject({
      fileName: 'handlingsplan.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });

    const odt = await region.request({
      method: 'POST',
      url: URL,
      ...form(
        [
          ['title', 'Riktlinje för nyckelfri hemtjänst'],
          ['kind', 'guideline'],
          ['level', 'regional'],
          ['ownerOrganisationId', dalarna],
          ['status', 'adopted'],
        ],
        { name: 'riktlinje.odt', content: odtWith(['Digitala lås ersätter nyckelskåpen.']) },
      ),
    });
    expect(odt.statusCode, odt.body).toBe(201);
    expect(odt.json().file.mediaType).toBe('application/vnd.oasis.opendocument.text');

    const search = async (q: string) =>
      (await region.get(`${URL}/search?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { document: { id: string } }) => i.document.id);
    expect(await search('läkemedelsautomaten')).toContain(json.json().id);
    expect(await search('nyckelskåp')).toContain(odt.json().id);
  });

  it('updates metadata with an audit entry of what changed', async () => {
    const c = await t.as('samordnare.falun');
    const created = await c.post(URL, {
      title: 'Rutin för trygghetslarm',
      kind: 'routine',
      level: 'local',
      ownerOrganisationId: falun,
      status: 'draft',
    });
    const id = created.json().id;
    const res = await c.request({
      method: 'PUT',
      url: `${URL}/${id}`,
      payload: {
        title: 'Rutin för trygghetslarm',
        kind: 'routine',
        level: 'local',
        ownerOrganisationId: falun,
        status: 'adopted',
        adoptedOn: '2026-03-01',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'adopted', adoptedOn: '2026-03-01' });
    const [audit] = await queryRows<{ before: unknown; after: unknown }>(
      t.db,
      sql`select before, after from audit_log where entity_id = ${id} and action = 'governing_document.updated'`,
    );
    expect(audit).toEqual({
      before: { status: 'draft', adoptedOn: null },
      after: { status: 'adopted', adoptedOn: '2026-03-01' },
    });
  });
});

describe('who may change documents', () => {
  it('refuses staff, coordinators of another municipality and the region, and writes nothing', async () => {
    const c = await t.as('samordnare.falun');
    const mine = (
      await c.post(URL, {
        title: 'Policy för digital teknik',
        kind: 'policy',
        level: 'local',
        ownerOrganisationId: falun,
        status: 'adopted',
      })
    ).json();
    const before = await stored();

    const staff = await t.as('personal.falun');
    const byStaff = await staff.request({
      method: 'POST',
      url: URL,
      ...form(fieldsFor(falun), { name: 'a.pdf', content: await pdfWith(['x']) }),
    });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().code).toBe('document_owner_not_allowed');

    const other = await t.as('samordnare.borlange');
    const forFalun = await other.request({
      method: 'POST',
      url: URL,
      ...form(fieldsFor(falun), { name: 'a.pdf', content: await pdfWith(['x']) }),
    });
    expect(forFalun.statusCode).toBe(403);
    const edit = await other.request({
      method: 'PUT',
      url: `${URL}/${mine.id}`,
      payload: { ...mine, ownerOrganisationId: falun, title: 'Kapad' },
    });
    expect(edit.statusCode).toBe(403);
    const move = await c.request({
      method: 'PUT',
      url: `${URL}/${mine.id}`,
      payload: {
        title: mine.title,
        kind: 'policy',
        level: 'local',
        ownerOrganisationId: borlange,
        status: 'adopted',
      },
    });
    expect(move.statusCode).toBe(403);
    const upload = await other.request({
      method: 'PUT',
      url: `${URL}/${mine.id}/file`,
      ...form([], { name: 'a.pdf', content: await pdfWith(['x']) }),
    });
    expect(upload.statusCode).toBe(403);
    expect((await other.get(`${URL}/${mine.id}`)).json()).toMatchObject({
      title: mine.title,
      canEdit: false,
    });
    // The region reads the municipality's documents but does not change them.
    const region = await t.as('region.dalarna');
    const byRegion = await region.request({
      method: 'PUT',
      url: `${URL}/${mine.id}`,
      payload: { ...mine, ownerOrganisationId: falun, title: 'Ändrad av regionen' },
    });
    expect(byRegion.statusCode).toBe(403);
    const regionCreates = await region.post(URL, {
      title: 'Regionens utkast för Falun',
      kind: 'policy',
      level: 'local',
      ownerOrganisationId: falun,
      status: 'draft',
    });
    expect(regionCreates.statusCode).toBe(403);
    expect((await region.get(`${URL}/${mine.id}`)).json().canEdit).toBe(false);
    expect(await stored()).toEqual(before);
  });

  it('offers as owners only the organisations where the caller manages documents', async () => {
    expect((await (await t.as('samordnare.falun')).get(`${URL}/owners`)).json().items).toEqual([
      { id: falun, name: 'Falun', kind: 'municipality', code: '2080' },
    ]);
    expect((await (await t.as('personal.falun')).get(`${URL}/owners`)).json().items).toEqual([]);
  });
});

describe('refused input and files', () => {
  const refused = async (
    file: { name: string; content: Buffer; type?: string } | undefined,
    status: number,
    code: string,
    fields = fieldsFor(falun),
  ) => {
    const c = await t.as('samordnare.falun');
    const before = await stored();
    const res = await c.request({ method: 'POST', url: URL, ...form(fields, file) });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await stored()).toEqual(before);
    return res.json();
  };

  it('lists each invalid field', async () => {
    const problem = await refused(undefined, 400, 'validation_failed', [
      ['kind', 'pamphlet'],
      ['level', 'local'],
      ['ownerOrganisationId', falun],
      ['status', 'adopted'],
      ['adoptedOn', '1 maj'],
      ['url', 'javascript:alert(1)'],
    ]);
    expect(problem.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual([
      'body.adoptedOn:invalid_format',
      'body.kind:invalid_value',
      'body.title:required',
      'body.url:invalid_format',
    ]);
    expect(problem.title).toBe('Uppgifterna är inte giltiga.');
    const dates = await refused(undefined, 400, 'validation_failed', [
      ...fieldsFor(falun),
      ['validUntil', '2025-01-01'],
    ]);
    expect(dates.errors).toEqual([
      {
        path: 'body.validUntil',
        code: 'ends_before_start',
        message: 'Slutdatum kan inte ligga före startdatum.',
      },
    ]);
  });

  it('refuses a file over 10 MB with the limit in the message', async () => {
    const big = Buffer.concat([await pdfWith(['stor']), Buffer.alloc(DOCUMENT_MAX_BYTES)]);
    const problem = await refused({ name: 'stor.pdf', content: big }, 413, 'document_too_large');
    expect(problem.title).toBe('Filen är för stor. Den får vara högst 10 MB. Inget har sparats.');
  });

  it('refuses other types by their content, whatever the name', async () => {
    await refused(
      { name: 'bild.png', content: pngImage(), type: 'image/png' },
      415,
      'document_type_not_allowed',
    );
    await refused(
      { name: 'anteckning.txt', content: Buffer.from('Strategi i klartext'), type: 'text/plain' },
      415,
      'document_type_not_allowed',
    );
    await refused({ name: 'bild.pdf', content: pngImage() }, 415, 'document_content_mismatch');
    await refused({ name: 'arkiv.docx', content: plainZip() }, 415, 'document_content_mismatch');
  });

  it('refuses a renamed program with a message that says so', async () => {
    const problem = await refused(
      { name: 'strategi.pdf', content: windowsExecutable() },
      415,
      'document_executable',
    );
    expect(problem.errors).toEqual([
      { path: 'body.file', code: 'document_executable', message: expect.stringContaining('program') },
    ]);
    const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(120)]);
    await refused({ name: 'rutin.odt', content: elf }, 415, 'document_executable');
  });

  it('refuses a damaged PDF', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    await refused({ name: 'trasig.pdf', content: broken }, 400, 'document_unreadable');
  });

  it('answers in English when asked', async () => {
    const c = await t.as('samordnare.falun');
    c.cookies.set('vn_lang', 'en');
    const res = await c.request({
      method: 'POST',
      url: URL,
      ...form(fieldsFor(falun), { name: 'x.pdf', content: windowsExecutable() }),
    });
    expect(res.json().title).toBe(
      'The file is a program, whatever its name, and cannot be uploaded. Nothing has been saved.',
    );
  });
});

describe('searching in Swedish', () => {
  it('ranks a document about the word first, however many newer ones merely mention it', async () => {
    // More newer documents mention "sängvakt" in their text than the search ranks; the one about it is older.
    await t.db.execute(sql`
      insert into governing_documents (title, kind, level, owner_organisation_id, status, adopted_on, body_text)
      select 'Rutin nummer ' || n, 'routine', 'local', ${falun}, 'adopted', date '2026-01-01' - n,
             'Personalen kontrollerar att sängvakten fungerar.'
      from generate_series(1, ${SEARCH_CANDIDATES + 50}) n`);
    await t.db.execute(sql`
      insert into governing_documents (title, kind, level, owner_organisation_id, status, adopted_on)
      values ('Riktlinje för sängvakter nattetid', 'guideline', 'local', ${falun}, 'adopted', date '2012-05-01')`);
    const res = (await (await t.as('personal.falun')).get(`${URL}/search?q=s%C3%A4ngvakt`)).json();
    expect(res.items).toHaveLength(20);
    expect(res.items[0].document.title).toBe('Riktlinje för sängvakter nattetid');
    await t.db.execute(
      sql`delete from governing_documents where title like 'Rutin nummer %' or title = 'Riktlinje för sängvakter nattetid'`,
    );
  });

  it('finds word forms not in the title and words only in the file, with highlighted hits', async () => {
    const c = await t.as('samordnare.falun');
    const created = await c.request({
      method: 'POST',
      url: URL,
      ...form(
        [
          ['title', 'Strategi för hemtjänstens digitalisering'],
          ['kind', 'strategy'],
          ['level', 'local'],
          ['ownerOrganisationId', falun],
          ['status', 'adopted'],
        ],
        { name: 'digitalisering.pdf', content: await pdfWith(['Vi prövar robotstädning i tre boenden.']) },
      ),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    const staff = await t.as('personal.falun');
    const stemmed = await staff.get(`${URL}/search?q=strategier`);
    expect(stemmed.statusCode).toBe(200);
    const hit = stemmed.json().items.find((i: { document: { id: string } }) => i.document.id === id);
    expect(hit.title).toContainEqual({ text: 'Strategi', hit: true });

    const body = (await staff.get(`${URL}/search?q=${encodeURIComponent('robotstädningen')}`)).json();
    expect(body.items.map((i: { document: { id: string } }) => i.document.id)).toEqual([id]);
    const snippet = body.items[0].snippet as { text: string; hit: boolean }[];
    expect(snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['robotstädning']);
    expect(snippet.map((p) => p.text).join('')).toContain('prövar robotstädning i tre boenden');

    // Title words rank above words deep in a file.
    const ranked = (await staff.get(`${URL}/search?q=digitalisering`)).json().items;
    expect(ranked[0].document.id).toBe(id);

    expect((await staff.get(`${URL}/search?q=zzqxj`)).json().items).toEqual([]);
    expect((await staff.get(`${URL}/search?q=a`)).statusCode).toBe(400);
    expect((await staff.get(`${URL}/search?q=strategi&level=national`)).json().items).not.toContainEqual(
      expect.objectContaining({ document: expect.objectContaining({ id }) }),
    );
  });
});

describe('listing and review reminders', () => {
  it('reminds the owner of documents past their review date, and nobody else', async () => {
    const c = await t.as('samordnare.falun');
    const overdue = (
      await c.post(URL, {
        title: 'Handlingsplan för trygghetslarm 2022',
        kind: 'action_plan',
        level: 'local',
        ownerOrganisationId: falun,
        status: 'adopted',
        reviewOn: '2025-01-31',
      })
    ).json();
    expect(overdue.reviewDue).toBe(true);
    const reminders = (await c.get(`${URL}/reminders`)).json().items.map((d: { id: string }) => d.id);
    expect(reminders).toContain(overdue.id);
    for (const who of ['samordnare.borlange', 'personal.falun', 'region.dalarna']) {
      const items = (await (await t.as(who)).get(`${URL}/reminders`)).json().items;
      expect(
        items.map((d: { id: string }) => d.id),
        who,
      ).not.toContain(overdue.id);
    }
  });

  it('filters by level, kind, owner and county, and pages without repeats', async () => {
    const staff = await t.as('personal.falun');
    const ids = (q: string) =>
      staff
        .get(`${URL}${q}`)
        .then((r) => r.json().items.map((d: { id: string; owner: { id: string } }) => d));
    const falunDocs = await ids(`?owner=${falun}&limit=200`);
    expect(falunDocs.length).toBeGreaterThanOrEqual(3);
    expect(falunDocs.every((d: { owner: { id: string } }) => d.owner.id === falun)).toBe(true);
    const inDalarna = await ids('?county=20&limit=200');
    expect(inDalarna.some((d: { owner: { id: string } }) => d.owner.id === dalarna)).toBe(true);
    expect((await ids('?county=01&level=regional')).length).toBe(0);
    for (const d of await ids('?kind=strategy&limit=200')) expect(d.kind).toBe('strategy');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await staff.get(`${URL}?owner=${falun}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const pageBody = res.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...pageBody.items.map((d) => d.id));
      cursor = pageBody.nextCursor;
    } while (cursor);
    expect(seen).toEqual(falunDocs.map((d: { id: string }) => d.id));
    expect((await staff.get(`${URL}?cursor=bogus`)).statusCode).toBe(400);
  });
});

describe('the demo documents', () => {
  it('has Dalarna documents at three levels, with real files', async () => {
    const staff = await t.as('personal.falun');
    const all = (await staff.get(`${URL}?county=20&limit=200`)).json().items as {
      level: string;
      file: unknown;
    }[];
    const national = (await staff.get(`${URL}?level=national`)).json().items as typeof all;
    expect(new Set([...all, ...national].map((d) => d.level))).toEqual(
      new Set(['local', 'regional', 'national']),
    );
    expect(national.some((d) => d.file !== null)).toBe(true);
  });

  it('finds the regional strategy by word forms only its file has, and reminds Falun of its overdue plan', async () => {
    const c = await t.as('samordnare.falun');
    const res = (await c.get(`${URL}/search?q=${encodeURIComponent('strategier välfärdstekniken')}`)).json();
    const strategy = res.items.find(
      (i: { document: { title: string } }) =>
        i.document.title === 'Digital omsorg i Dalarna – gemensam inriktning 2025–2028',
    );
    expect(strategy.document).toMatchObject({ kind: 'strategy', owner: { name: 'Region Dalarna' } });
    expect(
      strategy.snippet.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text),
    ).toEqual(['strategier', 'välfärdstekniken']);
    const reminders = (await c.get(`${URL}/reminders`)).json().items as {
      title: string;
      reviewDue: boolean;
    }[];
    expect(reminders).toContainEqual(
      expect.objectContaining({
        title: 'Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun',
        reviewDue: true,
      }),
    );
  });
});
