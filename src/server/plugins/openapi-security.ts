import { apiScopes, scopeActions } from '../../shared/access/index.ts';
import { ACCESS_TOKEN_SECONDS, TOKEN_PATH } from '../../shared/contracts/api-clients.ts';

/** What each scope lets a system do, in the words of the OpenAPI document. */
const scopeDescriptions: Record<(typeof apiScopes)[number], string> = {
  'open-data:read': 'Read the organisation and its dashboards (key figures)',
  'mapping:read': "Read the organisation's welfare-technology mapping (adoption)",
  'mapping:write': "Read and update the organisation's welfare-technology mapping",
  'learning:read': 'Read learning and programme reports',
  'people:read': "List the organisation's people and their roles",
  'people:write': 'List, add and change people (staff and managers) and import staff lists',
  'xapi:read': "Read the organisation's statements, state and profiles at /xapi (HTTP Basic)",
  'xapi:write': 'Send statements, state and profiles to /xapi (HTTP Basic)',
  'xapi:all': 'Read and write at /xapi (HTTP Basic)',
  'cmi5:admin': 'Import cmi5 courses, launch their AUs, waive and abandon',
  'courses:write': 'Import SCORM and cmi5 packages as courses',
};

/**
 * The ways to call the API (issue 15): a person's session cookie, or an API client's access token from
 * the client-credentials grant, sent as a bearer token. A token acts only within its organisation and
 * its scopes; each scope lists the actions it allows.
 */
export const openApiSecuritySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'vn_session',
    description: 'A signed-in person (POST /api/v1/auth/login). State-changing requests need X-CSRF-Token.',
  },
  oauth2: {
    type: 'oauth2',
    description:
      `An API client of one organisation, created by its coordinator. Tokens last ${ACCESS_TOKEN_SECONDS} s. ` +
      'Send the token as `Authorization: Bearer`; no cookie, no CSRF token.',
    flows: {
      clientCredentials: {
        tokenUrl: TOKEN_PATH,
        scopes: Object.fromEntries(
          apiScopes.map((s) => [s, `${scopeDescriptions[s]} (${scopeActions[s].join(', ')})`]),
        ),
      },
    },
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token from POST /oauth/token (the oauth2 scheme), sent as is.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      'Goes with the session cookie on state-changing requests: the token from GET /api/v1/auth/csrf ' +
      '(double submit with the vn_csrf cookie). Not with a bearer token.',
  },
  // The learning record store and SCIM follow their own specifications and are left out of the paths;
  // their credentials are listed so that one document names every way in.
  xapiBasic: {
    type: 'http',
    scheme: 'basic',
    description:
      'The learning record store at /xapi (xAPI 2.0, not described here): an API client id and secret ' +
      'with an xapi:* scope as HTTP Basic.',
  },
  scimBearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'SCIM 2.0 provisioning at /scim/v2 (RFC 7644, not described here): a SCIM token of one ' +
      'organisation, made by its coordinator.',
  },
} as const;
