import { NO_CONTROL_CHARACTERS } from '../../../shared/contracts/common.ts';
import { SCIM } from '../../../shared/contracts/scim.ts';
import { scimBadRequest } from './scim-errors.ts';
import { type AttrPath, normaliseAttr, parsePath, pathName } from './scim-filter.ts';
import type { ScimUserRow } from './scim-users.repo.ts';

/**
 * A SCIM user as the platform keeps it, independent of storage: POST and PUT build one from a resource,
 * PATCH applies operations to one, and the service compares before and after to write only what changed.
 */
export interface UserDoc {
  userName: string;
  externalId: string | null;
  active: boolean;
  /** users.name: SCIM `displayName` and `name.formatted` both name it. */
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  employeeNumber: string | null;
  department: string | null;
}

const ENTERPRISE = SCIM.enterprise.toLowerCase();
/** Attributes Entra ID's default mapping sends that we do not keep (data minimisation): accepted, ignored. */
const IGNORED = new Set([
  'title',
  'nickname',
  'profileurl',
  'usertype',
  'preferredlanguage',
  'locale',
  'timezone',
  'phonenumbers',
  'addresses',
  'ims',
  'photos',
  'roles',
  'entitlements',
  'x509certificates',
  'password',
  'schemas',
  'name.middlename',
  'name.honorificprefix',
  'name.honorificsuffix',
  'manager',
  'costcenter',
  'organization',
  'division',
]);
const READ_ONLY = new Set(['id', 'meta', 'groups']);

const MAX = { userName: 254, text: 200, email: 254 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(attr: string, why: string) {
  return scimBadRequest('invalidValue', `${attr}: ${why}`);
}

function text(attr: string, v: unknown, max = MAX.text): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' && typeof v !== 'number') throw invalid(attr, 'a string is expected');
  const s = String(v).trim();
  if (s.length > max) throw invalid(attr, `at most ${max} characters`);
  if (!NO_CONTROL_CHARACTERS.test(s) || /[\n\r\t]/.test(s)) throw invalid(attr, 'control characters');
  return s === '' ? null : s;
}

/** Entra ID (before its 2020 fix, still in some tenants) sends booleans as "True"/"False". */
function bool(attr: string, v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw invalid(attr, 'a boolean is expected');
}

function email(v: unknown): string | null {
  const s = text('emails', v, MAX.email);
  if (s === null) return null;
  if (!EMAIL.test(s)) throw invalid('emails', 'not an e-mail address');
  return s.toLowerCase();
}

/** The work (or primary, or only) address of a SCIM `emails` array. */
function pickEmail(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) throw invalid('emails', 'an array is expected');
  if (v.length > 20) throw invalid('emails', 'too many');
  const items = v.map((e) => {
    if (typeof e !== 'object' || e === null) throw invalid('emails', 'objects are expected');
    return e as { value?: unknown; type?: unknown; primary?: unknown };
  });
  const chosen =
    items.find((e) => typeof e.type === 'string' && e.type.toLowerCase() === 'work') ??
    items.find((e) => e.primary === true || e.primary === 'True' || e.primary === 'true') ??
    items[0];
  return chosen ? email(chosen.value) : null;
}

export function docFromRow(row: ScimUserRow): UserDoc {
  return {
    userName: row.userName,
    externalId: row.externalId,
    active: row.active,
    displayName: row.name,
    givenName: row.givenName,
    familyName: row.familyName,
    email: row.email,
    employeeNumber: row.employeeNumber,
    department: row.department,
  };
}

export const emptyDoc = (): UserDoc => ({
  userName: '',
  externalId: null,
  active: true,
  displayName: null,
  givenName: null,
  familyName: null,
  email: null,
  employeeNumber: null,
  department: null,
});

/** What one operation did to the name, so that the display name follows given/family name changes. */
interface Touched {
  nameParts: boolean;
  displayName: boolean;
}

/** Sets (or with `value === undefined`, removes) one attribute. */
function setAttr(doc: UserDoc, path: AttrPath, value: unknown, touched: Touched) {
  const name = pathName(path);
  if (path.valueFilter) {
    if (path.attr !== 'emails') throw scimBadRequest('invalidPath', `Unsupported path ${name}`);
    const f = path.valueFilter;
    const isWork =
      f.kind === 'compare' &&
      f.op === 'eq' &&
      ((f.path.attr === 'type' && typeof f.value === 'string' && f.value.toLowerCase() === 'work') ||
        (f.path.attr === 'primary' && f.value === true));
    if (!isWork) throw scimBadRequest('noTarget', 'Only the work e-mail address is kept');
    if (path.sub === null || path.sub === 'value') {
      const v =
        path.sub === null && value && typeof value === 'object'
          ? (value as { value?: unknown }).value
          : value;
      doc.email = email(v);
    }
    return;
  }
  if (READ_ONLY.has(name.split('.')[0]!)) throw scimBadRequest('mutability', `${name} is read-only`);
  if (IGNORED.has(name) || IGNORED.has(path.attr)) return;
  switch (name) {
    case 'username': {
      const v = text('userName', value, MAX.userName);
      if (!v) throw scimBadRequest('invalidValue', 'userName is required');
      doc.userName = v;
      return;
    }
    case 'externalid':
      doc.externalId = text('externalId', value);
      return;
    case 'active':
      doc.active = value === undefined ? true : bool('active', value);
      return;
    case 'displayname':
    case 'name.formatted':
      doc.displayName = text(name, value);
      touched.displayName = true;
      return;
    case 'name.givenname':
      doc.givenName = text('name.givenName', value);
      touched.nameParts = true;
      return;
    case 'name.familyname':
      doc.familyName = text('name.familyName', value);
      touched.nameParts = true;
      return;
    case 'name': {
      const v = (value ?? {}) as Record<string, unknown>;
      if (typeof v !== 'object') throw invalid('name', 'an object is expected');
      for (const [k, inner] of Object.entries(v)) setAttr(doc, attrPath(`name.${k}`), inner, touched);
      return;
    }
    case 'emails':
    case 'emails.value':
      doc.email = name === 'emails' ? pickEmail(value) : email(value);
      return;
    case 'employeenumber':
      doc.employeeNumber = text('employeeNumber', value);
      return;
    case 'department':
      doc.department = text('department', value);
      return;
    case ENTERPRISE: {
      const v = (value ?? {}) as Record<string, unknown>;
      if (typeof v !== 'object') throw invalid('enterprise extension', 'an object is expected');
      for (const [k, inner] of Object.entries(v)) {
        const p = attrPath(`${SCIM.enterprise}:${k}`);
        if (IGNORED.has(pathName(p))) continue;
        setAttr(doc, p, inner, touched);
      }
      return;
    }
    default:
      // Other schemas' extensions (e.g. a custom one of an HR system) are not ours to keep.
      if (name.startsWith('urn:')) return;
      throw scimBadRequest('invalidPath', `Unknown attribute ${name}`);
  }
}

function attrPath(text: string): AttrPath {
  return parsePath(text);
}

/** The name the platform shows: the display name, or given and family name when only they changed. */
function settleName(doc: UserDoc, touched: Touched) {
  if (touched.nameParts && !touched.displayName) {
    const joined = [doc.givenName, doc.familyName].filter(Boolean).join(' ');
    if (joined) doc.displayName = joined;
  }
}

/** A User resource of a POST or PUT. Missing attributes are unassigned (PUT replaces the whole user). */
export function docFromResource(body: unknown): UserDoc {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw scimBadRequest('invalidSyntax', 'A User resource (JSON object) is expected');
  const doc = emptyDoc();
  const touched: Touched = { nameParts: false, displayName: false };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const attr = normaliseAttr(key);
    if (attr === 'id' || attr === 'meta' || attr === 'schemas' || attr === 'groups') continue;
    setAttr(
      doc,
      attr === ENTERPRISE ? { attr, valueFilter: null, sub: null } : attrPath(key),
      value,
      touched,
    );
  }
  if (!doc.userName) throw scimBadRequest('invalidValue', 'userName is required');
  settleName(doc, touched);
  return doc;
}

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string | null;
  value: unknown;
}

/** Reads a PatchOp body; op names are case-insensitive ("Replace" from Entra ID). */
export function readPatch(body: unknown): PatchOperation[] {
  const ops =
    (body as { Operations?: unknown; operations?: unknown } | null)?.Operations ??
    (body as { operations?: unknown } | null)?.operations;
  if (!Array.isArray(ops) || ops.length === 0)
    throw scimBadRequest('invalidSyntax', 'A PatchOp with Operations is expected');
  if (ops.length > 100) throw scimBadRequest('tooMany', 'At most 100 operations');
  return ops.map((o) => {
    if (typeof o !== 'object' || o === null)
      throw scimBadRequest('invalidSyntax', 'An operation is an object');
    const { op, path, value } = o as { op?: unknown; path?: unknown; value?: unknown };
    const name = typeof op === 'string' ? op.toLowerCase() : '';
    if (name !== 'add' && name !== 'replace' && name !== 'remove')
      throw scimBadRequest('invalidSyntax', `Unknown op ${String(op)}`);
    if (path !== undefined && path !== null && typeof path !== 'string')
      throw scimBadRequest('invalidPath', 'path is a string');
    if (name === 'remove' && !path) throw scimBadRequest('noTarget', 'remove needs a path');
    if (name !== 'remove' && value === undefined)
      throw scimBadRequest('invalidValue', `${name} needs a value`);
    return { op: name, path: (path as string | undefined) || null, value };
  });
}

/** Applies PATCH operations to a copy of `doc`; the same request twice gives the same result. */
export function applyUserPatch(doc: UserDoc, ops: PatchOperation[]): UserDoc {
  const next = { ...doc };
  const touched: Touched = { nameParts: false, displayName: false };
  for (const op of ops) {
    if (op.path === null) {
      if (typeof op.value !== 'object' || op.value === null || Array.isArray(op.value))
        throw scimBadRequest('invalidValue', 'Without a path the value is an object of attributes');
      for (const [key, value] of Object.entries(op.value as Record<string, unknown>)) {
        const attr = normaliseAttr(key);
        setAttr(
          next,
          attr === ENTERPRISE ? { attr, valueFilter: null, sub: null } : attrPath(key),
          value,
          touched,
        );
      }
      continue;
    }
    const path = attrPath(op.path);
    if (op.op === 'remove') {
      if (pathName(path) === 'username' || pathName(path) === 'active')
        throw scimBadRequest('mutability', `${op.path} cannot be removed`);
      setAttr(next, path, null, touched);
    } else {
      setAttr(next, path, op.value, touched);
    }
  }
  settleName(next, touched);
  return next;
}

/** The resource we answer with (unassigned attributes left out). */
export function userResource(row: ScimUserRow, baseUrl: string) {
  const enterprise = {
    ...(row.employeeNumber ? { employeeNumber: row.employeeNumber } : {}),
    ...(row.department ? { department: row.department } : {}),
  };
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return {
    schemas: hasEnterprise ? [SCIM.user, SCIM.enterprise] : [SCIM.user],
    id: row.userId,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    name: {
      formatted: row.name,
      ...(row.givenName ? { givenName: row.givenName } : {}),
      ...(row.familyName ? { familyName: row.familyName } : {}),
    },
    displayName: row.name,
    ...(row.email ? { emails: [{ value: row.email, type: 'work', primary: true }] } : {}),
    active: row.active,
    ...(hasEnterprise ? { [SCIM.enterprise]: enterprise } : {}),
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.userId}`,
    },
  };
}
