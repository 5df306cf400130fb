import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../support/multipart.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { addPerson, addUnit, codes, count, loadCourses, orgId, userId } from './programmes.fixtures.ts';

let t: TestApp;
let staffCourse: string;
let managerCourse: string;
type Key =
  | 'akademi'
  | 'falun'
  | 'norr'
  | 'kramforsUnit'
  | 'arvidsjaurUnit'
  | 'kStaff1'
  | 'kStaff2'
  | 'kManager'
  | 'aStaff'
  | 'an'
  | 'falunProgramme';
const ids = {} as Record<Key, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ staffCourse, managerCourse } = await loadCourses(t));
  ids.akademi = await orgId(t, 'Akademi Norr', 'association');
  ids.falun = await orgId(t, 'Falun', 'municipality');
  ids.norr = await orgId(t, 'Hemtjänsten Norr', 'unit');
  ids.kramforsUnit = await addUnit(t, '2282', 'Testhemtjänsten Kramfors');
  ids.arvidsjaurUnit = await addUnit(t, '2505', 'Testboendet Arvidsjaur');
  ids.kStaff1 = await addPerson(t, 'p.kstaff1', 'Kerstin Testsson', ids.kramforsUnit, 'staff', 'woman');
  ids.kStaff2 = await addPerson(t, 'p.kstaff2', 'Karl Testsson', ids.kramforsUnit, 'staff', 'man');
  ids.kManager = await addPerson(t, 'p.kchef', 'Klara Chefsson', ids.kramforsUnit, 'manager', 'woman');
  ids.aStaff = await addPerson(t, 'p.astaff', 'Alva Testsson', ids.arvidsjaurUnit, 'staff', null);
});
afterAll(() => t.close());

const anProgramme = (over: Record<string, unknown> = {}) => ({
  name: 'Testprogram Akademi Norr',
  ownerOrganisationId: ids.akademi,
  startsOn: '2025-01-01',
  endsOn: '2027-06-30',
  municipalityCodes: ['2282', '2506'],
  targetParticipants: 10,
  funding: { esfProjectNumber: '2023/00123', grantedSek: 4_500_000, funder: 'Svenska ESF-rådet' },
  courses: [
    { track: 'staff', courseId: staffCourse },
    { track: 'managers', courseId: managerCourse },
  ],
  ...over,
});

describe('creating and changing programmes', () => {
  it('lets the association coordinator create a programme for its municipalities', async () => {
    const a = await t.as('samordnare.akademinorr');
    const res = await a.post('/api/v1/programmes', anProgramme());
    expect(res.statusCode).toBe(201);
    const p = res.json();
    ids.an = p.id;
    expect(p).toMatchObject({
      name: 'Testprogram Akademi Norr',
      owner: { id: ids.akademi, name: 'Akademi Norr', kind: 'association' },
      targetParticipants: 10,
      selfEnrolment: false,
      funding: { esfProjectNumber: '2023/00123', grantedSek: 4_500_000 },
      enrolled: 0,
      canManage: true,
      canReport: true,
    });
    expect(p.municipalities.map((m: { code: string }) => m.code)).toEqual(['2506', '2282']);
    expect(p.courses.map((c: { track: string; courseKey: string }) => `${c.track}:${c.courseKey}`)).toEqual([
      'managers:testkurs-chef',
      'staff:testkurs-mini',
    ]);
  });

  it('lets a municipal coordinator create one for their municipality only, with self-enrolment', async () => {
    const a = await t.as('samordnare.falun');
    const res = await a.post('/api/v1/programmes', {
      ...anProgramme({ name: 'Falun lär sig', ownerOrganisationId: ids.falun, municipalityCodes: ['2080'] }),
      courses: [{ track: 'staff', courseId: staffCourse }],
      selfEnrolment: true,
    });
    expect(res.statusCode).toBe(201);
    ids.falunProgramme = res.json().id;
    const before = await count(t, 'programmes');
    const outside = await a.post(
      '/api/v1/programmes',
      anProgramme({ ownerOrganisationId: ids.falun, municipalityCodes: ['2080', '2081'] }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('programme_municipality_out_of_scope');
    expect(codes(outside)).toEqual(['programme_municipality_out_of_scope']);
    expect(await count(t, 'programmes')).toBe(before);
  });

  it('refuses other owners, roles and municipalities outside the association', async () => {
    const before = await count(t, 'programmes');
    expect(
      (await (await t.as('samordnare.falun')).post('/api/v1/programmes', anProgramme())).statusCode,
    ).toBe(403);
    const chef = await t.as('chef.falun');
    expect(
      (
        await chef.post(
          '/api/v1/programmes',
          anProgramme({ ownerOrganisationId: ids.falun, municipalityCodes: ['2080'] }),
        )
      ).statusCode,
    ).toBe(403);
    const a = await t.as('samordnare.akademinorr');
    const falun = await a.post('/api/v1/programmes', anProgramme({ municipalityCodes: ['2282', '2080'] }));
    expect(falun.statusCode).toBe(400);
    expect(falun.json().errors[0]).toMatchObject({ path: 'body.municipalityCodes.1' });
    expect(await count(t, 'programmes')).toBe(before);
  });

  it('rejects bad input with problem details and writes nothing', async () => {
    const a = await t.as('samordnare.akademinorr');
    const before = await count(t, 'programmes');
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: '2024-01-01' }, 'ends_before_start'],
      [{ municipalityCodes: ['9999'] }, 'unknown_municipality'],
      [{ municipalityCodes: [] }, 'choose_municipality'],
      [{ targetParticipants: 0 }, 'too_small'],
      [{ funding: { esfProjectNumber: 'abc' } }, 'invalid_format'],
      [
        {
          courses: [
            { track: 'staff', courseId: staffCourse },
            { track: 'staff', courseId: managerCourse },
          ],
        },
        'duplicate_track',
      ],
      [{ courses: [{ track: 'staff', courseId: ids.akademi }] }, 'invalid_value'],
    ];
    for (const [over, code] of cases) {
      const res = await a.post('/api/v1/programmes', anProgramme(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(codes(res), JSON.stringify(over)).toContain(code);
    }
    const unit = await (await t.as('samordnare.falun')).post(
      '/api/v1/programmes',
      anProgramme({ ownerOrganisationId: ids.norr, municipalityCodes: ['2080'] }),
    );
    expect(unit.json().code).toBe('invalid_programme_owner');
    expect(await count(t, 'programmes')).toBe(before);
  });

  it('shows programmes to those who own, cover, work in or are enrolled in them', async () => {
    const names = async (local: string) =>
      ((await (await t.as(local)).get('/api/v1/programmes')).json().items as { name: string }[]).map(
        (p) => p.name,
      );
    expect(await names('samordnare.akademinorr')).toContain('Testprogram Akademi Norr');
    expect(await names('samordnare.kramfors')).toContain('Testprogram Akademi Norr');
    expect(await names('samordnare.falun')).not.toContain('Testprogram Akademi Norr');
    expect(await names('personal.falun')).toContain('Falun lär sig');
    expect(await names('chef.borlange')).not.toContain('Falun lär sig');
    expect(await names('admin')).toEqual(
      expect.arrayContaining(['Falun lär sig', 'Testprogram Akademi Norr']),
    );

    const kramfors = (await (await t.as('samordnare.kramfors')).get(`/api/v1/programmes/${ids.an}`)).json();
    expect(kramfors).toMatchObject({ canManage: false, canReport: true });
    expect((await (await t.as('samordnare.falun')).get(`/api/v1/programmes/${ids.an}`)).statusCode).toBe(404);
    expect((await (await t.as('samordnare.falun')).get('/api/v1/programmes/nope')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/programmes' })).statusCode).toBe(401);
  });

  it('lets the owner change a programme, and no one else', async () => {
    const a = await t.as('samordnare.akademinorr');
    const res = await a.patch(`/api/v1/programmes/${ids.an}`, {
      targetParticipants: 12,
      funding: { esfProjectNumber: '2023/00123', grantedSek: 5_000_000, budgetSek: 6_000_000 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ targetParticipants: 12, funding: { budgetSek: 6_000_000 } });
    expect(
      (await (await t.as('samordnare.kramfors')).patch(`/api/v1/programmes/${ids.an}`, { name: 'X' }))
        .statusCode,
    ).toBe(403);
    expect((await a.patch(`/api/v1/programmes/${ids.an}`, {})).statusCode).toBe(400);
    expect(
      (await a.patch(`/api/v1/programmes/${ids.an}`, { endsOn: '2020-01-01' })).json().errors[0].code,
    ).toBe('ends_before_start');
    expect((await a.patch(`/api/v1/programmes/${ids.an}`, { municipalityCodes: ['2080'] })).json().code).toBe(
      'programme_municipality_out_of_scope',
    );
    expect((await a.get(`/api/v1/programmes/${ids.an}`)).json().targetParticipants).toBe(12);
  });
});

describe('enrolment in a programme', () => {
  it('puts staff on the staff course and managers on the managers course', async () => {
    const a = await t.as('samordnare.akademinorr');
    // The report on screen is a snapshot; enrolling must show in it at once.
    const enrolled = async () =>
      (await a.get(`/api/v1/programmes/${ids.an}/report`)).json().totals.enrolled as number;
    const before = await enrolled();
    const res = await a.post(`/api/v1/programmes/${ids.an}/enrolments`, {
      userIds: [ids.kStaff1, ids.kManager],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, existing: 0 });
    expect(await enrolled()).toBe(before + 2);
    const byUser = Object.fromEntries(
      res.json().results.map((r: { userId: string; track: string; courseId: string }) => [r.userId, r]),
    );
    expect(byUser[ids.kStaff1]).toMatchObject({ track: 'staff', courseId: staffCourse, outcome: 'created' });
    expect(byUser[ids.kManager]).toMatchObject({ track: 'managers', courseId: managerCourse });
    const again = await a.post(`/api/v1/programmes/${ids.an}/enrolments`, { userIds: [ids.kStaff1] });
    expect(again.json()).toMatchObject({ created: 0, existing: 1 });
  });

  it('lets a municipal coordinator and a manager enrol their own people', async () => {
    const k = await t.as('samordnare.kramfors');
    expect(
      (await k.post(`/api/v1/programmes/${ids.an}/enrolments`, { userIds: [ids.kStaff2] })).json().created,
    ).toBe(1);
    const chef = await t.agent();
    await chef.login(demoEmail('p.kchef'));
    // The manager's own track course plus a colleague: both in the unit.
    expect(
      (await chef.post(`/api/v1/programmes/${ids.an}/enrolments`, { userIds: [ids.kStaff2] })).json(),
    ).toMatchObject({ existing: 1 });
  });

  it('refuses people outside the programme, outside the actor’s reach, or without a course for their track', async () => {
    const before = await count(t, 'enrolments');
    const a = await t.as('samordnare.akademinorr');
    const outside = await a.post(`/api/v1/programmes/${ids.an}/enrolments`, {
      userIds: [ids.kStaff1, ids.aStaff],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([
      expect.objectContaining({ path: 'body.userIds.1', code: 'not_participating' }),
    ]);
    expect(
      (
        await a.post(`/api/v1/programmes/${ids.an}/enrolments`, {
          userIds: [await userId(t, 'personal.falun')],
        })
      ).statusCode,
    ).toBe(403);
    const chef = await t.as('chef.falun');
    expect(
      (
        await chef.post(`/api/v1/programmes/${ids.falunProgramme}/enrolments`, {
          userIds: [await userId(t, 'ulla.aberg')],
        })
      ).statusCode,
    ).toBe(403);
    const noTrack = await (await t.as('samordnare.falun')).post(
      `/api/v1/programmes/${ids.falunProgramme}/enrolments`,
      { userIds: [await userId(t, 'chef.lugnet')] },
    );
    expect(noTrack.statusCode).toBe(400);
    expect(codes(noTrack)).toEqual(['no_course_for_track']);
    const staff = await t.as('personal.falun');
    expect(
      (
        await staff.post(`/api/v1/programmes/${ids.falunProgramme}/enrolments`, {
          userIds: [await userId(t, 'erik.wallin')],
        })
      ).statusCode,
    ).toBe(403);
    expect((await a.post(`/api/v1/programmes/${ids.an}/enrolments`, { userIds: [] })).statusCode).toBe(400);
    expect((await a.post(`/api/v1/programmes/${ids.an}/enrolments`, { userIds: ['x'] })).statusCode).toBe(
      400,
    );
    expect(await count(t, 'enrolments')).toBe(before);
  });

  it('lets people enrol themselves only where the programme allows it', async () => {
    const staff = await t.as('personal.falun');
    const self = await staff.post(`/api/v1/programmes/${ids.falunProgramme}/enrolments`, {});
    expect(self.json()).toMatchObject({ created: 1, results: [{ track: 'staff', courseId: staffCourse }] });
    const k = t.agent();
    await k.login(demoEmail('p.kstaff1'));
    const closed = await k.post(`/api/v1/programmes/${ids.an}/enrolments`, {});
    expect(closed.statusCode).toBe(403);
    expect(closed.json().code).toBe('self_enrolment_closed');
    expect(
      (await (await t.as('maja.strom')).post(`/api/v1/programmes/${ids.falunProgramme}/enrolments`, {}))
        .statusCode,
    ).toBe(404);
  });
});

describe('CSV enrolment', () => {
  const upload = (agent: Awaited<ReturnType<TestApp['as']>>, csv: Buffer, mode = 'commit') => {
    const { payload, headers } = multipartFile('file', 'deltagare.csv', csv);
    return agent.request({
      method: 'POST',
      url: `/api/v1/programmes/${ids.an}/enrolments/import?mode=${mode}`,
      payload,
      headers,
    });
  };
  const file = iconv.encode(
    [
      'Namn;E-post',
      `Karl Testsson;${demoEmail('p.kstaff2')}`,
      'Okänd Person;okand@example.se',
      'Trasig;inte-en-adress',
      `Alva Testsson;${demoEmail('p.astaff')}`,
      `Amir Haddad;${demoEmail('personal.falun')}`,
      `Kerstin Testsson;${demoEmail('p.kstaff1')}`,
      `Kerstin igen;${demoEmail('p.kstaff1')}`,
    ].join('\r\n'),
    'win1252',
  );

  it('previews every row without writing, then enrols the valid rows', async () => {
    const a = await t.as('samordnare.akademinorr');
    const before = await count(t, 'enrolments');
    const preview = await upload(a, file, 'preview');
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ mode: 'preview', encoding: 'windows-1252', delimiter: ';', total: 7 });
    expect(
      p.rows.map((r: { outcome: string; errors: { code: string }[] }) => [
        r.outcome,
        r.errors.map((e) => e.code),
      ]),
    ).toEqual([
      ['existing', []],
      ['error', ['user_not_found']],
      ['error', ['invalid_email']],
      ['error', ['not_participating']],
      ['error', ['forbidden']],
      ['existing', []],
      ['error', ['duplicate_in_file']],
    ]);
    expect(p.rows[1].errors[0].message).toContain('Det finns ingen person');
    expect(await count(t, 'enrolments')).toBe(before);

    const newcomer = await addPerson(t, 'p.kstaff3', 'Kim Nysson', ids.kramforsUnit, 'staff', 'other');
    const withNew = Buffer.concat([file, Buffer.from(`\r\nKim;${demoEmail('p.kstaff3')}\r\n`)]);
    const commit = await upload(a, withNew);
    expect(commit.json()).toMatchObject({ mode: 'commit', created: 1, existing: 2, failed: 5 });
    expect(await count(t, 'enrolments')).toBe(before + 1);
    expect(newcomer).toBeTruthy();
  });

  it('rejects broken files and files without a valid row, writing nothing', async () => {
    const a = await t.as('samordnare.akademinorr');
    const before = await count(t, 'enrolments');
    const noEmail = await upload(a, Buffer.from('Namn;Enhet\nKalle;X\n'));
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().code).toBe('csv_missing_email_column');
    const none = await upload(a, Buffer.from('e-post\nokand@example.se\n'));
    expect(none.json().code).toBe('import_has_no_valid_rows');
    const { payload, headers } = multipartFile('file', 'x.csv', Buffer.alloc(0));
    expect(
      (
        await a.request({
          method: 'POST',
          url: `/api/v1/programmes/${ids.an}/enrolments/import`,
          payload,
          headers,
        })
      ).statusCode,
    ).toBe(400);
    expect(await count(t, 'enrolments')).toBe(before);
  });

  it('refuses staff', async () => {
    const k = t.agent();
    await k.login(demoEmail('p.kstaff1'));
    expect((await upload(k as never, file)).statusCode).toBe(403);
  });
});
