import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { addPerson, addUnit, loadCourses, orgId } from './programmes.fixtures.ts';

let t: TestApp;
let programme: string;
const ids = {} as Record<'kStaff1' | 'kStaff2' | 'kManager' | 'aStaff', string>;

beforeAll(async () => {
  t = await createTestApp();
  const { staffCourse, managerCourse } = await loadCourses(t);
  const kramfors = await addUnit(t, '2282', 'Sökhemtjänsten Kramfors');
  const arvidsjaur = await addUnit(t, '2505', 'Sökboendet Arvidsjaur');
  ids.kStaff1 = await addPerson(t, 's.kstaff1', 'Kerstin Söksson', kramfors, 'staff', 'woman');
  ids.kStaff2 = await addPerson(t, 's.kstaff2', 'Karl Söksson', kramfors, 'staff', 'man');
  ids.kManager = await addPerson(t, 's.kchef', 'Klara Söksson', kramfors, 'manager', 'woman');
  ids.aStaff = await addPerson(t, 's.astaff', 'Alva Söksson', arvidsjaur, 'staff', null);
  const res = await (await t.as('samordnare.akademinorr')).post('/api/v1/programmes', {
    name: 'Sökprogrammet',
    ownerOrganisationId: await orgId(t, 'Akademi Norr', 'association'),
    startsOn: '2025-01-01',
    endsOn: '2027-06-30',
    municipalityCodes: ['2282', '2506'],
    targetParticipants: 10,
    funding: {},
    courses: [
      { track: 'staff', courseId: staffCourse },
      { track: 'managers', courseId: managerCourse },
    ],
  });
  expect(res.statusCode).toBe(201);
  programme = res.json().id;
});
afterAll(() => t.close());

const url = (q = '') => `/api/v1/programmes/${programme}/enrolment-candidates${q}`;
const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

describe('searching people to enrol in a programme', () => {
  it('gives the owner’s coordinator the people of every participating municipality', async () => {
    const owner = await t.as('samordnare.akademinorr');
    const res = await owner.get(url('?q=s%C3%B6ksson'));
    expect(res.statusCode).toBe(200);
    // Arvidsjaur does not take part; Swedish order by first name.
    expect(names(res.json())).toEqual(['Karl Söksson', 'Kerstin Söksson', 'Klara Söksson']);
    expect(res.json().items.find((i: { name: string }) => i.name === 'Klara Söksson')).toMatchObject({
      track: 'managers',
      organisationName: 'Sökhemtjänsten Kramfors',
      municipalityName: 'Kramfors',
      enrolled: false,
    });
    const limited = (await owner.get(url('?q=s%C3%B6ksson&limit=2'))).json();
    expect(limited.items).toHaveLength(2);
    expect(limited.more).toBe(true);
  });

  it('gives a manager the people of her unit and marks who is enrolled', async () => {
    const chef = await t.as('s.kchef');
    const enrol = await chef.post(`/api/v1/programmes/${programme}/enrolments`, { userIds: [ids.kStaff1] });
    expect(enrol.statusCode).toBe(200);
    const res = (await chef.get(url('?q=kerstin'))).json();
    expect(res.items).toEqual([expect.objectContaining({ userId: ids.kStaff1, enrolled: true })]);
    const coord = (await (await t.as('samordnare.kramfors')).get(url('?q=s%C3%B6ksson'))).json();
    expect(names(coord)).toHaveLength(3);
  });

  it('refuses staff, other municipalities and bad parameters', async () => {
    expect((await (await t.as('s.kstaff2')).get(url())).statusCode).toBe(403);
    expect((await (await t.as('samordnare.falun')).get(url())).statusCode).toBe(404);
    const owner = await t.as('samordnare.akademinorr');
    expect((await owner.get(url('?limit=0'))).statusCode).toBe(400);
    expect((await owner.get(url('?q=%00'))).statusCode).toBe(400);
    expect((await owner.get('/api/v1/programmes/x/enrolment-candidates')).statusCode).toBe(400);
  });
});
