import type { Role } from '../contracts/people.ts';

/**
 * Every action a user can take on an organisation. Capabilities add their own actions here, so that
 * the server's `authorize` and the UI's "what may I do" read the same table.
 */
export const actions = [
  'organisation.read',
  'organisation.update',
  'organisation.flag',
  'unit.create',
  'association.manage',
  'members.list',
  'members.manage',
  'staff.import',
  'audit.read',
  'outbox.read',
  'users.erase',
  'learning.enrol',
  'learning.report',
  'programme.manage',
  'programme.report',
  'studygroup.manage',
  'course.author',
  'adoption.read',
  'adoption.edit',
  'technology.manage',
  'document.manage',
  'network.manage',
  'assessment.template',
  'assessment.run',
  'assessment.answer',
  'assessment.results',
  'initiative.read',
  'initiative.manage',
  'case.write',
  'case.publish',
  'dashboard.read',
  'report.steering',
  'definition.manage',
  // Sign-in with the organisation's own identity (issue 15): its identity providers, SCIM tokens,
  // API clients and sign-in rules; and accounts with a username and an activation code.
  'identity.manage',
  'people.activate',
  // The shared requirements library and specifications built from it (issue 17).
  'requirement.write',
  // Support from the region (issue 17): a municipality asks, a region or association answers.
  'support.request',
  'support.provide',
  // The national register of suppliers and products (issue 17).
  'supplier.manage',
  // Contacts with external actors (issue 17): every coordinator reads her region's and associations'
  // logs; a region's or association's coordinators write their organisation's.
  'external_contact.read',
  'external_contact.write',
  // Joint procurements (issue 17): coordinators lead them; a municipality's own coordinators join one.
  'procurement.lead',
  'procurement.join',
  // Stimulus funds (issue 17): owners manage calls, a municipality requisitions and reports its share.
  'funding.manage',
  'funding.requisition',
  // The contract register per municipality (issue 17): coordinators read, a municipality's own write.
  'contract.read',
  'contract.write',
  // The learning record store at /xapi (issue 18): what an e-learning tool reads and writes through an
  // API client of the organisation.
  'xapi.read',
  'xapi.write',
  // @features-actions (new actions above this line)
] as const;
export type Action = (typeof actions)[number];

/** Higher rank may grant lower-or-equal ranks. */
export const roleRank: Record<Role, number> = {
  staff: 1,
  manager: 2,
  municipal_coordinator: 3,
  regional_coordinator: 4,
  national_admin: 5,
};

/** Coordinators do the same things; what differs is the scope of the organisation they hold the role at. */
const coordinatorActions: readonly Action[] = [
  'organisation.read',
  'organisation.update',
  'unit.create',
  'members.list',
  'members.manage',
  'staff.import',
  'learning.enrol',
  'learning.report',
  'programme.manage',
  'programme.report',
  'studygroup.manage',
  'course.author',
  'adoption.read',
  'document.manage',
  'network.manage',
  'assessment.results',
  'initiative.read',
  'initiative.manage',
  'case.write',
  'dashboard.read',
  'identity.manage',
  'people.activate',
  'requirement.write',
  'external_contact.read',
  'procurement.lead',
  'contract.read',
  'xapi.read',
  'xapi.write',
  // @features-coordinator-actions (actions every coordinator holds, above this line)
];

export const permissionMatrix: Record<Role, readonly Action[]> = {
  staff: ['organisation.read'],
  manager: [
    'organisation.read',
    'members.list',
    'learning.enrol',
    'learning.report',
    'studygroup.manage',
    'people.activate',
  ],
  // A municipality keeps its own mapping up to date; regions and associations read it (issue 5).
  municipal_coordinator: [
    ...coordinatorActions,
    'adoption.edit',
    'assessment.answer',
    'support.request',
    'procurement.join',
    'funding.requisition',
    'contract.write',
    // @features-municipal-actions (above this line)
  ],
  // Regions run assessment rounds for their municipalities and may add templates of their own (issue 6).
  // Regions also review and publish cases, report to their steering group and agree definitions (issue 8).
  regional_coordinator: [
    ...coordinatorActions,
    'assessment.template',
    'assessment.run',
    'case.publish',
    'report.steering',
    'definition.manage',
    'support.provide',
    'supplier.manage',
    'external_contact.write',
    'funding.manage',
    // @features-regional-actions (above this line)
  ],
  national_admin: [...actions],
};

export function roleAllows(role: Role, action: Action): boolean {
  return permissionMatrix[role].includes(action);
}

/** The roles that allow an action, for conditions on other people's memberships (who is reminded, asked). */
export function rolesAllowing(action: Action): Role[] {
  return (Object.keys(permissionMatrix) as Role[]).filter((r) => roleAllows(r, action));
}
