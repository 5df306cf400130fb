import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as xmllint from '@authenio/samlify-node-xmllint';
import * as samlify from 'samlify';
import { generate } from 'selfsigned';

/**
 * A real SAML 2.0 identity provider for the tests (samlify, schema-validating with xmllint), served over
 * HTTP on 127.0.0.1: it publishes its metadata, takes our AuthnRequest by the HTTP-Redirect binding
 * (checking our signature against our SP metadata), shows a tiny login page with one button and answers
 * with a signed Response by an auto-submitting POST form to our ACS — or, when told to, a tampered one.
 */

samlify.setSchemaValidator(xmllint);

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

export interface SamlPeerUser {
  /** The NameID (persistent): our subject. */
  nameId: string;
  /** SAML attributes by name; an array gives several AttributeValues. */
  attributes: Record<string, string | string[]>;
}

export type SamlTamper =
  | 'none'
  /** Signed with a key that is not the one in the IdP's metadata. */
  | 'wrong-key'
  /** An attribute value changed after the assertion was signed. */
  | 'altered-attribute'
  /** The AudienceRestriction names another SP. */
  | 'wrong-audience'
  /** SubjectConfirmationData Recipient and Response Destination name another ACS. */
  | 'wrong-recipient'
  /** NotOnOrAfter an hour ago. */
  | 'expired'
  /** The signature removed: neither Response nor Assertion signed. */
  | 'unsigned';

export interface SamlPostForm {
  action: string;
  SAMLResponse: string;
  RelayState: string;
}

export interface SamlPeer {
  url: string;
  entityId: string;
  metadataUrl: string;
  metadataXml: string;
  /** The SP (us) whose AuthnRequests are accepted: its metadata XML. */
  trustSp(spMetadataXml: string): void;
  /** Who the next login is for and how the answer is spoiled. */
  user: SamlPeerUser;
  tamper: SamlTamper;
  /** Sign the whole Response instead of the Assertion (both are acceptable to an SP). */
  signResponseOnly: boolean;
  /** The last Response sent, for replay tests. */
  lastResponse: SamlPostForm | null;
  /** LogoutRequests received (decoded XML). */
  logoutRequests: string[];
  /** API tests: follows our redirect to the IdP, presses its button, returns the POST form for the ACS. */
  loginThrough(redirectUrl: string): Promise<SamlPostForm>;
  close(): Promise<void>;
}

const esc = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const RESPONSE_TEMPLATE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}"><saml:Issuer>{Issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}"><saml:Issuer>{Issuer}</saml:Issuer><saml:Subject><saml:NameID Format="{NameIDFormat}">{NameID}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Recipient}" InResponseTo="{InResponseTo}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="{NotBefore}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{SessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>{AttributeStatement}</saml:Assertion></samlp:Response>';

function attributeStatement(attributes: Record<string, string | string[]>): string {
  const items = Object.entries(attributes).map(([name, value]) => {
    const values = (Array.isArray(value) ? value : [value])
      .map((v) => `<saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`)
      .join('');
    return `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values}</saml:Attribute>`;
  });
  return items.length ? `<saml:AttributeStatement>${items.join('')}</saml:AttributeStatement>` : '';
}

function render(values: Record<string, string>, raw: Record<string, string>): string {
  return RESPONSE_TEMPLATE.replace(/\{(\w+)\}/g, (_, key: string) => raw[key] ?? esc(values[key] ?? ''));
}

const autoPostPage = (form: SamlPostForm) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Skickar till tjänsten</title></head>
<body onload="document.forms[0].submit()">
<form method="post" action="${esc(form.action)}">
<input type="hidden" name="SAMLResponse" value="${esc(form.SAMLResponse)}">
<input type="hidden" name="RelayState" value="${esc(form.RelayState)}">
<noscript><button type="submit">Fortsätt</button></noscript>
</form></body></html>`;

const loginPage = (key: string, user: SamlPeerUser) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Test-IdP – logga in</title></head>
<body><main><h1>Test-IdP</h1>
<form method="post" action="/sso/continue">
<input type="hidden" name="key" value="${esc(key)}">
<button type="submit">Logga in som ${esc(user.nameId)}</button>
</form></main></body></html>`;

function readBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/** The signed part of a redirect-binding query, in the order the signer used (saml-bindings §3.4.4.1). */
function octetString(rawQuery: string): string {
  const parts = rawQuery.split('&');
  return ['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg']
    .map((name) => parts.find((p) => p.startsWith(`${name}=`)))
    .filter((p): p is string => p !== undefined)
    .join('&');
}

function parseForm(html: string): SamlPostForm {
  const attr = (name: string) => {
    const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
    if (!m?.[1] && m?.[1] !== '') throw new Error(`no ${name} in the IdP's page`);
    return m[1]
      .replace(/&quot;/g, '"')
      .replace(/&gt;/g, '>')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&');
  };
  const action = html.match(/action="([^"]*)"/)?.[1];
  if (!action) throw new Error("no form action in the IdP's page");
  return {
    action: action.replace(/&amp;/g, '&'),
    SAMLResponse: attr('SAMLResponse'),
    RelayState: attr('RelayState'),
  };
}

interface Pending {
  requestId: string;
  acs: string;
  audience: string;
  relayState: string;
}

export async function startSamlPeer(): Promise<SamlPeer> {
  const attrs = [{ name: 'commonName', value: 'Test-IdP' }];
  const [real, rogue] = await Promise.all([
    generate(attrs, { keySize: 2048, algorithm: 'sha256' }),
    generate(attrs, { keySize: 2048, algorithm: 'sha256' }),
  ]);
  const pending = new Map<string, Pending>();
  let sp: ReturnType<typeof samlify.ServiceProvider> | null = null;
  // The same SP as samlify sees it when it does not ask for signed assertions: samlify then signs the Response.
  let spResponseSigned: ReturnType<typeof samlify.ServiceProvider> | null = null;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`Test-IdP refused: ${err.message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${url}/metadata`;

  const idpSettings = (key: typeof real) => ({
    entityID: entityId,
    privateKey: key.private,
    signingCert: key.cert,
    nameIDFormat: [NAMEID_PERSISTENT],
    wantAuthnRequestsSigned: true,
    singleSignOnService: [{ Binding: REDIRECT, Location: `${url}/sso` }],
    singleLogoutService: [{ Binding: REDIRECT, Location: `${url}/slo` }],
  });
  const idp = samlify.IdentityProvider(idpSettings(real));
  const rogueIdp = samlify.IdentityProvider(idpSettings(rogue));

  const peer: SamlPeer = {
    url,
    entityId,
    metadataUrl: entityId,
    metadataXml: idp.getMetadata(),
    trustSp(xml) {
      sp = samlify.ServiceProvider({ metadata: xml });
      spResponseSigned = samlify.ServiceProvider({
        metadata: xml.replace('WantAssertionsSigned="true"', 'WantAssertionsSigned="false"'),
      });
    },
    user: { nameId: 'test-user', attributes: {} },
    tamper: 'none',
    signResponseOnly: false,
    lastResponse: null,
    logoutRequests: [],
    async loginThrough(redirectUrl) {
      const page = await fetch(redirectUrl);
      const html = await page.text();
      if (!page.ok) throw new Error(html);
      const key = html.match(/name="key" value="([^"]*)"/)?.[1];
      if (!key) throw new Error(`no login form: ${html}`);
      const answer = await fetch(`${url}/sso/continue`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key }).toString(),
      });
      return parseForm(await answer.text());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const [path = '/', rawQuery = ''] = (req.url ?? '/').split('?');
    const query = Object.fromEntries(new URLSearchParams(rawQuery));
    if (req.method === 'GET' && path === '/metadata') {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
      res.end(peer.metadataXml);
      return;
    }
    if (req.method === 'GET' && path === '/sso') {
      if (!sp) throw new Error('no SP trusted yet');
      // samlify checks our signature over the query and validates the request against the schema.
      const parsed = await idp.parseLoginRequest(sp, 'redirect', {
        query,
        octetString: octetString(rawQuery),
      } as never);
      const request = parsed.extract.request as { id: string; assertionConsumerServiceUrl?: string };
      const acs = request.assertionConsumerServiceUrl ?? sp.entityMeta.getAssertionConsumerService(POST);
      const key = randomBytes(12).toString('hex');
      pending.set(key, {
        requestId: request.id,
        acs: String(acs),
        audience: sp.entityMeta.getEntityID(),
        relayState: query.RelayState ?? '',
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(loginPage(key, peer.user));
      return;
    }
    if (req.method === 'POST' && path === '/sso/continue') {
      const key = (await readBody(req)).get('key') ?? '';
      const p = pending.get(key);
      if (!p) throw new Error('unknown login');
      pending.delete(key);
      const form = { action: p.acs, SAMLResponse: await buildResponse(p), RelayState: p.relayState };
      peer.lastResponse = form;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(autoPostPage(form));
      return;
    }
    if (req.method === 'GET' && path === '/slo') {
      const { inflateRawSync } = await import('node:zlib');
      peer.logoutRequests.push(
        inflateRawSync(Buffer.from(query.SAMLRequest ?? '', 'base64')).toString('utf8'),
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="sv"><head><title>Utloggad</title></head><body><p>Utloggad</p></body></html>',
      );
      return;
    }
    res.writeHead(404).end();
  }

  async function buildResponse(p: Pending): Promise<string> {
    if (!sp) throw new Error('no SP trusted yet');
    const tamper = peer.tamper;
    const now = new Date();
    const expired = tamper === 'expired';
    const notOnOrAfter = new Date(now.getTime() + (expired ? -3600_000 : 5 * 60_000)).toISOString();
    const values: Record<string, string> = {
      ID: `_${randomBytes(16).toString('hex')}`,
      AssertionID: `_${randomBytes(16).toString('hex')}`,
      IssueInstant: (expired ? new Date(now.getTime() - 2 * 3600_000) : now).toISOString(),
      NotBefore: new Date(now.getTime() - (expired ? 2 * 3600_000 : 0)).toISOString(),
      NotOnOrAfter: notOnOrAfter,
      Destination: tamper === 'wrong-recipient' ? 'https://elsewhere.example/acs' : p.acs,
      Recipient: tamper === 'wrong-recipient' ? 'https://elsewhere.example/acs' : p.acs,
      Audience: tamper === 'wrong-audience' ? 'https://elsewhere.example/sp' : p.audience,
      Issuer: entityId,
      InResponseTo: p.requestId,
      NameIDFormat: NAMEID_PERSISTENT,
      NameID: peer.user.nameId,
      SessionIndex: `_session-${randomBytes(8).toString('hex')}`,
    };
    const signer = tamper === 'wrong-key' ? rogueIdp : idp;
    const target = peer.signResponseOnly && spResponseSigned ? spResponseSigned : sp;
    const built = await signer.createLoginResponse(
      target,
      { extract: { request: { id: p.requestId } } },
      'post',
      {},
      {
        customTagReplacement: () => ({
          id: values.ID ?? '',
          context: render(values, { AttributeStatement: attributeStatement(peer.user.attributes) }),
        }),
      },
    );
    let xml = Buffer.from(String(built.context), 'base64').toString('utf8');
    if (tamper === 'unsigned') xml = xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, '');
    if (tamper === 'altered-attribute') {
      const first = Object.values(peer.user.attributes)[0];
      const original = Array.isArray(first) ? first[0] : first;
      if (!original) throw new Error('altered-attribute needs an attribute');
      xml = xml.replace(`>${esc(original)}<`, `>${esc(`x${original}`)}<`);
    }
    return Buffer.from(xml, 'utf8').toString('base64');
  }

  return peer;
}
