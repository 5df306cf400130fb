import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { operationIdOf } from './operation-ids.ts';

type Json = Record<string, unknown>;
type Operation = Json & { parameters?: unknown[]; security?: unknown[] };

const SCHEMAS = '#/components/schemas/';
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
/** Posted by a cmi5 AU from its own origin; its session id is the capability (plugins/csrf.ts). */
const CSRF_EXEMPT = /^\/api\/v1\/cmi5\/fetch-url\//;

/** Every `$ref` to a component schema in a value, by component name. */
function refsIn(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMAS)) into.add(v.slice(SCHEMAS.length));
      else refsIn(v, into);
    }
  }
}

function renameRefs<T>(value: T, renames: Map<string, string>): T {
  if (renames.size === 0) return value;
  return JSON.parse(JSON.stringify(value), (key, v) =>
    key === '$ref' && typeof v === 'string' && v.startsWith(SCHEMAS) && renames.has(v.slice(SCHEMAS.length))
      ? `${SCHEMAS}${renames.get(v.slice(SCHEMAS.length))}`
      : v,
  ) as T;
}

/**
 * fastify-type-provider-zod emits every named contract twice (`Initiative` as sent, `InitiativeInput` as
 * taken) whether used or not. Keep the ones the operations reach; where the two read the same, or only
 * the input is used, keep one under the plain name.
 */
function tidyComponents<P>(paths: P, schemas: Record<string, Json>) {
  const used = new Set<string>();
  const queue = new Set<string>();
  refsIn(paths, queue);
  while (queue.size) {
    const [name] = queue;
    queue.delete(name!);
    if (used.has(name!) || !schemas[name!]) continue;
    used.add(name!);
    const nested = new Set<string>();
    refsIn(schemas[name!], nested);
    for (const n of nested) if (!used.has(n)) queue.add(n);
  }
  const renames = new Map<string, string>();
  const inputs = [...used].filter((n) => n.endsWith('Input') && schemas[n.slice(0, -5)]);
  for (const input of inputs) {
    const plain = input.slice(0, -5);
    if (!used.has(plain)) renames.set(input, plain);
  }
  // Equal apart from references that are themselves merged: merge until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const input of inputs) {
      const plain = input.slice(0, -5);
      if (renames.has(input) || !used.has(plain)) continue;
      const same =
        JSON.stringify(renameRefs(schemas[input], new Map([...renames, [input, plain]]))) ===
        JSON.stringify(renameRefs(schemas[plain], renames));
      if (same) {
        renames.set(input, plain);
        changed = true;
      }
    }
  }
  const kept: Record<string, Json> = {};
  for (const name of [...used].sort()) {
    const target = renames.get(name) ?? name;
    if (renames.has(name) && used.has(target)) continue;
    kept[target] = renameRefs(schemas[name]!, renames);
  }
  return { paths: renameRefs(paths, renames), schemas: kept };
}

/**
 * The CSRF header on every state-changing /api operation (the double-submit check of plugins/csrf.ts),
 * and the rule in the security requirements: a session cookie goes with the header, a bearer token needs
 * neither.
 */
function documentCsrf(paths: Record<string, Record<string, Operation>>, globalSecurity: unknown[]) {
  for (const [path, operations] of Object.entries(paths)) {
    if (!path.startsWith('/api/') || CSRF_EXEMPT.test(path)) continue;
    for (const [method, op] of Object.entries(operations)) {
      if (!UNSAFE.has(method)) continue;
      op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/CsrfToken' }];
      const security = (op.security ?? globalSecurity) as Record<string, string[]>[];
      if (security.length === 0) continue;
      op.security = security.map((requirement) =>
        'session' in requirement ? { ...requirement, csrf: [] } : requirement,
      );
    }
  }
}

/** Per method, not per route: one route may answer GET and POST (the SAML logout return). */
function nameOperations(paths: Record<string, Record<string, Operation>>) {
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(operations)) {
      op.operationId = operationIdOf(method.toUpperCase(), path, op.operationId as string | undefined);
    }
  }
}

/** The whole-document step: operationIds, named contracts, then the CSRF header and its parameter. */
export const documentTransform: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as Json & {
    paths: Record<string, Record<string, Operation>>;
    components: Json & { schemas?: Record<string, Json>; parameters?: Json };
    security?: unknown[];
  };
  const { paths, schemas } = tidyComponents(document.paths, document.components.schemas ?? {});
  nameOperations(paths);
  documentCsrf(paths, document.security ?? []);
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      schemas,
      parameters: {
        ...document.components.parameters,
        CsrfToken: {
          name: 'X-CSRF-Token',
          in: 'header',
          required: false,
          description:
            'With the session cookie: the token from GET /api/v1/auth/csrf (also set as the vn_csrf cookie), ' +
            'on every state-changing request. Not sent with a bearer token.',
          schema: { type: 'string' },
        },
      },
    },
  } as ReturnType<SwaggerTransformObject>;
};
