import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DEMO_SUPPLIERS } from '../../src/server/db/demo/suppliers-demo.ts';
import { createContract } from '../../src/server/features/supplier-contracts/contract-write.ts';
import { ContractInput } from '../../src/shared/contracts/supplier-contracts.ts';
import { withCheckDigit } from '../../src/shared/contracts/suppliers.ts';
import { multipartFile } from '../support/multipart.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { codes, count, userId } from './programmes.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const alarmSupplier = DEMO_SUPPLIERS[0]!;
const otherSupplier = DEMO_SUPPLIERS[2]!;

const contract = (extra: Record<string, unknown> = {}) => ({
  supplierId: alarmSupplier.id,
  title: 'Trygghetslarm i ordinärt boende',
  externalRef: null,
  procurementForm: 'framework_call_off',
  frameworkName: 'Adda Trygghetslarm 2023',
  startsOn: '2024-01-01',
  endsOn: '2026-12-31',
  noticeMonths: 6,
  annualValueSek: 1_250_000,
  technologies: ['digital-safety-alarm'],
  productIds: [],
  extensions: [
    { months: 12, decideBy: '2026-06-30', status: 'open' },
    { months: 12, decideBy: '2027-06-30', status: 'open' },
  ],
  responsibleUserId: null,
  notes: 'Avrop från ramavtal.',
  ...extra,
});

const writes = async () =>
  (await count(t, 'contracts')) +
  (await count(t, 'contract_history')) +
  (await count(t, 'contract_extensions')) +
  (await count(t, 'contract_documents')) +
  (await count(t, 'audit_log'));

const put = (a: Awaited<ReturnType<TestApp['as']>>, url: string, payload: object) =>
  a.request({ method: 'PUT', url, payload });

const paths = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

describe('the contract register', () => {
  it('lets Falun record, read, change and remove its own contract, with history and audit', async () => {
    const falun = await t.as('samordnare.falun');
    const responsible = await userId(t, 'samordnare.falun');
    const created = await falun.post(
      '/api/v1/municipalities/2080/contracts',
      contract({ externalRef: 'FAL-TEST-1', responsibleUserId: responsible }),
    );
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      municipality: { code: '2080' },
      supplier: { id: alarmSupplier.id },
      technologies: [{ key: 'digital-safety-alarm' }],
      annualValueSek: 1_250_000,
      nextDecisionOn: '2026-06-30',
      finalEndOn: '2028-12-31',
      responsible: { id: responsible, name: 'Maria Sundin' },
      version: 1,
      canEdit: true,
      canSeeValue: true,
      documents: [],
    });

    const owners = await falun.get('/api/v1/municipalities/2080/contract-owners');
    expect(owners.json().items).toContainEqual({ id: responsible, name: 'Maria Sundin' });
    for (const who of ['region.dalarna', 'admin', 'chef.falun'])
      expect(
        (await (await t.as(who)).get('/api/v1/municipalities/2080/contract-owners')).statusCode,
        who,
      ).toBe(403);

    const list = (await falun.get('/api/v1/municipalities/2080/contracts?limit=200')).json();
    expect(list.canCreate).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(c.id);

    // The first option used: the end moves by its months, the second option is the next decision.
    const changed = await put(falun, `/api/v1/contracts/${c.id}`, {
      ...contract({ externalRef: 'FAL-TEST-1', responsibleUserId: responsible }),
      endsOn: '2027-12-31',
      extensions: [
        { months: 12, decideBy: '2026-06-30', status: 'exercised' },
        { months: 12, decideBy: '2027-06-30', status: 'open' },
      ],
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, endsOn: '2027-12-31', nextDecisionOn: '2027-06-30' });

    // A stale edit (from version 1) is refused and writes nothing.
    const before = await writes();
    const stale = await put(falun, `/api/v1/contracts/${c.id}`, {
      ...contract(),
      title: 'Gammal',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('contract_version_conflict');
    expect(await writes()).toBe(before);

    const history = (await falun.get(`/api/v1/contracts/${c.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'extension_exercised',
      'created',
    ]);
    expect(history.items[0].changes.endsOn).toEqual({ from: '2026-12-31', to: '2027-12-31' });
    expect(history.items[0].changedBy).toBe('Maria Sundin');
    const audit = await queryRows<{ action: string; after: Record<string, unknown> }>(
      t.db,
      sql`select action, after from audit_log where entity_id = ${c.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['contract.created', 'contract.updated']);
    // The audit names the fields changed, never the value itself.
    expect(JSON.stringify(audit)).not.toContain('1250000');

    const removed = await falun.delete(`/api/v1/contracts/${c.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await falun.get(`/api/v1/contracts/${c.id}`)).statusCode).toBe(404);
  });

  it('lets the region, associations and the nation read; values and documents only for the region', async () => {
    const falun = await t.as('samordnare.falun');
    const c = (await falun.post('/api/v1/municipalities/2080/contracts', contract())).json();

    const region = await t.as('region.dalarna');
    const read = (await region.get(`/api/v1/contracts/${c.id}`)).json();
    expect(read).toMatchObject({
      annualValueSek: 1_250_000,
      canEdit: false,
      canSeeValue: true,
      documents: [],
    });
    const regionList = (await region.get('/api/v1/municipalities/2080/contracts?limit=200')).json();
    expect(regionList.canCreate).toBe(false);

    const admin = await t.as('admin');
    const adminRead = (await admin.get(`/api/v1/contracts/${c.id}`)).json();
    expect(adminRead).toMatchObject({
      annualValueSek: null,
      documents: null,
      canEdit: false,
      canSeeValue: false,
    });
    const adminList = (await admin.get('/api/v1/municipalities/2080/contracts?limit=200')).json();
    expect(adminList.items.every((i: { annualValueSek: unknown }) => i.annualValueSek === null)).toBe(true);
    const adminHistory = (await admin.get(`/api/v1/contracts/${c.id}/history`)).json();
    expect(adminHistory.items[0].changes.annualValueSek).toEqual({ from: null, to: null });
    expect(adminHistory.items[0].changes.title.to).toBe('Trygghetslarm i ordinärt boende');
  });

  it('refuses writes by anyone but the municipality’s own coordinators, and reads by others', async () => {
    const falun = await t.as('samordnare.falun');
    const c = (await falun.post('/api/v1/municipalities/2080/contracts', contract())).json();
    const before = await writes();
    for (const who of ['region.dalarna', 'admin', 'samordnare.borlange', 'chef.falun', 'personal.falun']) {
      const a = await t.as(who);
      expect((await a.post('/api/v1/municipalities/2080/contracts', contract())).statusCode, who).toBe(403);
      expect((await put(a, `/api/v1/contracts/${c.id}`, { ...contract(), version: 1 })).statusCode, who).toBe(
        403,
      );
      expect((await a.delete(`/api/v1/contracts/${c.id}`)).statusCode, who).toBe(403);
    }
    for (const who of ['samordnare.borlange', 'chef.falun', 'personal.falun', 'samordnare.akademinorr']) {
      const a = await t.as(who);
      expect((await a.get('/api/v1/municipalities/2080/contracts')).statusCode, who).toBe(403);
      expect((await a.get(`/api/v1/contracts/${c.id}`)).statusCode, who).toBe(403);
      expect((await a.get(`/api/v1/contracts/${c.id}/history`)).statusCode, who).toBe(403);
    }
    expect(await writes()).toBe(before);
    expect((await t.app.inject({ url: '/api/v1/municipalities/2080/contracts' })).statusCode).toBe(401);
    expect((await falun.get('/api/v1/municipalities/9999/contracts')).statusCode).toBe(404);
  });

  it("lets an association's coordinator read its member municipality's contracts with values", async () => {
    const admin = await t.as('admin');
    const adminId = await userId(t, 'admin');
    const [m] = await queryRows<{ id: string }>(t.db, sql`select id from organisations where code = '2506'`);
    const input = ContractInput.parse(
      contract({ title: 'Läkemedelsautomater', technologies: ['medication-dispenser'] }),
    );
    const { id } = await t.db.transaction((tx) =>
      createContract(tx, { userId: adminId, memberships: [] }, m!.id, input, 'import'),
    );
    const assoc = await t.as('samordnare.akademinorr');
    expect((await assoc.get(`/api/v1/contracts/${id}`)).json()).toMatchObject({
      annualValueSek: 1_250_000,
      canEdit: false,
    });
    const region = await t.as('region.dalarna');
    expect((await region.get(`/api/v1/contracts/${id}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/contracts/${id}/history`)).json().items[0].action).toBe('imported');
  });

  it('filters by technology, supplier and end date and pages without repeats', async () => {
    const borlange = await t.as('samordnare.borlange');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await borlange.post(
        '/api/v1/municipalities/2081/contracts',
        contract({
          supplierId: i % 2 ? otherSupplier.id : alarmSupplier.id,
          technologies: i % 2 ? ['medication-dispenser'] : ['digital-safety-alarm'],
          endsOn: `203${i}-06-30`,
          extensions: [],
        }),
      );
      expect(r.statusCode).toBe(201);
      made.push(r.json().id);
    }
    const ids = async (q: string) =>
      (
        (await borlange.get(`/api/v1/municipalities/2081/contracts?limit=200&${q}`)).json().items as {
          id: string;
        }[]
      )
        .map((i) => i.id)
        .filter((id) => made.includes(id));
    expect(await ids('technology=medication-dispenser')).toEqual([made[1], made[3]]);
    expect(await ids(`supplier=${alarmSupplier.id}`)).toEqual([made[0], made[2], made[4]]);
    expect(await ids('endingBefore=2032-01-01')).toEqual([made[0], made[1]]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { id: string }[]; nextCursor: string | null } = (
        await borlange.get(
          `/api/v1/municipalities/2081/contracts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...res.items.map((i) => i.id));
      cursor = res.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(made.every((id) => seen.includes(id))).toBe(true);
    const bad = await borlange.get('/api/v1/municipalities/2081/contracts?technology=no-such-thing');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['querystring.technology']);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const falun = await t.as('samordnare.falun');
    const region = await t.as('region.dalarna');
    // A merged supplier: a duplicate merged into the demo alarm supplier.
    const dup = (
      await region.post('/api/v1/suppliers', {
        name: 'Dubblettbolaget Test AB',
        orgNumber: withCheckDigit('559911223'),
        technologyKeys: [],
        contacts: [],
      })
    ).json();
    expect(
      (await region.post(`/api/v1/suppliers/${alarmSupplier.id}/merge`, { duplicateId: dup.id })).statusCode,
    ).toBe(200);
    const otherProduct = (await falun.get(`/api/v1/suppliers/${otherSupplier.id}/products`)).json().items[0]
      .id;

    const cases: [string, Record<string, unknown>, string, string][] = [
      ['end before start', { endsOn: '2023-12-31' }, 'body.endsOn', 'ends_before_start'],
      ['negative value', { annualValueSek: -5 }, 'body.annualValueSek', 'negative'],
      [
        'extension after the end it extends',
        { extensions: [{ months: 12, decideBy: '2027-01-15', status: 'open' }] },
        'body.extensions.0.decideBy',
        'extension_decided_after_end',
      ],
      [
        'extension after the final end',
        {
          extensions: [
            { months: 12, decideBy: '2026-06-30' },
            { months: 12, decideBy: '2029-01-01' },
          ],
        },
        'body.extensions.1.decideBy',
        'extension_decided_after_end',
      ],
      [
        'unknown technology',
        { technologies: ['no-such-thing'] },
        'body.technologies.0',
        'unknown_technology',
      ],
      [
        'unknown supplier',
        { supplierId: '00000000-0000-4000-8000-000000000999' },
        'body.supplierId',
        'unknown_supplier',
      ],
      ['merged supplier', { supplierId: dup.id }, 'body.supplierId', 'supplier_merged'],
      [
        'product of another supplier',
        { productIds: [otherProduct] },
        'body.productIds.0',
        'product_not_of_supplier',
      ],
      [
        'unknown responsible person',
        { responsibleUserId: '00000000-0000-4000-8000-000000000999' },
        'body.responsibleUserId',
        'unknown_user',
      ],
      ['unknown procurement form', { procurementForm: 'handshake' }, 'body.procurementForm', 'invalid_value'],
    ];
    const before = await writes();
    for (const [name, extra, path, code] of cases) {
      const res = await falun.post('/api/v1/municipalities/2080/contracts', contract(extra));
      expect(res.statusCode, name).toBe(400);
      expect(paths(res), name).toEqual([path]);
      expect(codes(res)[0], name).toBe(code);
    }
    expect(await writes()).toBe(before);

    // The same contract number twice in one municipality: a 409 on the field.
    expect(
      (await falun.post('/api/v1/municipalities/2080/contracts', contract({ externalRef: 'FAL-DUP' })))
        .statusCode,
    ).toBe(201);
    const dupRef = await falun.post(
      '/api/v1/municipalities/2080/contracts',
      contract({ externalRef: 'FAL-DUP' }),
    );
    expect(dupRef.statusCode).toBe(409);
    expect(paths(dupRef)).toEqual(['body.externalRef']);
  });

  it('takes documents checked by content; only the municipality, region and associations read them', async () => {
    const falun = await t.as('samordnare.falun');
    const c = (await falun.post('/api/v1/municipalities/2080/contracts', contract())).json();
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    const upload = (file: ReturnType<typeof multipartFile>, kind = 'contract', who = falun) =>
      who.request({ method: 'POST', url: `/api/v1/contracts/${c.id}/documents?kind=${kind}`, ...file });

    const before = await writes();
    const exe = await upload(
      multipartFile('file', 'avtal.pdf', Buffer.from('MZ\x90\x00not really a pdf'), 'application/pdf'),
    );
    expect(exe.statusCode).toBe(415);
    const badKind = await upload(multipartFile('file', 'avtal.pdf', pdf, 'application/pdf'), 'secret');
    expect(badKind.statusCode).toBe(400);
    const region = await t.as('region.dalarna');
    expect(
      (await upload(multipartFile('file', 'avtal.pdf', pdf, 'application/pdf'), 'contract', region))
        .statusCode,
    ).toBe(403);
    expect(await writes()).toBe(before);

    const ok = await upload(multipartFile('file', 'Avtal Larm.pdf', pdf, 'application/pdf'));
    expect(ok.statusCode).toBe(201);
    const docId = ok.json().id;
    const view = (await region.get(`/api/v1/contracts/${c.id}`)).json();
    expect(view.documents).toMatchObject([{ id: docId, kind: 'contract', mediaType: 'application/pdf' }]);
    const file = await region.get(`/api/v1/contracts/${c.id}/documents/${docId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    const admin = await t.as('admin');
    expect((await admin.get(`/api/v1/contracts/${c.id}/documents/${docId}`)).statusCode).toBe(403);
    expect((await region.delete(`/api/v1/contracts/${c.id}/documents/${docId}`)).statusCode).toBe(403);
    expect((await falun.delete(`/api/v1/contracts/${c.id}/documents/${docId}`)).statusCode).toBe(200);
    const history = (await falun.get(`/api/v1/contracts/${c.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'document_removed',
      'document_added',
      'created',
    ]);
  });
});
