import { createHash } from 'node:crypto';
import type { XapiVersion } from './statement-validation.ts';
import { XapiError } from './xapi-errors.ts';

export type DocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/** `If-Match` / `If-None-Match` as sent: absent, `*`, or a list of entity tags. */
export type EtagCondition = null | '*' | string[];

export interface Preconditions {
  ifMatch: EtagCondition;
  ifNoneMatch: EtagCondition;
}

/** The ETag of a document: the quoted SHA-1 hex of its bytes (Communication §3.1). */
export function documentEtag(content: Buffer): string {
  return `"${createHash('sha1').update(content).digest('hex')}"`;
}

// Weak and strong forms compare alike here: a document's bytes are its only representation, and a
// client that stored the tag unquoted (some do) still means the same document.
const opaque = (tag: string) =>
  tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();

function parseCondition(header: string | string[] | undefined): EtagCondition {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '') return null;
  if (value.trim() === '*') return '*';
  return value
    .split(',')
    .map(opaque)
    .filter((t) => t !== '');
}

export function readPreconditions(headers: Record<string, string | string[] | undefined>): Preconditions {
  return {
    ifMatch: parseCondition(headers['if-match']),
    ifNoneMatch: parseCondition(headers['if-none-match']),
  };
}

const matches = (condition: '*' | string[], etag: string) =>
  condition === '*' || condition.includes(opaque(etag));

/**
 * xAPI 2.0 puts the State resource under the same optimistic concurrency as the profiles (Communication
 * §3.1); 1.0.3 named only the Agent and Activity Profile resources, and its clients (SCORM wrappers,
 * cmi5 players) overwrite their state with a bare PUT, so a 1.0.3 request keeps that behaviour.
 */
export function barePutConflicts(kind: DocumentKind, version: XapiVersion): boolean {
  return kind !== 'state' || version === '2.0.0';
}

/**
 * Checks a write's preconditions against the stored document's ETag (null when there is none), as RFC
 * 9110 §13 and xAPI Communication §3.1 describe: a failed `If-Match` or `If-None-Match` is a 412, and a
 * PUT that would overwrite a document without either header is a 409 where `barePutConflicts` says so.
 */
export function checkPreconditions(
  method: 'PUT' | 'POST' | 'DELETE',
  conditions: Preconditions,
  currentEtag: string | null,
  conflictOnBarePut: boolean,
): void {
  const { ifMatch, ifNoneMatch } = conditions;
  if (ifMatch !== null && (currentEtag === null || !matches(ifMatch, currentEtag)))
    throw new XapiError(
      412,
      'If-Match does not match the current document: it has changed or does not exist',
    );
  if (ifNoneMatch !== null && currentEtag !== null && matches(ifNoneMatch, currentEtag))
    throw new XapiError(412, 'If-None-Match: the document already exists');
  if (
    method === 'PUT' &&
    conflictOnBarePut &&
    currentEtag !== null &&
    ifMatch === null &&
    ifNoneMatch === null
  )
    throw new XapiError(
      409,
      'The document already exists: send If-Match with its ETag to overwrite it, or If-None-Match: * to create only',
    );
}
