import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { pdfWith } from '../fixtures/document-files.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { expectProblem, orgId } from './support.fixtures.ts';

/** Joint procurements (issue 17): leading, inviting, confirming with a power of attorney, the work. */

let t: TestApp;
let region: Agent;
let falun: Agent;
let borlange: Agent;
let kramfors: Agent;
let norr: Agent;
let staff: Agent;
let admin: Agent;
let dalarna: string;
let id: string;

const TABLES = [
  'procurements',
  'procurement_phases',
  'procurement_checklist_items',
  'procurement_documents',
  'procurement_participants',
  'procurement_initiatives',
  'procurement_needs',
  'requirement_specifications',
  'audit_log',
];
async function counts() {
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

const body = (extra: Record<string, unknown> = {}) => ({
  leadOrganisationId: dalarna,
  technologyKey: 'digital-safety-alarm',
  title: 'Samordnad upphandling av trygghetslarm',
  description: 'Falun och Borlänge upphandlar digitala trygghetslarm tillsammans.',
  municipalityCodes: ['2080', '2081'],
  ...extra,
});

/** A multipart answer: fields and, optionally, a file. */
function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type: string }) {
  const boundary = `----vn${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const put = (agent: Agent, url: string, payload: unknown) =>
  agent.request({ method: 'PUT', url, payload: payload as object });

const confirm = (
  agent: Agent,
  code: string,
  fields: Record<string, string>,
  file?: Parameters<typeof multipart>[1],
) =>
  agent.request({
    method: 'POST',
    url: `/api/v1/procurements/${id}/participants/${code}/confirm`,
    ...multipart(fields, file),
  });

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, borlange, kramfors, norr, staff, admin] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('samordnare.kramfors'),
    t.as('samordnare.akademinorr'),
    t.as('personal.falun'),
    t.as('admin'),
  ]);
  dalarna = await orgId(t, 'region', '20');
});
afterAll(() => t.close());

describe('starting a joint procurement', () => {
  it("lets Dalarna's regional coordinator start one with eight phases, a checklist and two invited municipalities", async () => {
    const res = await region.post('/api/v1/procurements', body());
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      lead: { id: dalarna, kind: 'region' },
      technology: { key: 'digital-safety-alarm' },
      phase: 'needs_analysis',
      status: 'active',
      version: 1,
      canLead: true,
      participantCount: 2,
      confirmedCount: 0,
    });
    expect(p.phases.map((x: { phase: string }) => x.phase)).toHaveLength(8);
    expect(p.phases[0].checklist.length).toBeGreaterThan(0);
    expect(
      p.participants
        .map((x: { municipality: { code: string }; status: string }) => [x.municipality.code, x.status])
        .sort(),
    ).toEqual([
      ['2080', 'invited'],
      ['2081', 'invited'],
    ]);
    expect(p.invitable.map((m: { code: string }) => m.code)).not.toContain('2080');
    id = p.id;
  });

  it('refuses staff, municipal coordinators leading for the region, and another region’s or association’s coordinator, writing nothing', async () => {
    const before = await counts();
    expectProblem(await staff.post('/api/v1/procurements', body()), 403, 'forbidden');
    expectProblem(await falun.post('/api/v1/procurements', body()), 403, 'forbidden');
    expectProblem(await norr.post('/api/v1/procurements', body()), 403, 'forbidden');
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown technology and a municipality outside the lead region, naming the field', async () => {
    const before = await counts();
    expectProblem(
      await region.post('/api/v1/procurements', body({ technologyKey: 'teleportation' })),
      400,
      'unknown_technology',
      'body.technologyKey',
    );
    const outside = await region.post('/api/v1/procurements', body({ municipalityCodes: ['2080', '2282'] }));
    expectProblem(outside, 400, 'validation_failed', 'body.municipalityCodes.1');
    expect(outside.json().errors[0].code).toBe('procurement_municipality_outside');
    expectProblem(
      await region.post('/api/v1/procurements', body({ title: '' })),
      400,
      'validation_failed',
      'body.title',
    );
    expect(await counts()).toEqual(before);
  });

  it('lets a municipal coordinator lead her own, inviting municipalities of her region only', async () => {
    const falunId = await orgId(t, 'municipality', '2080');
    const res = await falun.post(
      '/api/v1/procurements',
      body({ leadOrganisationId: falunId, municipalityCodes: ['2081'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expectProblem(
      await falun.post(
        '/api/v1/procurements',
        body({ leadOrganisationId: falunId, municipalityCodes: ['2282'] }),
      ),
      400,
      'validation_failed',
      'body.municipalityCodes.0',
    );
  });
});

describe('reading', () => {
  it('lists it for the lead, the participants, and nobody else', async () => {
    for (const agent of [region, falun, borlange, admin]) {
      const res = await agent.get('/api/v1/procurements');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((i: { id: string }) => i.id)).toContain(id);
    }
    const other = await kramfors.get('/api/v1/procurements');
    expect(other.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expectProblem(await kramfors.get(`/api/v1/procurements/${id}`), 404, 'not_found');
    expectProblem(await norr.get(`/api/v1/procurements/${id}`), 404, 'not_found');
    expectProblem(await staff.get('/api/v1/procurements'), 403, 'forbidden');
  });

  it('filters by role and phase', async () => {
    const lead = await region.get('/api/v1/procurements?side=lead&phase=needs_analysis');
    expect(lead.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const part = await region.get('/api/v1/procurements?side=participant');
    expect(part.json().items).toEqual([]);
    expectProblem(
      await region.get('/api/v1/procurements?phase=nowhere'),
      400,
      'validation_failed',
      'querystring.phase',
    );
  });

  it('shows a participant its own row with the right to answer, and no right to lead', async () => {
    const p = (await falun.get(`/api/v1/procurements/${id}`)).json();
    expect(p.canLead).toBe(false);
    expect(p.invitable).toEqual([]);
    const own = p.participants.find(
      (x: { municipality: { code: string } }) => x.municipality.code === '2080',
    );
    const other = p.participants.find(
      (x: { municipality: { code: string } }) => x.municipality.code === '2081',
    );
    expect(own.canRespond).toBe(true);
    expect(other.canRespond).toBe(false);
  });
});

describe('changing it', () => {
  it('moves the phase forward, recording the end of the earlier phases, and refuses a stale version', async () => {
    const res = await region.patch(`/api/v1/procurements/${id}`, {
      version: 1,
      phase: 'requirements',
      phases: [{ phase: 'requirements', plannedStart: '2027-01-10', plannedEnd: '2027-03-01' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.phase).toBe('requirements');
    expect(p.version).toBe(2);
    expect(p.phases[0].completedOn).not.toBeNull();
    expect(p.phases[1].completedOn).not.toBeNull();
    expect(p.phases[2]).toMatchObject({
      plannedStart: '2027-01-10',
      plannedEnd: '2027-03-01',
      completedOn: null,
    });
    const before = await counts();
    expectProblem(
      await region.patch(`/api/v1/procurements/${id}`, { version: 1, title: 'Gammal titel' }),
      409,
      'procurement_version_conflict',
      'body.version',
    );
    expect(await counts()).toEqual(before);
  });

  it('moves back only with a reason, and refuses dates in the wrong order', async () => {
    const before = await counts();
    expectProblem(
      await region.patch(`/api/v1/procurements/${id}`, { version: 2, phase: 'market_dialogue' }),
      400,
      'validation_failed',
      'body.reason',
    );
    expectProblem(
      await region.patch(`/api/v1/procurements/${id}`, {
        version: 2,
        phases: [{ phase: 'award', plannedStart: '2027-05-01', plannedEnd: '2027-04-01' }],
      }),
      400,
      'validation_failed',
      'body.phases.0.plannedEnd',
    );
    expectProblem(
      await region.patch(`/api/v1/procurements/${id}`, {
        version: 2,
        awardedSupplierId: '00000000-0000-4000-8000-000000000000',
      }),
      400,
      'validation_failed',
      'body.awardedSupplierId',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a participant trying to edit, and staff', async () => {
    const before = await counts();
    expectProblem(
      await falun.patch(`/api/v1/procurements/${id}`, { version: 2, title: 'Falun tar över' }),
      403,
      'forbidden',
    );
    expectProblem(
      await falun.post(`/api/v1/procurements/${id}/checklist`, { phase: 'requirements', label: 'Falun' }),
      403,
      'forbidden',
    );
    expectProblem(await falun.post(`/api/v1/procurements/${id}/specification/build`), 403, 'forbidden');
    expectProblem(
      await staff.patch(`/api/v1/procurements/${id}`, { version: 2, title: 'Personal' }),
      403,
      'forbidden',
    );
    expect(await counts()).toEqual(before);
  });

  it('adds, ticks and unticks checklist items', async () => {
    const added = await region.post(`/api/v1/procurements/${id}/checklist`, {
      phase: 'requirements',
      label: 'Stäm av krav med regionens IT-säkerhet',
    });
    expect(added.statusCode, added.body).toBe(201);
    const item = added
      .json()
      .phases[2].checklist.find(
        (c: { label: string }) => c.label === 'Stäm av krav med regionens IT-säkerhet',
      );
    const ticked = await region.patch(`/api/v1/procurements/${id}/checklist/${item.id}`, { done: true });
    expect(ticked.json().phases[2].checklist.find((c: { id: string }) => c.id === item.id).done).toBe(true);
    const unticked = await region.patch(`/api/v1/procurements/${id}/checklist/${item.id}`, { done: false });
    expect(unticked.json().phases[2].checklist.find((c: { id: string }) => c.id === item.id).done).toBe(
      false,
    );
    expectProblem(
      await region.post(`/api/v1/procurements/${id}/checklist`, { phase: 'someday', label: 'Något' }),
      400,
      'validation_failed',
      'body.phase',
    );
  });

  it('builds the specification from the library, owned by the lead and linked to the procurement', async () => {
    const res = await region.post(`/api/v1/procurements/${id}/specification/build`);
    expect(res.statusCode, res.body).toBe(201);
    const spec = res.json().specification;
    expect(spec.itemCount).toBeGreaterThan(0);
    const docx = await region.get(`/api/v1/requirement-specifications/${spec.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it("refuses to link another organisation's specification", async () => {
    const [other] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from requirement_specifications where owner_organisation_id <> ${dalarna} limit 1`,
    );
    if (!other) return;
    expectProblem(
      await put(region, `/api/v1/procurements/${id}/specification`, { specificationId: other.id }),
      400,
      'validation_failed',
      'body.specificationId',
    );
  });

  it('links initiatives and needs, refusing unknown ones', async () => {
    const [need] = await queryRows<{ id: string }>(t.db, sql`select id from needs limit 1`);
    const res = await put(region, `/api/v1/procurements/${id}/links`, {
      initiativeIds: [],
      needIds: need ? [need.id] : [],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().needs).toHaveLength(need ? 1 : 0);
    expectProblem(
      await put(region, `/api/v1/procurements/${id}/links`, {
        initiativeIds: ['00000000-0000-4000-8000-000000000000'],
        needIds: [],
      }),
      400,
      'validation_failed',
      'body.initiativeIds.0',
    );
  });
});

describe('participants', () => {
  it("invites more of the region's municipalities, never one outside it", async () => {
    const res = await region.post(`/api/v1/procurements/${id}/participants`, { municipalityCodes: ['2062'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().participants.map((p: { municipality: { code: string } }) => p.municipality.code),
    ).toContain('2062');
    const before = await counts();
    expectProblem(
      await region.post(`/api/v1/procurements/${id}/participants`, { municipalityCodes: ['2282'] }),
      400,
      'validation_failed',
      'body.municipalityCodes.0',
    );
    expectProblem(
      await falun.post(`/api/v1/procurements/${id}/participants`, { municipalityCodes: ['2062'] }),
      403,
      'forbidden',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a confirmation without a decision date, without a file, with the wrong file type, or by another municipality', async () => {
    const pdf = await pdfWith(['Fullmakt', 'Falu kommun ger Region Dalarna fullmakt att upphandla.']);
    const before = await counts();
    expectProblem(
      await confirm(
        falun,
        '2080',
        { decision: 'confirmed' },
        { name: 'fullmakt.pdf', content: pdf, type: 'application/pdf' },
      ),
      400,
      'validation_failed',
      'body.decisionOn',
    );
    expectProblem(
      await confirm(falun, '2080', { decision: 'confirmed', decisionOn: '2026-11-20' }),
      400,
      'file_required',
      'body.file',
    );
    const wrong = await confirm(
      falun,
      '2080',
      { decision: 'confirmed', decisionOn: '2026-11-20' },
      {
        name: 'fullmakt.pdf',
        content: Buffer.from('MZ this is not a pdf at all, just text'),
        type: 'application/pdf',
      },
    );
    expect(wrong.statusCode, wrong.body).toBe(415);
    expect(wrong.json().errors[0].path).toBe('body.file');
    expectProblem(
      await confirm(
        borlange,
        '2080',
        { decision: 'confirmed', decisionOn: '2026-11-20' },
        { name: 'f.pdf', content: pdf, type: 'application/pdf' },
      ),
      403,
      'forbidden',
    );
    expectProblem(
      await confirm(
        region,
        '2080',
        { decision: 'confirmed', decisionOn: '2026-11-20' },
        { name: 'f.pdf', content: pdf, type: 'application/pdf' },
      ),
      403,
      'forbidden',
    );
    expect(await counts()).toEqual(before);
  });

  it("lets Falun's coordinator confirm with a power of attorney, which Falun, the region and the lead read and Borlänge does not", async () => {
    const pdf = await pdfWith(['Fullmakt', 'Falu kommun ger Region Dalarna fullmakt att upphandla.']);
    const res = await confirm(
      falun,
      '2080',
      { decision: 'confirmed', decisionOn: '2026-11-20' },
      { name: 'fullmakt.pdf', content: pdf, type: 'application/pdf' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const own = res
      .json()
      .participants.find((p: { municipality: { code: string } }) => p.municipality.code === '2080');
    expect(own).toMatchObject({
      status: 'confirmed',
      decisionOn: '2026-11-20',
      powerOfAttorney: { fileName: 'fullmakt.pdf' },
    });
    const url = `/api/v1/procurements/${id}/documents/${own.powerOfAttorney.id}`;
    expect((await falun.get(url)).statusCode).toBe(200);
    const byRegion = await region.get(url);
    expect(byRegion.statusCode).toBe(200);
    expect(byRegion.headers['content-type']).toContain('application/pdf');
    const seenByBorlange = (await borlange.get(`/api/v1/procurements/${id}`)).json();
    expect(
      seenByBorlange.participants.find(
        (p: { municipality: { code: string } }) => p.municipality.code === '2080',
      ).powerOfAttorney,
    ).toBeNull();
    expectProblem(await borlange.get(url), 403, 'forbidden');
    expectProblem(await kramfors.get(url), 404, 'not_found');
    expectProblem(await staff.get(url), 403, 'forbidden');
  });

  it('lets Borlänge decline without a file', async () => {
    const res = await borlange.post(`/api/v1/procurements/${id}/participants/2081/confirm`, {
      decision: 'declined',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().confirmedCount).toBe(1);
    const [entry] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'procurement.participation_declined'`,
    );
    expect(entry!.n).toBe(1);
  });
});

describe('the resulting contract', () => {
  const contract = (supplierId: string, extra: Record<string, unknown> = {}) => ({
    supplierId,
    title: 'Trygghetslarm från samordnad upphandling',
    procurementForm: 'joint',
    startsOn: '2027-06-01',
    endsOn: '2029-05-31',
    technologies: ['digital-safety-alarm'],
    extensions: [{ months: 12, decideBy: '2029-01-31' }],
    ...extra,
  });
  let supplierId: string;
  beforeAll(async () => {
    supplierId = (
      await queryRows<{ id: string }>(t.db, sql`select id from suppliers where merged_into is null limit 1`)
    )[0]!.id;
  });

  it('is refused before the contract is signed, by a participant, and with another procurement form', async () => {
    const before = await counts();
    expectProblem(
      await region.post(`/api/v1/procurements/${id}/contracts`, contract(supplierId)),
      409,
      'procurement_not_signed',
    );
    expectProblem(
      await falun.post(`/api/v1/procurements/${id}/contracts`, contract(supplierId)),
      403,
      'forbidden',
    );
    expectProblem(
      await region.post(
        `/api/v1/procurements/${id}/contracts`,
        contract(supplierId, { procurementForm: 'own' }),
      ),
      400,
      'validation_failed',
      'body.procurementForm',
    );
    expectProblem(
      await region.post(
        `/api/v1/procurements/${id}/contracts`,
        contract(supplierId, { endsOn: '2027-01-01' }),
      ),
      400,
      'validation_failed',
      'body.endsOn',
    );
    expect(await counts()).toEqual(before);
  });

  it("writes it into each confirmed participant's register as a joint procurement, once", async () => {
    const version = (await region.get(`/api/v1/procurements/${id}`)).json().version;
    const moved = await region.patch(`/api/v1/procurements/${id}`, { version, phase: 'contract_signed' });
    expect(moved.statusCode, moved.body).toBe(200);
    const res = await region.post(`/api/v1/procurements/${id}/contracts`, contract(supplierId));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contracts.map((c: { municipality: { code: string } }) => c.municipality.code)).toEqual([
      '2080',
    ]);
    expect(res.json().awardedSupplier.id).toBe(supplierId);
    const rows = await queryRows<{ procurement_form: string; code: string }>(
      t.db,
      sql`select c.procurement_form, m.code from contracts c join organisations m on m.id = c.municipality_id
          where c.procurement_id = ${id}`,
    );
    expect(rows).toEqual([{ procurement_form: 'joint', code: '2080' }]);
    const again = await region.post(`/api/v1/procurements/${id}/contracts`, contract(supplierId));
    expect(again.json().contracts).toHaveLength(1);
  });
});

describe('the demo', () => {
  it("has Dalarna's joint procurement of digital locks in the requirements phase, with powers of attorney and a specification", async () => {
    const list = (await region.get('/api/v1/procurements?technology=digital-lock')).json();
    const demo = list.items.find((i: { title: string }) => i.title.includes('digitala lås'));
    expect(demo).toMatchObject({ phase: 'requirements', lead: { id: dalarna } });
    const p = (await falun.get(`/api/v1/procurements/${demo.id}`)).json();
    const falunRow = p.participants.find(
      (x: { municipality: { code: string } }) => x.municipality.code === '2080',
    );
    expect(falunRow).toMatchObject({ status: 'confirmed', canRespond: true });
    expect(falunRow.powerOfAttorney).not.toBeNull();
    expect(p.participants.some((x: { status: string }) => x.status === 'invited')).toBe(true);
    expect(p.specification.itemCount).toBeGreaterThan(0);
    expect(
      (await falun.get(`/api/v1/procurements/${demo.id}/documents/${falunRow.powerOfAttorney.id}`))
        .statusCode,
    ).toBe(200);
  });
});
