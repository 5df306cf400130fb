import type { z } from 'zod';
import {
  statementSchemaFor,
  type XapiStatement,
  type XapiSubStatement,
  type XapiVersion,
} from './statement-schema.ts';

export type {
  XapiActor,
  XapiAgent,
  XapiContext,
  XapiGroup,
  XapiStatement,
  XapiSubStatement,
  XapiVersion,
} from './statement-schema.ts';

export interface StatementProblem {
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; statement: XapiStatement }
  | { ok: false; problems: StatementProblem[] };
export type BatchParseResult =
  | { ok: true; statements: XapiStatement[] }
  | { ok: false; problems: StatementProblem[] };

const schemas = {
  '1.0.3': statementSchemaFor('1.0.3'),
  '2.0.0': statementSchemaFor('2.0.0'),
} satisfies Record<XapiVersion, unknown>;

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter((p) => p !== '').join('.');
}

// A union's own issue says only "invalid input"; the branch that got furthest explains what is wrong.
function flatten(issues: readonly z.core.$ZodIssue[], prefix: string): StatementProblem[] {
  return issues.flatMap((issue) => {
    const path = joinPath(prefix, issue.path);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const deepest = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      return flatten(deepest, path);
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: joinPath(path, [key]), message: 'unknown property' }));
    }
    return [{ path, message: issue.message }];
  });
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(
    0,
    ...issues.map((i) => (i.code === 'invalid_type' && i.path.length === 0 ? 0 : i.path.length + 1)),
  );
}

function withDefaultObjectType<T extends { object: { objectType?: string } }>(s: T): T {
  return s.object.objectType ? s : { ...s, object: { ...s.object, objectType: 'Activity' } };
}

function normalise(statement: XapiStatement): XapiStatement {
  const s = withDefaultObjectType(statement);
  if (s.object.objectType !== 'SubStatement') return s;
  return { ...s, object: withDefaultObjectType(s.object as XapiSubStatement) };
}

function parseAt(input: unknown, version: XapiVersion, prefix: string): ParseResult {
  const parsed = schemas[version].safeParse(input);
  if (!parsed.success) return { ok: false, problems: flatten(parsed.error.issues, prefix) };
  return { ok: true, statement: normalise(parsed.data) };
}

/** One statement as a client sent it, checked against the rules of the version it declared. */
export function parseStatement(input: unknown, version: XapiVersion): ParseResult {
  return parseAt(input, version, '');
}

/** The body of POST /statements: one statement or an array of them (empty allowed). */
export function parseStatementBatch(body: unknown, version: XapiVersion): BatchParseResult {
  if (!Array.isArray(body)) {
    const single = parseStatement(body, version);
    return single.ok ? { ok: true, statements: [single.statement] } : single;
  }
  const statements: XapiStatement[] = [];
  const problems: StatementProblem[] = [];
  const seenIds = new Set<string>();
  body.forEach((item, index) => {
    const result = parseAt(item, version, String(index));
    if (!result.ok) {
      problems.push(...result.problems);
      return;
    }
    const id = result.statement.id?.toLowerCase();
    // Communication 2.1.2: one batch must not carry the same id twice.
    if (id && seenIds.has(id))
      problems.push({ path: `${index}.id`, message: 'duplicate statement id in batch' });
    if (id) seenIds.add(id);
    statements.push(result.statement);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, statements };
}
