import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { NO_CONTROL_CHARACTERS } from '../../src/shared/contracts/common.ts';
import { multipartFile } from '../support/multipart.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every query-string and path parameter the API declares, taken from its own OpenAPI document, so that a
 * new route is covered the day it is added.
 */
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  /** Fastify checks a body before the query string, so a required body hides which query value was wrong. */
  bodyRequired: boolean;
  takesBody: boolean;
  documents400: boolean;
}

let t: TestApp;
let admin: Agent;
let operations: Operation[];

beforeAll(async () => {
  t = await createTestApp({ OPEN_DATA_RATE_LIMIT_PER_MINUTE: '100000' });
  admin = await t.as('admin');
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[];
          requestBody?: { required?: boolean };
          responses?: Record<string, unknown>;
        }
      >
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method !== 'head')
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        bodyRequired: op.requestBody?.required === true,
        takesBody: op.requestBody !== undefined,
        documents400: op.responses?.['400'] !== undefined,
      })),
  );
});
afterAll(() => t.close());

/** The string schemas inside a parameter's schema (arrays, unions and intersections opened). */
function stringSchemas(s: JsonSchema): JsonSchema[] {
  const nested = [s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? [])].filter((x): x is JsonSchema => !!x);
  const own = s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')) ? [s] : [];
  return [...own, ...nested.flatMap(stringSchemas)];
}

const patternsOf = (s: JsonSchema) =>
  [s.pattern, ...(s.allOf ?? []).map((a) => a.pattern)].filter((p): p is string => !!p);

/** A value of one string schema: a control character cannot get past it. */
const refusesControlCharacters = (s: JsonSchema) =>
  s.enum !== undefined ||
  s.const !== undefined ||
  ['uuid', 'date', 'date-time'].includes(s.format ?? '') ||
  patternsOf(s).includes(NO_CONTROL_CHARACTERS.source);

/** A valid value for the other path parameters, so that only the one under test is wrong. */
function sampleFor(schema: JsonSchema): string {
  const s = stringSchemas(schema)[0] ?? schema;
  if (s.enum) return String(s.enum[0]);
  if (s.format === 'uuid') return randomUUID();
  const candidates = [
    '2080',
    '20',
    'SE',
    'ABCD-EFGH-JKLM',
    'kurs-ett',
    'a'.repeat(Math.max(s.minLength ?? 1, 24)),
  ];
  const fits = (v: string) =>
    v.length >= (s.minLength ?? 0) &&
    v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY) &&
    patternsOf(s).every((p) => new RegExp(p, 'u').test(v));
  const value = candidates.find(fits);
  if (!value) throw new Error(`no sample value for ${JSON.stringify(schema)}`);
  return value;
}

function urlWith(op: Operation, target: Parameter, value: string): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (target.in === 'path' && name === target.name) return value;
    const declared = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(declared ? sampleFor(declared.schema) : randomUUID());
  });
  return target.in === 'query' ? `${path}?${encodeURIComponent(target.name)}=${value}` : path;
}

describe('query-string and path parameters', () => {
  it('every string parameter is built from ParamText (or is an enum, a UUID or a date)', () => {
    const loose = operations.flatMap((op) =>
      op.parameters
        .filter((p) => stringSchemas(p.schema).some((s) => !refusesControlCharacters(s)))
        .map((p) => `${op.method} ${op.path} ${p.in} ${p.name}: ${JSON.stringify(p.schema)}`),
    );
    expect(loose, 'use ParamText from src/shared/contracts/common.ts').toEqual([]);
    // A path parameter the route's contract does not declare would escape both this check and the next.
    const undeclared = operations.flatMap((op) =>
      [...op.path.matchAll(/\{(\w+)\}/g)]
        .filter(([, name]) => !op.parameters.some((p) => p.in === 'path' && p.name === name))
        .map(([, name]) => `${op.method} ${op.path} ${name}`),
    );
    expect(undeclared, 'declare path parameters in the route contract (params)').toEqual([]);
  });

  it('every operation that takes parameters or a body documents its 400 problem response', () => {
    const undocumented = operations
      .filter((op) => (op.parameters.length > 0 || op.takesBody) && !op.documents400)
      .map((op) => `${op.method} ${op.path}`);
    expect(undocumented).toEqual([]);
  });

  it('every parameter of every operation answers a NUL byte with 400 problem+json naming it', async () => {
    const declared = operations.flatMap((op) => op.parameters.map((p) => ({ op, p })));
    expect(declared.length).toBeGreaterThan(200);
    const wrong: string[] = [];
    for (const { op, p } of declared) {
      const res = await admin.request({ method: op.method, url: urlWith(op, p, '%00') });
      const where = `${p.in === 'path' ? 'params' : 'querystring'}.${p.name}`;
      const problem = res.headers['content-type']?.toString().startsWith('application/problem+json');
      const errors = problem ? ((res.json() as { errors?: { path: string }[] }).errors ?? []) : [];
      const named = errors.some((e) => e.path === where) || (op.bodyRequired && p.in === 'query');
      if (res.statusCode !== 400 || !named)
        wrong.push(`${op.method} ${op.path} ${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses other control characters in a search with 400 and still finds with a plain one', async () => {
    for (const value of ['%01', 'a%0Bb', 'a%1Fb', '%7F']) {
      const res = await admin.get(`/api/v1/initiatives?q=${value}`);
      expect(res.statusCode, value).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'querystring.q', code: 'control_character' }],
      });
    }
    expect((await admin.get('/api/v1/initiatives?q=l%C3%A5s')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/audit?entityType=course&action=course.created')).statusCode).toBe(200);
  });
});

describe('request bodies', () => {
  const adminName = async () =>
    (
      await queryRows<{ name: string }>(
        t.db,
        sql`select name from users where email = ${'admin@demo.valfardsnavet.se'}`,
      )
    )[0]!.name;

  it('answers a NUL byte anywhere in a JSON body with 400 naming the field, and writes nothing', async () => {
    const before = await adminName();
    const res = await admin.patch('/api/v1/me', { name: 'Karin\u0000Ekström' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body.name', code: 'control_character' }],
    });
    const nested = await admin.post('/api/v1/initiatives', {
      title: 'Nattkameror',
      links: [{ title: 'a\u0000' }],
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors).toEqual([expect.objectContaining({ path: 'body.links.0.title' })]);
    const key = await admin.patch('/api/v1/me', { 'name\u0000': 'x' });
    expect(key.statusCode).toBe(400);
    expect(await adminName()).toBe(before);
  });

  it('still takes text with line breaks, tabs and vertical tabs (pasted from documents)', async () => {
    const res = await admin.patch('/api/v1/me', { name: 'Karin\u000bEkström\tB' });
    expect(res.statusCode).toBe(200);
    expect(await adminName()).toBe('Karin\u000bEkström\tB');
  });
});

describe('multipart fields and CSV files', () => {
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!
      .n;
  const falunId = async () =>
    (
      await queryRows<{ id: string }>(
        t.db,
        sql`select id from organisations where kind = 'municipality' and code = '2080'`,
      )
    )[0]!.id;

  it('refuses a NUL in a document form field with 400 naming it, and stores nothing', async () => {
    const falun = await falunId();
    const before = await count('governing_documents');
    const boundary = 'vn-nul-test';
    const fields: [string, string][] = [
      ['title', 'Strategi\u0000 för välfärdsteknik'],
      ['kind', 'strategy'],
      ['level', 'local'],
      ['ownerOrganisationId', falun],
      ['status', 'adopted'],
    ];
    const payload = Buffer.from(
      `${fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')}--${boundary}--\r\n`,
    );
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/documents',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'body.title', code: 'control_character' }),
    ]);
    expect(await count('governing_documents')).toBe(before);
  });

  it('refuses a CSV holding NUL (binary, or saved as UTF-16) as unreadable, and imports nothing', async () => {
    const falun = await falunId();
    const staff =
      'E-post;Namn;Enhet;Roll;Språk;Kön\r\nkarin.nul@falun.se;Karin\u0000 Östlund;;medarbetare;sv;kvinna\r\n';
    const jobs = await count('import_jobs');
    for (const file of [Buffer.from(staff), Buffer.from(`\ufeff${staff.replace('\u0000', '')}`, 'utf16le')]) {
      for (const mode of ['preview', 'commit']) {
        const res = await admin.request({
          method: 'POST',
          url: `/api/v1/imports/staff?organisationId=${falun}&mode=${mode}`,
          ...multipartFile('file', 'personal.csv', file),
        });
        expect(res.statusCode, mode).toBe(400);
        expect(res.json().code).toBe('csv_unreadable');
      }
    }
    expect(await count('import_jobs')).toBe(jobs);
    const history = await count('technology_adoption_history');
    const adoption = await admin.request({
      method: 'POST',
      url: '/api/v1/municipalities/2080/technologies/import',
      ...multipartFile(
        'file',
        'teknik.csv',
        Buffer.from(
          'Teknik;Läge;Sedan;Användare;Möjliga användare;Kommentar\r\nLäkemedelsautomat;I drift;;;;Ut\u0000ökas\r\n',
        ),
      ),
    });
    expect(adoption.statusCode).toBe(400);
    expect(adoption.json().code).toBe('csv_unreadable');
    expect(await count('technology_adoption_history')).toBe(history);
  });
});
