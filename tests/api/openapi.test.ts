import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMES } from '../../src/server/lib/openapi/operation-ids.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The OpenAPI document as others build on it (issue 19): valid 3.1, a stable operationId per operation,
 * the contracts as named components, and every body in the media type the server really uses.
 */
interface Media {
  schema: Record<string, unknown>;
}
interface Operation {
  operationId?: string;
  parameters?: ({ $ref: string } | { in: string; name: string })[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
  security?: Record<string, string[]>[];
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }>;
    parameters: Record<string, { in: string; name: string }>;
  };
}

let t: TestApp;
let doc: Document;
let operations: { method: string; path: string; op: Operation }[];
const PUBLIC_URL = 'https://navet.example.se';

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as Document;
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(() => t.close());

const find = (method: string, path: string) => {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`no ${method} ${path}`);
  return op;
};

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, with the public address as its server', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(doc) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: PUBLIC_URL }]);
    expect(operations.length).toBeGreaterThan(300);
  });

  it('gives every operation a unique, readable operationId', () => {
    const ids = operations.map(({ op }) => op.operationId);
    const missing = operations.filter(({ op }) => !op.operationId).map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    // camelCase words, never the path's plumbing (getApiV1InitiativesId).
    const unreadable = ids.filter((id) => !/^[a-z][a-zA-Z0-9]+$/.test(id!) || /ApiV1|Id$/.test(id!));
    expect(unreadable).toEqual([]);
    expect(find('GET', '/api/v1/initiatives').operationId).toBe('listInitiatives');
    expect(find('POST', '/api/v1/initiatives').operationId).toBe('createInitiative');
    expect(find('GET', '/api/v1/initiatives/{id}').operationId).toBe('getInitiative');
    expect(find('PATCH', '/api/v1/initiatives/{id}').operationId).toBe('updateInitiative');
    expect(find('POST', '/api/v1/needs/{id}/prioritise').operationId).toBe('prioritiseNeed');
  });

  it('names only operations that exist (a renamed route must not leave its name behind)', () => {
    const present = new Set(operations.map((o) => `${o.method} ${o.path}`));
    expect(Object.keys(NAMES).filter((key) => !present.has(key))).toEqual([]);
  });

  it('has the shared contracts as named components, referenced from the operations', () => {
    for (const name of [
      'Problem',
      'InitiativeView',
      'InitiativeList',
      'Me',
      'MunicipalityList',
      'CreateInitiative',
    ])
      expect(doc.components.schemas, name).toHaveProperty(name);
    const json = (method: string, path: string, status: string) =>
      find(method, path).responses[status]?.content?.['application/json']?.schema;
    expect(json('GET', '/api/v1/initiatives/{id}', '200')).toEqual({
      $ref: '#/components/schemas/InitiativeView',
    });
    expect(json('PATCH', '/api/v1/initiatives/{id}', '200')).toEqual({
      $ref: '#/components/schemas/InitiativeView',
    });
    expect(find('POST', '/api/v1/initiatives').requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/CreateInitiative',
    });
    // Every component is used, and every reference has its component.
    const text = JSON.stringify(doc);
    const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    expect([...refs].filter((r) => !(r! in doc.components.schemas))).toEqual([]);
    expect(Object.keys(doc.components.schemas).filter((name) => !refs.has(name))).toEqual([]);
  });

  it('documents every error of /api as application/problem+json', () => {
    const wrong = operations.flatMap(({ method, path, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400 && path !== '/oauth/token')
        .filter(([, r]) => Object.keys(r.content ?? {}).join() !== 'application/problem+json')
        .map(([status]) => `${method} ${path} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(find('GET', '/api/v1/initiatives/{id}').responses['404']?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    // The token endpoint answers in OAuth's own error format (RFC 6749 §5.2).
    expect(Object.keys(find('POST', '/oauth/token').responses['400']?.content ?? {})).toEqual([
      'application/json',
    ]);
  });

  it('documents the multipart uploads with their file as binary', () => {
    const uploads = operations.filter(({ op }) => op.requestBody?.content['multipart/form-data']);
    expect(uploads.map((u) => u.op.operationId).sort()).toEqual(
      expect.arrayContaining([
        'allocateFundingCallByKey',
        'answerProcurementInvitation',
        'attachContractDocument',
        'createCaseAttachment',
        'createDocument',
        'createSupportRequestAttachment',
        'importCoursePackage',
        'importMunicipalityContracts',
        'importMunicipalityTechnologies',
        'importProgrammeEnrolments',
        'importStaff',
        'replaceCoursePackage',
        'replaceDocumentFile',
      ]),
    );
    for (const { op } of uploads) {
      const schema = JSON.stringify(op.requestBody!.content['multipart/form-data']!.schema);
      expect(schema, op.operationId).toContain('"file":{"type":"string","format":"binary"');
    }
    const document = find('POST', '/api/v1/documents').requestBody!.content;
    expect(document['multipart/form-data']?.schema).toMatchObject({
      allOf: [
        { $ref: '#/components/schemas/DocumentFields' },
        { properties: { file: { format: 'binary' } } },
      ],
    });
    expect(document['application/json']?.schema).toEqual({ $ref: '#/components/schemas/DocumentFields' });
    expect(Object.keys(find('POST', '/api/v1/cmi5/courses').requestBody!.content)).toContain(
      'application/zip',
    );
  });

  it('documents file downloads with their media types', () => {
    const types = (method: string, path: string) =>
      Object.keys(find(method, path).responses['200']?.content ?? {});
    expect(types('GET', '/api/v1/team/export')).toEqual([
      'text/csv; charset=utf-8',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(types('GET', '/api/v1/reports/steering-group/{id}/pdf')).toEqual(['application/pdf']);
    expect(types('GET', '/api/v1/reports/steering-group/{id}/docx')).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(types('GET', '/api/v1/documents/{id}/file')).toContain('application/pdf');
    expect(types('GET', '/api/open/v1/municipalities.csv')).toEqual(['text/csv; charset=utf-8']);
    expect(types('GET', '/api/v1/contracts/radar')).toEqual([
      'application/json',
      'text/csv; charset=utf-8',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const pdf = find('GET', '/api/v1/certificates/{code}/pdf').responses['200']!.content!['application/pdf'];
    expect(pdf?.schema).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('documents the CSRF header on every state-changing /api operation, with the session cookie', () => {
    expect(doc.components.parameters.CsrfToken).toMatchObject({ in: 'header', name: 'X-CSRF-Token' });
    const unsafe = operations.filter(
      ({ method, path }) =>
        !['GET', 'HEAD', 'OPTIONS'].includes(method) &&
        path.startsWith('/api/') &&
        !path.startsWith('/api/v1/cmi5/fetch-url/'),
    );
    expect(unsafe.length).toBeGreaterThan(150);
    const withoutHeader = unsafe
      .filter(
        ({ op }) =>
          !op.parameters?.some((p) => '$ref' in p && p.$ref === '#/components/parameters/CsrfToken'),
      )
      .map(({ method, path }) => `${method} ${path}`);
    expect(withoutHeader).toEqual([]);
    expect(find('PATCH', '/api/v1/initiatives/{id}').security).toEqual([
      { session: [], csrf: [] },
      { oauth2: [] },
      { bearer: [] },
    ]);
    expect(find('GET', '/api/v1/initiatives/{id}').parameters).not.toContainEqual({
      $ref: '#/components/parameters/CsrfToken',
    });
  });

  it('names every way to authenticate', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'vn_session' });
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.oauth2).toMatchObject({ type: 'oauth2' });
    expect(schemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(schemes.xapiBasic).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(schemes.scimBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
