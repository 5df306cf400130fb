import type { Profile } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import type { IdentityProviderRow } from '../../identity-providers/identity-providers.repo.ts';
import { SsoRefusal } from '../oidc/oidc-client.ts';
import { type SsoRequest, takeSsoRequest, takeSsoRequestByRequestId } from '../sso-requests.repo.ts';
import { rememberAssertionId } from './assertion-ids.repo.ts';
import { acsUrl, CLOCK_SKEW_MS, type SamlDeps, samlFor } from './saml-client.ts';

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const MAX_RESPONSE_CHARS = 512 * 1024;

export interface SamlPost {
  SAMLResponse?: string | undefined;
  RelayState?: string | undefined;
}

/** A verified login: who (NameID), what the IdP says (attributes), and what single logout needs. */
export interface SamlIdentity {
  subject: string;
  attributes: Record<string, unknown>;
  logoutHint: string;
  returnTo: string | null;
}

/** The SLO hint kept (sealed) with the session: a LogoutRequest must name the same NameID and session. */
export interface SamlLogoutHint {
  nameID: string;
  nameIDFormat: string;
  nameQualifier?: string | undefined;
  spNameQualifier?: string | undefined;
  sessionIndex?: string | undefined;
}

function parse(xml: string) {
  return new DOMParser({
    errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} },
  }).parseFromString(xml, 'text/xml');
}

/** The Response's InResponseTo, read before anything is trusted: only to find our request without RelayState. */
function unverifiedInResponseTo(samlResponse: string): string | null {
  const doc = parse(Buffer.from(samlResponse, 'base64').toString('utf8'));
  const root = doc?.documentElement;
  if (root?.namespaceURI !== PROTOCOL || root.localName !== 'Response') return null;
  return root.getAttribute('InResponseTo') || null;
}

/** node-saml's reasons, sorted into the refusals a person and an auditor can tell apart. */
function refusalFor(err: unknown): SsoRefusal {
  if (err instanceof SsoRefusal) return err;
  const e = err as { name?: string; message?: string };
  const message = (e.message ?? 'unknown').slice(0, 300);
  if (e.name === 'SamlStatusError') return new SsoRefusal('sso_idp_refused', message);
  if (/expired|not yet valid|subject confirmation/i.test(message))
    return new SsoRefusal('sso_assertion_expired', `expired: ${message}`);
  if (/audience/i.test(message)) return new SsoRefusal('sso_token_invalid', `audience: ${message}`);
  if (/InResponseTo/i.test(message)) return new SsoRefusal('sso_state_invalid', `in-response-to: ${message}`);
  if (/signature/i.test(message)) return new SsoRefusal('sso_token_invalid', `signature: ${message}`);
  if (/issuer/i.test(message)) return new SsoRefusal('sso_token_invalid', `issuer: ${message}`);
  return new SsoRefusal('sso_token_invalid', `invalid: ${message}`);
}

/**
 * Checks node-saml leaves to us, on the signed assertion it returned: the bearer confirmation names our
 * ACS as Recipient (saml-profiles §4.1.4.2), and the Response's Destination, when given, does too.
 * Returns the assertion id and until when it must be remembered.
 */
function checkRecipientAndId(
  profile: Profile,
  expectedAcs: string,
  expectedIssuer: string,
): { assertionId: string; expiresAt: Date } {
  const assertion = parse(profile.getAssertionXml?.() ?? '')?.documentElement;
  const response = parse(profile.getSamlResponseXml?.() ?? '')?.documentElement;
  if (assertion?.localName !== 'Assertion')
    throw new SsoRefusal('sso_token_invalid', 'invalid: no assertion');
  // The signature already names the IdP; the issuer is checked too in case IdPs share a certificate.
  const issuer = assertion.getElementsByTagNameNS(ASSERTION, 'Issuer')[0]?.textContent?.trim();
  if (issuer !== expectedIssuer)
    throw new SsoRefusal('sso_token_invalid', `issuer: ${(issuer ?? 'none').slice(0, 200)}`);
  const destination = response?.getAttribute('Destination');
  if (destination && destination !== expectedAcs) {
    throw new SsoRefusal('sso_token_invalid', `recipient: Destination ${destination.slice(0, 200)}`);
  }
  const confirmations = Array.from(
    assertion.getElementsByTagNameNS(ASSERTION, 'SubjectConfirmationData') as unknown as ArrayLike<{
      getAttribute(name: string): string | null;
    }>,
  );
  const recipients = confirmations.map((c) => c.getAttribute('Recipient'));
  if (!recipients.includes(expectedAcs)) {
    throw new SsoRefusal('sso_token_invalid', `recipient: ${recipients.join(', ').slice(0, 200) || 'none'}`);
  }
  const assertionId = assertion.getAttribute('ID');
  if (!assertionId) throw new SsoRefusal('sso_token_invalid', 'invalid: assertion without ID');
  const conditions = assertion.getElementsByTagNameNS(ASSERTION, 'Conditions')[0];
  const times = [
    conditions?.getAttribute('NotOnOrAfter'),
    ...confirmations.map((c) => c.getAttribute('NotOnOrAfter')),
  ]
    .map((t) => (t ? Date.parse(t) : Number.NaN))
    .filter((t) => Number.isFinite(t));
  // Without any NotOnOrAfter, a day: longer than any sensible assertion lives.
  const until = times.length ? Math.max(...times) : Date.now() + 24 * 3600_000;
  return { assertionId, expiresAt: new Date(until + CLOCK_SKEW_MS) };
}

/** Every attribute as the assertion gave it: one value a string, several an array. Nothing else. */
function attributesOf(profile: Profile): Record<string, unknown> {
  const raw = (profile.attributes ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

/**
 * The ACS: the Response must answer a request we sent for this IdP (RelayState is its `state`; without
 * one, InResponseTo finds it), be signed by the IdP (the assertion, or the whole Response), for our
 * audience and ACS, in time, and never seen before. The request is consumed first, so whatever happens
 * next the same answer cannot be tried again. Throws SsoRefusal; nothing about the person is written.
 */
export async function verifySamlResponse(
  deps: SamlDeps,
  idp: IdentityProviderRow,
  post: SamlPost,
): Promise<SamlIdentity> {
  const samlResponse = post.SAMLResponse ?? '';
  if (!samlResponse || samlResponse.length > MAX_RESPONSE_CHARS) {
    throw new SsoRefusal('sso_token_invalid', 'invalid: nothing posted');
  }
  let request: SsoRequest | null;
  if (post.RelayState) {
    request = await takeSsoRequest(deps.db, post.RelayState, idp.id);
  } else {
    const inResponseTo = unverifiedInResponseTo(samlResponse);
    request = inResponseTo ? await takeSsoRequestByRequestId(deps.db, inResponseTo, idp.id) : null;
  }
  if (!request?.requestId)
    throw new SsoRefusal('sso_state_invalid', 'in-response-to: request unknown, used or expired');

  const { saml, metadata } = await samlFor(deps, idp, request.requestId);
  // Whatever node-saml refuses (signature, time, audience, InResponseTo, status) is a refusal.
  const { profile } = await saml
    .validatePostResponseAsync({ SAMLResponse: samlResponse })
    .catch((err: unknown) => {
      throw refusalFor(err);
    });
  if (!profile?.nameID) throw new SsoRefusal('sso_subject_missing', 'no NameID');
  const { assertionId, expiresAt } = checkRecipientAndId(
    profile,
    acsUrl(deps.config, idp.id),
    metadata.entityId,
  );
  if (!(await rememberAssertionId(deps.db, idp.id, assertionId, expiresAt))) {
    throw new SsoRefusal('sso_assertion_replayed', `replayed: assertion ${assertionId.slice(0, 100)}`);
  }
  const hint: SamlLogoutHint = {
    nameID: profile.nameID,
    nameIDFormat: profile.nameIDFormat,
    nameQualifier: profile.nameQualifier,
    spNameQualifier: profile.spNameQualifier,
    sessionIndex: profile.sessionIndex,
  };
  return {
    subject: profile.nameID,
    attributes: attributesOf(profile),
    logoutHint: JSON.stringify(hint),
    returnTo: request.returnTo,
  };
}
