/**
 * Stable, readable operationIds: generated clients name their functions after them, so they must not
 * change when a route's summary does, and must read like `listInitiatives` rather than
 * `getApiV1InitiativesId`. A route may set `schema.operationId` itself; otherwise the name comes from
 * its method and path by the rules below, and `NAMES` spells out the ones the rules would get wrong.
 */

/** Prefixes that say where an operation lives rather than what it does. */
const PREFIXES: [RegExp, string][] = [
  [/^\/api\/open\/v1(?=\/|$)/, 'open-data'],
  [/^\/api\/v1(?=\/|$)/, ''],
  [/^\/auth\/sso(?=\/|$)/, 'sso'],
];

/** The last path segment of a POST that is an action on what precedes it, not a collection to add to. */
const ACTIONS = new Set([
  'abandon',
  'accept',
  'activate',
  'build',
  'cancel',
  'check',
  'commit',
  'confirm',
  'contact',
  'decline',
  'discover',
  'follow-up-done',
  'issue',
  'logout',
  'merge',
  'prioritise',
  'publish',
  'refresh',
  'reopen',
  'requisition',
  'return',
  'submit',
  'unlock',
  'withdraw',
]);

const IRREGULAR: Record<string, string> = { people: 'person', statuses: 'status', news: 'news' };

function singular(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || !word.endsWith('s')) return word;
  return word.slice(0, -1);
}

const plural = (word: string) => singular(word) !== word;

const pascal = (words: string) =>
  words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

const isParam = (segment: string) => segment.startsWith('{') || segment.startsWith(':');

/**
 * The name the rules give an operation: the verb from the method (list/create for a collection,
 * get/update/replace/delete for one item, or the action a POST ends in) and the nouns of the path, each
 * made singular where an id follows it.
 */
export function derivedOperationId(method: string, url: string): string {
  let rest = url;
  let lead = '';
  for (const [prefix, name] of PREFIXES) {
    if (prefix.test(rest)) {
      rest = rest.replace(prefix, '');
      lead = name;
      break;
    }
  }
  const segments = rest.split('/').filter(Boolean);
  const nouns: string[] = lead ? [lead] : [];
  let action: string | null = null;
  segments.forEach((segment, i) => {
    if (isParam(segment)) return;
    const last = i === segments.length - 1;
    if (last && method === 'POST' && ACTIONS.has(segment)) action = segment;
    else nouns.push(i + 1 < segments.length && isParam(segments[i + 1]!) ? singular(segment) : segment);
  });
  const one = segments.length > 0 && isParam(segments.at(-1)!);
  const verb =
    action ??
    {
      GET: one || !plural(segments.at(-1) ?? '') ? 'get' : 'list',
      POST: 'create',
      PUT: 'replace',
      PATCH: 'update',
      DELETE: 'delete',
    }[method] ??
    method.toLowerCase();
  let noun = pascal(nouns.join('-'));
  // A new item of a collection is one item: createInitiative, not createInitiatives.
  if (verb === 'create' && !one && nouns.length > 0)
    noun = pascal([...nouns.slice(0, -1), singular(nouns.at(-1)!)].join('-'));
  return `${pascal(verb).replace(/^./, (c) => c.toLowerCase())}${noun}`;
}

/** Operations the rules would name badly or ambiguously, by `METHOD /path` as the document has it. */
export const NAMES: Record<string, string> = {
  // Sign-in, second factors and sessions
  'GET /api/v1/auth/csrf': 'getCsrfToken',
  'POST /api/v1/auth/login': 'login',
  'POST /api/v1/auth/logout': 'logout',
  'POST /api/v1/auth/mfa': 'completeMfaLogin',
  'POST /api/v1/auth/mfa/totp-setup': 'startMfaTotpSetup',
  'POST /api/v1/auth/mfa/passkey-registration-options': 'getMfaPasskeyRegistrationOptions',
  'POST /api/v1/auth/mfa/passkey-options': 'getMfaPasskeyOptions',
  'POST /api/v1/auth/passkey/options': 'getPasskeyLoginOptions',
  'POST /api/v1/auth/passkey/login': 'loginWithPasskey',
  'GET /api/v1/auth/sessions': 'listMySessions',
  'DELETE /api/v1/auth/sessions/{id}': 'revokeMySession',
  'POST /api/v1/auth/password': 'changeMyPassword',
  'POST /api/v1/auth/password-reset': 'requestPasswordReset',
  'POST /api/v1/auth/password-reset/confirm': 'confirmPasswordReset',
  'POST /api/v1/auth/unlock': 'requestUnlock',
  'POST /api/v1/auth/unlock/confirm': 'confirmUnlock',
  'POST /api/v1/auth/activate/check': 'checkActivationCode',
  'POST /api/v1/auth/activate': 'activateAccount',
  'GET /api/v1/auth/discover': 'discoverSignIn',
  'GET /api/v1/auth/sso-organisations': 'listSsoOrganisations',
  'GET /auth/sso/{idpId}/login': 'startSsoLogin',
  'GET /auth/sso/{idpId}/callback': 'finishOidcLogin',
  'POST /auth/sso/{idpId}/acs': 'receiveSamlResponse',
  'GET /auth/sso/{idpId}/slo': 'returnFromSamlLogout',
  'POST /auth/sso/{idpId}/slo': 'postReturnFromSamlLogout',
  'GET /api/v1/identity-providers/{id}/saml/metadata': 'getSamlMetadata',
  'POST /oauth/token': 'issueAccessToken',
  // Me
  'GET /api/v1/me': 'getMe',
  'PATCH /api/v1/me': 'updateMe',
  'PUT /api/v1/me/course-language': 'setMyCourseLanguage',
  'GET /api/v1/me/export': 'exportMyData',
  'GET /api/v1/me/learning': 'getMyLearning',
  'GET /api/v1/me/start': 'getMyStartPage',
  'GET /api/v1/me/security': 'getMySecurity',
  'POST /api/v1/me/passkeys/registration-options': 'getPasskeyRegistrationOptions',
  'POST /api/v1/me/passkeys': 'addMyPasskey',
  'PATCH /api/v1/me/passkeys/{id}': 'renameMyPasskey',
  'DELETE /api/v1/me/passkeys/{id}': 'deleteMyPasskey',
  'POST /api/v1/me/totp': 'startMyTotpSetup',
  'DELETE /api/v1/me/totp': 'deleteMyTotp',
  'POST /api/v1/me/totp/confirm': 'confirmMyTotp',
  'POST /api/v1/me/recovery-codes': 'regenerateMyRecoveryCodes',
  'GET /api/v1/organisations/{id}/sign-in-policy': 'getSignInPolicy',
  'PUT /api/v1/organisations/{id}/sign-in-policy': 'setSignInPolicy',
  // Organisations and people
  'GET /api/v1/audit': 'listAuditEvents',
  'GET /api/v1/outbox': 'listOutboxMessages',
  'POST /api/v1/organisations/{id}/members': 'addOrganisationMember',
  'POST /api/v1/imports/staff': 'importStaff',
  'POST /api/v1/municipalities/{code}/contracts/import': 'importMunicipalityContracts',
  'POST /api/v1/municipalities/{code}/technologies/import': 'importMunicipalityTechnologies',
  'GET /api/v1/team': 'getMyTeam',
  'GET /api/v1/team/export': 'exportMyTeam',
  'POST /api/v1/team/reminders': 'remindMyTeam',
  'GET /api/v1/system': 'getSystemInfo',
  // Learning
  'POST /api/v1/enrolments': 'enrolInCourse',
  'POST /api/v1/enrolments/{id}/certificate': 'issueCertificate',
  'GET /api/v1/certificates/{code}': 'verifyCertificate',
  'GET /api/v1/certificates/{code}/pdf': 'getCertificatePdf',
  'PUT /api/v1/enrolments/{id}/feedback/{moduleKey}': 'rateModule',
  'GET /api/v1/courses/{id}/feedback': 'getCourseFeedback',
  'GET /api/v1/authoring/courses': 'listAuthoredCourses',
  'GET /api/v1/authoring/owners': 'listAuthoringOwners',
  'GET /api/v1/courses/{id}/draft': 'getCourseDraft',
  'PUT /api/v1/courses/{id}/draft': 'saveCourseDraft',
  'POST /api/v1/courses/{id}/preview': 'previewCourse',
  'POST /api/v1/programmes/{id}/enrolments': 'enrolInProgramme',
  'POST /api/v1/programmes/{id}/enrolments/import': 'importProgrammeEnrolments',
  'GET /api/v1/programmes/{id}/report': 'getProgrammeReport',
  'PUT /api/v1/study-groups/{id}/meetings/{meetingId}/attendance': 'recordStudyGroupAttendance',
  'GET /api/v1/enrolments/{id}/modules/{moduleKey}/scorm': 'launchScormModule',
  'PUT /api/v1/enrolments/{id}/modules/{moduleKey}/scorm': 'commitScormData',
  'POST /api/v1/courses/import': 'importCoursePackage',
  'POST /api/v1/courses/{id}/package': 'replaceCoursePackage',
  'POST /api/v1/cmi5/fetch-url/{sessionId}': 'fetchCmi5AuthToken',
  'POST /api/v1/cmi5/courses': 'importCmi5Course',
  'POST /api/v1/cmi5/courses/{id}/launch-url/{auIndex}': 'launchCmi5Au',
  'POST /api/v1/enrolments/{id}/modules/{moduleKey}/cmi5-launch': 'launchMyCmi5Module',
  'POST /api/v1/cmi5/registrations/{registration}/waive-au/{auIndex}': 'waiveCmi5Au',
  // Mapping, documents and assessments
  'GET /api/v1/adoption': 'getAdoptionMatrix',
  'GET /api/v1/adoption/map': 'getAdoptionMap',
  'GET /api/v1/adoption/gaps': 'listAdoptionGaps',
  'GET /api/v1/adoption/export': 'exportAdoption',
  'GET /api/v1/map/municipalities': 'getMunicipalityMap',
  'GET /api/v1/technologies/{key}/who-has-done-this': 'listWhoHasDoneThis',
  'GET /api/v1/documents/search': 'searchDocuments',
  'GET /api/v1/documents/reminders': 'listDocumentReviewReminders',
  'GET /api/v1/documents/owners': 'listDocumentOwners',
  'GET /api/v1/documents/{id}/file': 'downloadDocumentFile',
  'PUT /api/v1/documents/{id}/file': 'replaceDocumentFile',
  'PUT /api/v1/assessment-templates/{id}/draft': 'saveAssessmentTemplateDraft',
  'POST /api/v1/assessment-templates/{id}/versions': 'publishAssessmentTemplateVersion',
  'POST /api/v1/assessment-rounds/{id}/reminders': 'remindAssessmentRound',
  'GET /api/v1/assessment-rounds/{id}/municipalities/{code}': 'getAssessmentAnswers',
  'PUT /api/v1/assessment-rounds/{id}/municipalities/{code}': 'saveAssessmentAnswers',
  'POST /api/v1/assessment-rounds/{id}/municipalities/{code}/submit': 'submitAssessmentAnswers',
  'POST /api/v1/assessment-rounds/{id}/municipalities/{code}/reopen': 'reopenAssessmentAnswers',
  'GET /api/v1/assessment-rounds/{id}/results': 'getAssessmentRoundResults',
  'GET /api/v1/assessment-rounds/{id}/municipalities/{code}/results': 'getMunicipalityAssessmentResults',
  'GET /api/v1/assessment-rounds/{id}/municipalities/{code}/results.pdf':
    'getMunicipalityAssessmentResultsPdf',
  // Plans, initiatives and cases
  'POST /api/v1/action-plans/{id}/items': 'addActionPlanItem',
  'GET /api/v1/funding-totals': 'getFundingTotals',
  'GET /api/v1/benefits-summary': 'getBenefitsSummary',
  'POST /api/v1/needs/{id}/endorsements': 'endorseNeed',
  'DELETE /api/v1/needs/{id}/endorsements/{code}': 'withdrawNeedEndorsement',
  'PUT /api/v1/initiatives/{id}/checklist/{phase}/{itemKey}': 'setInitiativeChecklistItem',
  'POST /api/v1/initiatives/{id}/funding': 'addInitiativeFunding',
  'GET /api/v1/cases/search': 'searchCases',
  'GET /api/v1/cases/link-choices': 'listCaseLinkChoices',
  'POST /api/v1/cases/{id}/contact': 'contactCaseAuthors',
  'GET /api/v1/cases/{id}/attachments/{attachmentId}': 'downloadCaseAttachment',
  'GET /api/v1/dashboards/municipalities/{code}': 'getMunicipalityDashboard',
  'GET /api/v1/reports/steering-group': 'listSteeringReports',
  'POST /api/v1/reports/steering-group': 'createSteeringReport',
  'GET /api/v1/reports/steering-group/{id}': 'getSteeringReport',
  'PATCH /api/v1/reports/steering-group/{id}': 'updateSteeringReport',
  'DELETE /api/v1/reports/steering-group/{id}': 'deleteSteeringReport',
  'PUT /api/v1/reports/steering-group/{id}/narrative': 'saveSteeringReportNarrative',
  'POST /api/v1/reports/steering-group/{id}/issue': 'issueSteeringReport',
  'GET /api/v1/reports/steering-group/{id}/pdf': 'getSteeringReportPdf',
  'GET /api/v1/reports/steering-group/{id}/docx': 'getSteeringReportDocx',
  // Suppliers, requirements, support, funding and procurement
  'GET /api/v1/requirements/search': 'searchRequirements',
  'POST /api/v1/requirements/{id}/lessons': 'recordRequirementLesson',
  'GET /api/v1/requirement-specifications/{id}/export': 'exportRequirementSpecification',
  'GET /api/v1/support-requests/report': 'getSupportRequestReport',
  'POST /api/v1/support-requests/{id}/messages': 'writeSupportRequestMessage',
  'GET /api/v1/support-requests/{id}/attachments/{attachmentId}': 'downloadSupportRequestAttachment',
  'GET /api/v1/external-contacts/choices': 'listExternalContactChoices',
  'POST /api/v1/external-contacts/{id}/follow-up-done': 'markExternalContactFollowUpDone',
  'GET /api/v1/funding-calls/linkable': 'listLinkableFundingCalls',
  'PUT /api/v1/funding-calls/{id}/allocations': 'setFundingCallAllocations',
  'POST /api/v1/funding-calls/{id}/allocations/key': 'allocateFundingCallByKey',
  'POST /api/v1/funding-calls/{id}/allocations/{code}/report': 'reportFundingCallAllocationUse',
  'GET /api/v1/procurements/invitable': 'listInvitableMunicipalities',
  'POST /api/v1/procurements/{id}/participants': 'inviteProcurementParticipants',
  'POST /api/v1/procurements/{id}/participants/{code}/confirm': 'answerProcurementInvitation',
  'GET /api/v1/procurements/{id}/documents/{documentId}': 'downloadProcurementDocument',
  'POST /api/v1/procurements/{id}/checklist': 'addProcurementChecklistItem',
  'PATCH /api/v1/procurements/{id}/checklist/{itemId}': 'updateProcurementChecklistItem',
  'PUT /api/v1/procurements/{id}/specification': 'setProcurementSpecification',
  'PUT /api/v1/procurements/{id}/links': 'setProcurementLinks',
  'GET /api/v1/contracts/radar': 'getContractRadar',
  'GET /api/v1/contracts/{id}/history': 'getContractHistory',
  'POST /api/v1/contracts/{id}/documents': 'attachContractDocument',
  'GET /api/v1/contracts/{id}/documents/{docId}': 'downloadContractDocument',
  // Open data
  'GET /api/open/v1': 'listOpenDatasets',
  'GET /api/open/v1/municipalities': 'getOpenMunicipalities',
  'GET /api/open/v1/municipalities.csv': 'getOpenMunicipalitiesCsv',
  'GET /api/open/v1/adoption': 'getOpenAdoption',
  'GET /api/open/v1/adoption.csv': 'getOpenAdoptionCsv',
  'GET /api/open/v1/programme-participation': 'getOpenProgrammeParticipation',
  'GET /api/open/v1/programme-participation.csv': 'getOpenProgrammeParticipationCsv',
  'GET /api/open/v1/maturity': 'getOpenMaturity',
  'GET /api/open/v1/maturity.csv': 'getOpenMaturityCsv',
};

/** The operationId of one operation: the route's own, then `NAMES`, then the rules. */
export function operationIdOf(method: string, path: string, own?: string): string {
  return own ?? NAMES[`${method} ${path}`] ?? derivedOperationId(method, path);
}
