import { DOMParser } from '@xmldom/xmldom';

type Element = ReturnType<DOMParser['parseFromString']>['documentElement'];

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** What we need from a SAML IdP's metadata to send it a login and trust its answer. */
export interface IdpMetadata {
  entityId: string;
  /** SingleSignOnService, HTTP-Redirect binding. */
  ssoUrl: string;
  /** SingleLogoutService, HTTP-Redirect binding, when the IdP offers one. */
  sloUrl: string | null;
  /** Base64 bodies of the certificates the IdP signs with (several during a key rollover). */
  signingCerts: string[];
}

export class MetadataError extends Error {
  constructor(
    readonly reason: 'metadata_unreachable' | 'metadata_invalid',
    message: string,
  ) {
    super(message);
    this.name = 'MetadataError';
  }
}

function children(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name) as unknown as ArrayLike<Element>);
}

function redirectLocation(descriptor: Element, name: string): string | null {
  const service = children(descriptor, MD, name).find((e) => e.getAttribute('Binding') === REDIRECT);
  return service?.getAttribute('Location') || null;
}

/**
 * Reads an IdP's metadata (a single EntityDescriptor, or the first IdP in an EntitiesDescriptor
 * aggregate). Refuses what cannot work: no Redirect-binding SSO service or no signing certificate.
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  let invalid: string | null = null;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (msg) => {
        invalid = String(msg);
      },
      fatalError: (msg) => {
        invalid = String(msg);
      },
    },
  }).parseFromString(xml, 'text/xml');
  if (invalid || !doc?.documentElement)
    throw new MetadataError('metadata_invalid', invalid ?? 'empty document');

  const descriptor = children(doc.documentElement, MD, 'IDPSSODescriptor')[0];
  const entity = descriptor?.parentNode as Element | null | undefined;
  if (!descriptor || !entity) throw new MetadataError('metadata_invalid', 'no IDPSSODescriptor');
  const entityId = entity.getAttribute('entityID');
  const ssoUrl = redirectLocation(descriptor, 'SingleSignOnService');
  const signingCerts = children(descriptor, MD, 'KeyDescriptor')
    .filter((k) => (k.getAttribute('use') ?? 'signing') !== 'encryption')
    .flatMap((k) => children(k, DS, 'X509Certificate'))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter((c) => c.length > 0);
  if (!entityId) throw new MetadataError('metadata_invalid', 'no entityID');
  if (!ssoUrl?.match(/^https?:\/\//))
    throw new MetadataError('metadata_invalid', 'no HTTP-Redirect SSO service');
  if (signingCerts.length === 0) throw new MetadataError('metadata_invalid', 'no signing certificate');
  return { entityId, ssoUrl, sloUrl: redirectLocation(descriptor, 'SingleLogoutService'), signingCerts };
}

const FETCH_TIMEOUT_MS = 5_000;
const FRESH_MS = 60 * 60_000;
const STALE_MS = 24 * 60 * 60_000;
const MAX_BYTES = 2 * 1024 * 1024;

interface CacheEntry {
  key: string;
  metadata: IdpMetadata;
  fetchedAt: number;
}
const cache = new Map<string, CacheEntry>();

export interface MetadataSource {
  id: string;
  metadataUrl: string | null;
  metadataXml: string | null;
  updatedAt: Date;
}

/**
 * The IdP's metadata: uploaded XML as it is, or fetched from its URL (5 s timeout) and kept for an
 * hour. An IdP whose metadata host is briefly down keeps working on the last good copy for a day.
 */
export async function loadIdpMetadata(idp: MetadataSource): Promise<IdpMetadata> {
  if (idp.metadataXml) return parseIdpMetadata(idp.metadataXml);
  if (!idp.metadataUrl) throw new MetadataError('metadata_invalid', 'neither metadata XML nor URL');
  const key = `${idp.metadataUrl}|${idp.updatedAt.getTime()}`;
  const cached = cache.get(idp.id);
  const usable = cached?.key === key ? cached : undefined;
  if (usable && Date.now() - usable.fetchedAt < FRESH_MS) return usable.metadata;
  try {
    const metadata = parseIdpMetadata(await fetchText(idp.metadataUrl));
    cache.set(idp.id, { key, metadata, fetchedAt: Date.now() });
    return metadata;
  } catch (err) {
    if (usable && Date.now() - usable.fetchedAt < STALE_MS) return usable.metadata;
    throw err;
  }
}

/** Forget a cached copy (an administrator changed the IdP, or tests). */
export function forgetIdpMetadata(idpId?: string) {
  if (idpId) cache.delete(idpId);
  else cache.clear();
}

async function fetchText(url: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (err) {
    throw new MetadataError('metadata_unreachable', `${url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new MetadataError('metadata_unreachable', `${url}: HTTP ${res.status}`);
  const text = await res.text();
  if (text.length > MAX_BYTES) throw new MetadataError('metadata_invalid', `${url}: larger than 2 MiB`);
  return text;
}
