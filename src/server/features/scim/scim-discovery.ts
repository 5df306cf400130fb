import { SCIM } from '../../../shared/contracts/scim.ts';
import { MAX_RESULTS } from './scim-users.service.ts';

/**
 * The discovery documents (RFC 7643 §5–7, RFC 7644 §4): what this service supports — PATCH and filters,
 * no bulk, sorting, ETags or password changes — and the attributes it keeps.
 */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SCIM.serviceProviderConfig],
    documentationUri: 'https://github.com/valfardsnavet/valfardsnavet#scim',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: "A token created by the organisation's coordinator in Välfärdsnavet",
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

const attr = (
  name: string,
  opts: {
    type?: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
    multiValued?: boolean;
    required?: boolean;
    caseExact?: boolean;
    mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
    uniqueness?: 'none' | 'server' | 'global';
    subAttributes?: unknown[];
    description?: string;
  } = {},
) => ({
  name,
  type: opts.type ?? 'string',
  multiValued: opts.multiValued ?? false,
  description: opts.description ?? '',
  required: opts.required ?? false,
  caseExact: opts.caseExact ?? false,
  mutability: opts.mutability ?? 'readWrite',
  returned: 'default',
  uniqueness: opts.uniqueness ?? 'none',
  ...(opts.subAttributes ? { subAttributes: opts.subAttributes } : {}),
});

const schemaDocs = [
  {
    id: SCIM.user,
    name: 'User',
    description: 'A person of the organisation',
    attributes: [
      attr('userName', {
        required: true,
        uniqueness: 'server',
        description: 'Unique within the organisation',
      }),
      attr('externalId', { caseExact: true }),
      attr('name', {
        type: 'complex',
        subAttributes: [attr('formatted'), attr('givenName'), attr('familyName')],
      }),
      attr('displayName'),
      attr('emails', {
        type: 'complex',
        multiValued: true,
        description: 'Only the work address is kept',
        subAttributes: [attr('value'), attr('type'), attr('primary', { type: 'boolean' })],
      }),
      attr('active', { type: 'boolean' }),
    ],
  },
  {
    id: SCIM.enterprise,
    name: 'EnterpriseUser',
    description: 'Enterprise user: employee number and department (matched to a unit by name or code)',
    attributes: [attr('employeeNumber'), attr('department')],
  },
  {
    id: SCIM.group,
    name: 'Group',
    description: "A group maps to the organisation's unit of the same name (else the organisation)",
    attributes: [
      attr('displayName', { required: true, uniqueness: 'server' }),
      attr('externalId', { caseExact: true }),
      attr('members', {
        type: 'complex',
        multiValued: true,
        subAttributes: [
          attr('value', { mutability: 'immutable' }),
          attr('$ref', { type: 'reference', mutability: 'immutable' }),
        ],
      }),
    ],
  },
];

export function schemas(baseUrl: string) {
  return schemaDocs.map((s) => ({
    schemas: [SCIM.schema],
    ...s,
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${s.id}` },
  }));
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: [SCIM.resourceType],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: SCIM.user,
      schemaExtensions: [{ schema: SCIM.enterprise, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [SCIM.resourceType],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group (a unit of the organisation)',
      schema: SCIM.group,
      schemaExtensions: [],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

export function listResponse<T>(resources: T[], total = resources.length, startIndex = 1) {
  return {
    schemas: [SCIM.list],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
