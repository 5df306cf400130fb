import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { findPackageFile } from '../../src/server/features/course-packages/package-files.repo.ts';
import type { ImportedCourseContent } from '../../src/shared/contracts/imported-course.ts';
import {
  bareCmi5Xml,
  cmi5Xml,
  cmi5Zip,
  DEFAULT_2004_SCOS,
  packageForm,
  scorm12Manifest,
  scorm12Zip,
  scorm2004Zip,
  zipOf,
} from '../support/course-packages.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { accessToken, createClient, nationId, orgByCode } from './api-clients.fixtures.ts';

let t: TestApp;
let falun: string;
let coordinator: Agent;

const KEY = /^[a-z0-9-]{1,80}$/;
const TABLES = ['courses', 'course_versions', 'course_packages', 'course_package_files'] as const;

async function counts() {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    out[table] = (
      await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`)
    )[0]!.n;
  }
  return out;
}

const upload = (a: Agent, url: string, content: Buffer, fields?: Record<string, string>, file?: object) =>
  a.request({ method: 'POST', url, ...packageForm(content, fields, file) });
const importAs = (a: Agent, content: Buffer, fields?: Record<string, string>, file?: object) =>
  upload(a, '/api/v1/courses/import', content, fields, file);
const withBearer = (token: string, content: Buffer, url = '/api/v1/courses/import', fields = {}) => {
  const form = packageForm(content, fields);
  return t.app.inject({
    method: 'POST',
    url,
    payload: form.payload,
    headers: { ...form.headers, authorization: `Bearer ${token}` },
  });
};

async function courseRow(id: string) {
  const [row] = await queryRows<{
    key: string;
    owner_organisation_id: string;
    visibility: string;
    track: string;
    published_version: number;
    draft: ImportedCourseContent;
  }>(t.db, sql`select * from courses where id = ${id}`);
  return row!;
}

async function audits(action: string, entityId: string) {
  return queryRows<{ after: Record<string, unknown> }>(
    t.db,
    sql`select after from audit_log where action = ${action} and entity_id = ${entityId}`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  falun = await orgByCode(t, 'municipality', '2080');
  coordinator = await t.as('samordnare.falun');
});
afterAll(() => t.close());

describe('POST /courses/import', () => {
  it("imports a SCORM 1.2 package as a published course of the coordinator's municipality", async () => {
    const res = await importAs(coordinator, scorm12Zip({ masteryScore: 80 }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'scorm12', version: 1 });
    expect(body.modules).toEqual([{ key: expect.stringMatching(KEY), title: 'Brandsäkerhet i hemtjänsten' }]);

    const row = await courseRow(body.courseId);
    expect(row).toMatchObject({
      key: 'brandsakerhet-i-hemtjansten',
      owner_organisation_id: falun,
      visibility: 'municipality',
      track: 'staff',
      published_version: 1,
    });
    expect(row.draft).toMatchObject({ format: 'scorm12', languages: ['sv'], estimatedMinutes: 10 });
    expect(row.draft.navigation).toEqual({ choice: true, flow: true, forwardOnly: false });
    expect(row.draft.modules[0]).toMatchObject({
      identifier: 'Brandsakerhet_SCO',
      kind: 'sco',
      launch: 'index_lms.html',
      passingScore: 0.8,
    });

    const [pkg] = await queryRows<{ id: string; kind: string; file_count: number }>(
      t.db,
      sql`select id, kind, file_count from course_packages where course_id = ${body.courseId}`,
    );
    expect(pkg).toMatchObject({ id: row.draft.packageId, kind: 'scorm12', file_count: 4 });
    const file = await findPackageFile(t.db, pkg!.id, 'story_content/data.js');
    expect(file?.mediaType).toBe('text/javascript');
    expect(file?.content.toString()).toBe('window.storyData = {"slides": 12};');
    expect(file?.etag).toBe(`"${createHash('sha256').update(file!.content).digest('hex')}"`);
    expect(file?.sizeBytes).toBe(file?.content.length);
    expect((await findPackageFile(t.db, pkg!.id, 'story_content/bild.png'))?.mediaType).toBe('image/png');
    expect(await findPackageFile(t.db, pkg!.id, 'nothing.html')).toBeNull();
    expect(await audits('course.imported', body.courseId)).toHaveLength(1);

    const view = await coordinator.get(`/api/v1/courses/${body.courseId}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      format: 'scorm12',
      title: 'Brandsäkerhet i hemtjänsten',
      modules: [{ key: body.modules[0].key, title: 'Brandsäkerhet i hemtjänsten', kind: 'sco' }],
    });
  });

  it('makes the course key unique with -2, -3 …', async () => {
    const keys: string[] = [];
    for (const title of ['Lyftteknik', 'Lyftteknik', 'Lyftteknik']) {
      const res = await importAs(coordinator, scorm12Zip({ title }));
      expect(res.statusCode, res.body).toBe(201);
      keys.push((await courseRow(res.json().courseId)).key);
    }
    expect(keys).toEqual(['lyftteknik', 'lyftteknik-2', 'lyftteknik-3']);
  });

  it('gives packages of the same title imported at the same moment a key each', async () => {
    const sent = await Promise.all(
      [1, 2, 3, 4].map(() => importAs(coordinator, scorm12Zip({ title: 'Nattfika samtidigt' }))),
    );
    expect(sent.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const keys = await Promise.all(sent.map(async (r) => (await courseRow(r.json().courseId)).key));
    expect(keys.sort()).toEqual([
      'nattfika-samtidigt',
      'nattfika-samtidigt-2',
      'nattfika-samtidigt-3',
      'nattfika-samtidigt-4',
    ]);
  });

  it('lets an administrator import a SCORM 2004 package for the nation, navigation from its sequencing', async () => {
    const admin = await t.as('admin');
    const res = await importAs(
      admin,
      scorm2004Zip({ controlMode: { choice: false, flow: true, forwardOnly: true } }),
      { ownerOrganisationId: await nationId(t), track: 'managers' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'scorm2004', version: 1 });
    expect(res.json().modules.map((m: { title: string }) => m.title)).toEqual(
      DEFAULT_2004_SCOS.map((s) => s.title),
    );
    const row = await courseRow(res.json().courseId);
    expect(row).toMatchObject({ visibility: 'national', track: 'managers' });
    expect(row.draft.navigation).toEqual({ choice: false, flow: true, forwardOnly: true });
    expect(row.draft.estimatedMinutes).toBe(30);
    expect(row.draft.modules.map((m) => m.passingScore)).toEqual([null, null, 0.8]);
  });

  it('lets an API client with courses:write import a cmi5 package for its own organisation', async () => {
    const client = await createClient(t, 'samordnare.falun', falun, ['courses:write'], 'Kursproducent');
    const res = await withBearer(await accessToken(t, client), cmi5Zip());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'cmi5',
      modules: [{ title: 'Introduktion' }, { title: 'Test' }],
    });
    const row = await courseRow(res.json().courseId);
    expect(row).toMatchObject({ owner_organisation_id: falun, key: 'hot-och-vald' });
    expect(row.draft.title).toEqual({ sv: 'Hot och våld', en: 'Threats and violence' });
    expect(row.draft.languages).toEqual(['sv', 'en']);
    expect(row.draft.modules[1]).toMatchObject({
      kind: 'au',
      launch: 'au2/index.html?mode=test',
      passingScore: 0.7,
      moveOn: 'Passed',
      title: { sv: 'Test', en: 'Test' },
    });
  });

  it('imports a bare cmi5.xml whose AUs are hosted elsewhere (cmi5:admin)', async () => {
    const client = await createClient(t, 'samordnare.falun', falun, ['cmi5:admin'], 'cmi5-testsvit');
    const form = packageForm(bareCmi5Xml(), {}, { name: 'cmi5.xml', type: 'text/xml' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/courses/import',
      payload: form.payload,
      headers: { ...form.headers, authorization: `Bearer ${await accessToken(t, client)}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await courseRow(res.json().courseId);
    expect(row.draft.modules[0]?.launch).toBe('https://innehall.example.se/au1/index.html');
  });

  it("takes a package over the app's 10 MiB upload limit", async () => {
    const video = new Uint8Array(randomBytes(11 * 1024 * 1024));
    const res = await importAs(
      coordinator,
      scorm12Zip({ title: 'Med film', extraFiles: { 'film.mp4': video } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const row = await courseRow(res.json().courseId);
    const file = await findPackageFile(t.db, row.draft.packageId, 'film.mp4');
    expect(file).toMatchObject({ mediaType: 'video/mp4', sizeBytes: video.length });
  });

  it('stores a package of 2,000 files', async () => {
    const extraFiles = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`assets/del-${i}.txt`, `Del ${i}`]),
    );
    const res = await importAs(coordinator, scorm12Zip({ title: 'Stort paket', extraFiles }));
    expect(res.statusCode, res.body).toBe(201);
    const [pkg] = await queryRows<{ file_count: number; n: number }>(
      t.db,
      sql`select p.file_count, (select count(*)::int from course_package_files f where f.package_id = p.id) as n
          from course_packages p where p.course_id = ${res.json().courseId}`,
    );
    expect(pkg).toEqual({ file_count: 2004, n: 2004 });
  });
});

describe('who may import', () => {
  it('refuses care staff, another municipality and an API client without the scope, writing nothing', async () => {
    const before = await counts();
    const staff = await t.as('personal.falun');
    expect((await importAs(staff, scorm12Zip())).statusCode).toBe(403);
    expect((await importAs(staff, scorm12Zip(), { ownerOrganisationId: falun })).statusCode).toBe(403);
    const borlange = await t.as('samordnare.borlange');
    const other = await importAs(borlange, scorm12Zip(), { ownerOrganisationId: falun });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('forbidden');

    const client = await createClient(t, 'samordnare.falun', falun, ['learning:read'], 'Rapporter');
    const res = await withBearer(await accessToken(t, client), scorm12Zip());
    expect(res.statusCode).toBe(403);
    expect(res.headers['www-authenticate']).toContain('insufficient_scope');
    expect(await counts()).toEqual(before);
  });

  it('needs the CSRF token of a session and a login', async () => {
    const form = packageForm(scorm12Zip());
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/courses/import',
      payload: form.payload,
      headers: { ...form.headers, cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    expect((await importAs(t.agent(), scorm12Zip())).statusCode).toBe(401);
  });
});

describe('a package that is refused', () => {
  const problem = async (content: Buffer, file?: object) => {
    const before = await counts();
    const res = await importAs(coordinator, content, {}, file);
    expect(await counts()).toEqual(before);
    return { status: res.statusCode, body: res.json() };
  };

  it('is neither a zip nor a cmi5 course structure', async () => {
    expect(await problem(Buffer.from('%PDF-1.7 hej'))).toMatchObject({
      status: 400,
      body: { code: 'package_not_recognised' },
    });
    expect(await problem(Buffer.from(scorm12Manifest()), { type: 'text/xml' })).toMatchObject({
      status: 400,
      body: { code: 'package_not_recognised' },
    });
    expect(await problem(zipOf({ 'index.html': '<p>Hej</p>' }))).toMatchObject({
      status: 400,
      body: { code: 'package_not_recognised' },
    });
  });

  it('holds an unsafe path', async () => {
    const zip = zipOf({ 'imsmanifest.xml': scorm12Manifest(), '../../etc/cron.d/x': 'boom' });
    const { status, body } = await problem(zip);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'package_unsafe', zipProblem: 'zip_unsafe_path' });
    expect(body.detail).toContain('unsafe path');
  });

  it('is a damaged zip', async () => {
    const zip = scorm12Zip().subarray(0, 200);
    expect(await problem(zip)).toMatchObject({
      status: 400,
      body: { code: 'package_unsafe', zipProblem: 'zip_unreadable' },
    });
  });

  it('has a manifest that cannot be launched', async () => {
    const manifest = scorm12Manifest().replace('href="index_lms.html"', 'href="saknas.html"');
    const { status, body } = await problem(scorm12Zip({ manifest }));
    expect(status).toBe(400);
    expect(body.code).toBe('package_invalid');
    expect(body.detail).toMatch(/saknas\.html/);
  });

  it('breaks a cmi5 requirement, named in the problem', async () => {
    const au = { id: 'https://kurser.example.se/au/1', title: { sv: 'Ett' }, url: 'saknas/index.html' };
    const zip = zipOf({ 'cmi5.xml': cmi5Xml([au]) });
    const { status, body } = await problem(zip);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'package_invalid', violatedRequirement: expect.any(String) });
    expect(body.detail).toBeTruthy();
    const relative = await problem(Buffer.from(cmi5Xml([au])), { name: 'cmi5.xml', type: 'text/xml' });
    expect(relative.body).toMatchObject({ code: 'package_invalid', violatedRequirement: '14.2.0.0-1' });
  });

  it('is missing, or comes with a field that is not valid', async () => {
    const empty = await problem(Buffer.alloc(0));
    expect(empty).toMatchObject({ status: 400, body: { code: 'file_required' } });
    const res = await importAs(coordinator, scorm12Zip(), { track: 'chefer' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.track' })]);
    const notJson = await coordinator.post('/api/v1/courses/import', { file: 'x' });
    expect(notJson.statusCode).toBe(400);
  });
});

describe('POST /courses/{id}/package', () => {
  it('publishes the new package as the next version, keeping the keys of the same SCOs', async () => {
    const first = await importAs(coordinator, scorm2004Zip({ title: 'Dokumentation v1' }));
    expect(first.statusCode, first.body).toBe(201);
    const { courseId, modules } = first.json();
    const scos = [DEFAULT_2004_SCOS[0]!, { identifier: 'DOK_NY', title: 'Ny del' }, DEFAULT_2004_SCOS[2]!];
    const res = await upload(
      coordinator,
      `/api/v1/courses/${courseId}/package`,
      scorm2004Zip({ title: 'Dokumentation v2', scos }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const next = res.json();
    expect(next).toMatchObject({ courseId, kind: 'scorm2004', version: 2 });
    expect(next.modules[0].key).toBe(modules[0].key);
    expect(next.modules[2].key).toBe(modules[2].key);
    expect(modules.map((m: { key: string }) => m.key)).not.toContain(next.modules[1].key);

    const row = await courseRow(courseId);
    expect(row.published_version).toBe(2);
    expect(row.key).toBe('dokumentation-v1');
    expect(row.draft.title).toEqual({ sv: 'Dokumentation v2' });
    const packages = await queryRows<{ id: string }>(
      t.db,
      sql`select id from course_packages where course_id = ${courseId}`,
    );
    expect(packages).toHaveLength(2);
    expect(packages.map((p) => p.id)).toContain(row.draft.packageId);
    expect(await audits('course.package_replaced', courseId)).toHaveLength(1);
    const view = (await coordinator.get(`/api/v1/courses/${courseId}`)).json();
    expect(view).toMatchObject({ version: 2, format: 'scorm2004' });
    expect(view.modules.map((m: { title: string }) => m.title)).toEqual(scos.map((s) => s.title));
  });

  it('refuses a course written here, another municipality and a bad package, writing nothing', async () => {
    const created = await coordinator.post('/api/v1/courses', {
      key: 'egen-kurs-falun',
      track: 'staff',
      ownerOrganisationId: falun,
      visibility: 'municipality',
      title: 'Egen kurs',
      summary: 'Skriven här.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const imported = (await importAs(coordinator, scorm12Zip({ title: 'Ersättas' }))).json().courseId;
    const before = await counts();
    const native = await upload(coordinator, `/api/v1/courses/${created.json().id}/package`, scorm12Zip());
    expect(native.statusCode).toBe(409);
    expect(native.json().code).toBe('course_not_imported');
    const borlange = await t.as('samordnare.borlange');
    expect((await upload(borlange, `/api/v1/courses/${imported}/package`, scorm12Zip())).statusCode).toBe(
      403,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await upload(coordinator, `/api/v1/courses/${missing}/package`, scorm12Zip())).statusCode).toBe(
      404,
    );
    const bad = await upload(coordinator, `/api/v1/courses/${imported}/package`, Buffer.from(strToU8('nej')));
    expect(bad.json().code).toBe('package_not_recognised');
    expect(await counts()).toEqual(before);
  });
});
