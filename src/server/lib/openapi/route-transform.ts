import { STATUS_CODES } from 'node:http';
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { $ZodType, globalRegistry } from 'zod/v4/core';

type Json = Record<string, unknown>;

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';
const MULTIPART = 'multipart/form-data';
/** Bodies a route reads itself as they are, or parses with its own parser (not JSON). */
const PARSED_FORMS = new Set([JSON_TYPE, MULTIPART, 'application/x-www-form-urlencoded']);

/** The problem contracts (`Problem`, `PackageProblem` …): what /api sends for every error, as problem+json. */
const isProblemRef = (ref: unknown) =>
  typeof ref === 'string' && /^#\/components\/schemas\/\w*Problem$/.test(ref);

const binary = (mediaType: string): Json =>
  /^text\/|[/+]xml(;|$)/.test(mediaType)
    ? { type: 'string', contentMediaType: mediaType.split(';')[0] }
    : { type: 'string', format: 'binary', contentMediaType: mediaType };

const descriptionOf = (schema: unknown): string | undefined =>
  schema instanceof $ZodType ? (globalRegistry.get(schema)?.description as string | undefined) : undefined;

/**
 * Each response with its real media types: problems as application/problem+json, files (a route's
 * `produces`) as binary, everything else as JSON. A file route that declares no success response gets
 * its 200 here.
 */
function documentResponses(schema: FastifySchema, converted: Record<string, Json> | undefined) {
  const produces = schema.produces ?? [];
  const files = produces.filter((type) => type !== JSON_TYPE);
  const zodResponses = (schema.response ?? {}) as Record<string, unknown>;
  const out: Record<string, Json> = {};
  for (const [status, json] of Object.entries(converted ?? {})) {
    const code = Number(status);
    if (json.type === 'null' || 'content' in json) {
      out[status] = json;
      continue;
    }
    const statusText = STATUS_CODES[code] ?? 'Response';
    if (code >= 400 && isProblemRef(json.$ref)) {
      out[status] = {
        description: `${statusText} (RFC 9457 problem details)`,
        content: { [PROBLEM_TYPE]: { schema: json } },
      };
      continue;
    }
    const description = descriptionOf(zodResponses[status]) ?? statusText;
    if (code < 300 && files.length > 0) {
      const content: Json = {};
      if (produces.includes(JSON_TYPE)) content[JSON_TYPE] = { schema: json };
      for (const type of files) content[type] = { schema: binary(type) };
      out[status] = { description, content };
      continue;
    }
    out[status] = { description, content: { [JSON_TYPE]: { schema: json } } };
  }
  const hasSuccess = Object.keys(out).some((s) => Number(s) < 300);
  if (files.length > 0 && !hasSuccess) {
    out['200'] = {
      description: 'The file',
      content: Object.fromEntries(files.map((type) => [type, { schema: binary(type) }])),
    };
  }
  return out;
}

/** The request body of an upload: a multipart form with its `file`, or the file itself as the body. */
function documentUpload(schema: FastifySchema, fields: Json | undefined): Json | undefined {
  const consumes = schema.consumes ?? [];
  const content: Json = {};
  if (consumes.includes(MULTIPART)) {
    const file: Json = {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', description: 'The file (form field `file`)' } },
      ...(schema.multipart?.file === 'optional' ? {} : { required: ['file'] }),
    };
    content[MULTIPART] = {
      schema: fields ? { allOf: [fields, file] } : file,
      encoding: { file: { contentType: 'application/octet-stream' } },
    };
    if (consumes.includes(JSON_TYPE) && fields) content[JSON_TYPE] = { schema: fields };
  }
  for (const type of consumes) {
    if (!PARSED_FORMS.has(type)) content[type] = { schema: binary(type) };
  }
  return Object.keys(content).length ? { content } : undefined;
}

/**
 * The per-route step of the document: zod schemas to JSON Schema (fastify-type-provider-zod, which
 */
export const routeTransform: SwaggerTransform = (document) => {
  const { schema: route } = document as unknown as { schema: FastifySchema | undefined };
  const base = jsonSchemaTransform(document as Parameters<typeof jsonSchemaTransform>[0]) as {
    schema: (Json & { hide?: boolean; response?: Record<string, Json> }) | undefined;
    url: string;
  };
  if (!route || !base.schema || base.schema.hide) return base as ReturnType<SwaggerTransform>;
  const { multipart: _form, ...schema } = base.schema;
  schema.response = documentResponses(route, base.schema.response);
  if (!schema.body) {
    // The form fields as a body, so that they convert (and reference named contracts) like one.
    const fields = route.multipart?.fields
      ? (
          jsonSchemaTransform({ ...document, schema: { body: route.multipart.fields } } as Parameters<
            typeof jsonSchemaTransform
          >[0]).schema as { body: Json }
        ).body
      : undefined;
    const upload = documentUpload(route, fields);
    if (upload) schema.body = upload;
  }
  return { schema, url: base.url } as ReturnType<SwaggerTransform>;
};
