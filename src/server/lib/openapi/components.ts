import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { $ZodType, globalRegistry } from 'zod/v4/core';

/**
 * The shared contracts as named components of the OpenAPI document (`#/components/schemas/Initiative`),
 * so that generated clients get one type per contract instead of an inline shape per operation. Every
 * object schema exported from src/shared/contracts is named after its export; nothing in the contracts
 * has to say so, and a new contract is named the day it is written.
 */
const CONTRACTS_DIR = fileURLToPath(new URL('../../../shared/contracts/', import.meta.url));

/** Objects, and the recursive (lazy) ones, which a document can only give by reference. */
const NAMED_TYPES = new Set(['object', 'lazy']);

const pascal = (file: string) =>
  path
    .basename(file, '.ts')
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * Each exported object contract and the name it gets: its export name, or, where two modules export
 * different schemas under one name, the module's name before it (`DocumentsItem`). The order of files
 * and exports is fixed, so the names are stable.
 */
export async function contractComponentNames(): Promise<Map<$ZodType, string>> {
  const files = fs
    .readdirSync(CONTRACTS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const found: { schema: $ZodType; name: string; file: string }[] = [];
  const seen = new Set<$ZodType>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(CONTRACTS_DIR, file)).href)) as Record<string, unknown>;
    for (const name of Object.keys(mod).sort()) {
      const value = mod[name];
      if (!(value instanceof $ZodType) || !NAMED_TYPES.has(value._zod.def.type) || seen.has(value)) continue;
      seen.add(value);
      found.push({ schema: value, name, file });
    }
  }
  const byName = new Map<string, number>();
  for (const { name } of found) byName.set(name, (byName.get(name) ?? 0) + 1);
  const unique = found.map(({ schema, name, file }) => ({
    schema,
    name: byName.get(name)! > 1 ? `${pascal(file)}${name}` : name,
  }));
  // The document names what a route takes `<Name>Input` where it differs from what it sends: a contract
  // exported as `<Name>Input` beside `<Name>` is called `<Name>Request` so that the two cannot clash.
  const taken = new Set(unique.map((u) => u.name));
  return new Map(
    unique.map(({ schema, name }) => {
      const stem = name.endsWith('Input') ? name.slice(0, -'Input'.length) : null;
      return [schema, stem && taken.has(stem) ? `${stem}Request` : name];
    }),
  );
}

/** Every schema inside one (object properties, array items, union members, wrapped types …). */
function collectNested(schema: $ZodType, into: Set<$ZodType>) {
  if (into.has(schema)) return;
  into.add(schema);
  const visit = (value: unknown) => {
    if (value instanceof $ZodType) collectNested(value, into);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const [key, value] of Object.entries(schema._zod.def)) {
    if (key === 'shape' && value && typeof value === 'object') Object.values(value).forEach(visit);
    else visit(value);
  }
}

interface RouteSchemas {
  querystring?: unknown;
  params?: unknown;
  headers?: unknown;
}

/**
 * Names the contracts in zod's global registry, where fastify-type-provider-zod looks for ids. What a
 * route takes as path, query or header parameters stays inline: parameters are listed one by one in the
 * document, which needs their schemas, not a reference.
 */
export function registerContractComponents(names: Map<$ZodType, string>, routes: RouteSchemas[]) {
  const parameters = new Set<$ZodType>();
  for (const route of routes) {
    for (const part of [route.querystring, route.params, route.headers]) {
      if (part instanceof $ZodType) collectNested(part, parameters);
    }
  }
  for (const [schema, id] of names) {
    if (parameters.has(schema)) continue;
    globalRegistry.add(schema, { ...globalRegistry.get(schema), id });
  }
}
