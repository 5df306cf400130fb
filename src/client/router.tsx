import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from './components/Feedback.tsx';
import { Layout, RequireAuth } from './components/Layout.tsx';
import { NotFoundPage } from './features/static/NotFoundPage.tsx';
import { allStrings } from './lib/i18n.ts';
// Read before the router starts: the entry the app was loaded on (focus handling of learning pages).
import './features/learning/landing.ts';

/**
 * A page from a chunk that loads on demand, with the loading indicator meanwhile. Its strings come
 * with it: all of them, or only the core strings the learner's pages use (`'core'`, see i18n.ts).
 */
function lazyFrom<M extends Record<string, ComponentType>>(
  load: () => Promise<M>,
  strings: 'all' | 'core' = 'all',
) {
  return (name: keyof M & string) => {
    const Page = lazy(() =>
      Promise.all([load(), strings === 'all' ? allStrings() : undefined]).then(([m]) => ({
        default: m[name] as ComponentType,
      })),
    );
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}

// Chunks, each loaded when first needed, so a care worker's phone loads only the learner's pages:
// learning (with the Markdown renderer); programmes, reports and study groups; course authoring; and
// managing people and organisations; mapping.
const lazyLearning = lazyFrom(() => import('./features/learning/index.ts'), 'core');
// Signing in, the account, the start page and organisations are chunks too: a lesson loads none of them.
const lazyAccount = lazyFrom(() => import('./features/account-pages.ts'));
const lazyHome = lazyFrom(() => import('./features/home-pages.ts'));
const lazyProgrammes = lazyFrom(() => import('./features/programmes/index.ts'));
const lazyAuthoring = lazyFrom(() => import('./features/authoring/index.ts'));
const lazyManage = lazyFrom(() => import('./features/manage.ts'));
const lazyMapping = lazyFrom(() => import('./features/mapping/index.ts'));
const lazyNetworks = lazyFrom(() => import('./features/networks/index.ts'));
const lazyDocuments = lazyFrom(() => import('./features/documents/index.ts'));
const lazyAssessments = lazyFrom(() => import('./features/assessments/index.ts'));
const lazyResults = lazyFrom(() => import('./features/assessment-results/index.ts'));
const lazyTemplates = lazyFrom(() => import('./features/assessment-templates/index.ts'));
const lazyInitiatives = lazyFrom(() => import('./features/initiatives/index.ts'));
const lazyPlans = lazyFrom(() => import('./features/action-plans/index.ts'));
const lazyDashboards = lazyFrom(() => import('./features/dashboards/index.ts'));
const lazyOpenData = lazyFrom(() => import('./features/open-data/index.ts'));
const lazyDefinitions = lazyFrom(() => import('./features/definitions/index.ts'));
const lazySteeringReports = lazyFrom(() => import('./features/steering-reports/index.ts'));
const lazyCases = lazyFrom(() => import('./features/cases/index.ts'));
const lazyIdentity = lazyFrom(() => import('./features/identity/index.ts'));
const lazyCertificateCheck = lazyFrom(() => import('./features/certificate-check/index.ts'));
const lazyPeopleSearch = lazyFrom(() => import('./features/people/search.ts'));
const lazyTeam = lazyFrom(() => import('./features/team/index.ts'));
const lazySupport = lazyFrom(() => import('./features/support/index.ts'));
const lazyRequirements = lazyFrom(() => import('./features/requirements/index.ts'));
const lazySuppliers = lazyFrom(() => import('./features/suppliers/index.ts'));
const lazyExternalContacts = lazyFrom(() => import('./features/external-contacts/index.ts'));
const lazyContractRadar = lazyFrom(() => import('./features/contract-radar/index.ts'));
const lazyProcurements = lazyFrom(() => import('./features/procurements/index.ts'));
const lazySupplierContracts = lazyFrom(() => import('./features/supplier-contracts/index.ts'));
const lazyFundingCalls = lazyFrom(() => import('./features/funding-calls/index.ts'));
const lazyImports = lazyFrom(() => import('./features/imports/index.ts'));
// @features-lazy (one line per feature above this line)
// @issue8-lazy (one line per feature above this line)

/** Paths are Swedish (they appear in e-mails and are shared between people). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/logga-in', element: lazyAccount('LoginPage') },
      { path: '/glomt-losenord', element: lazyAccount('ForgotPasswordPage') },
      { path: '/aterstall-losenord', element: lazyAccount('ResetPasswordPage') },
      { path: '/las-upp-konto', element: lazyAccount('UnlockAccountPage') },
      { path: '/inbjudan/:token', element: lazyAccount('AcceptInvitationPage') },
      { path: '/tillganglighet', element: lazyHome('AccessibilityPage') },
      // One page for a typed code and for a link with the code (`/intyg/ABCD-EFGH-JK23`).
      { path: '/intyg/:code?', element: lazyCertificateCheck('CertificateCheckPage') },
      { path: '/evenemang/:id', element: lazyNetworks('EventPage') },
      { path: '/natverk/inbjudan/:token', element: lazyNetworks('NetworkInvitationPage') },
      { path: '/oppna-data', element: lazyOpenData('OpenDataPage') },
      { path: '/aktivera', element: lazyIdentity('ActivatePage') },
      { path: '/logga-in/organisation', element: lazyIdentity('OrganisationLoginPage') },
      { path: '/logga-in/andra-steget', element: lazyIdentity('MfaPage') },
      { path: '/logga-in/sso-fel', element: lazyIdentity('SsoErrorPage') },
      // @issue15-public-routes (public identity pages above this line)
      // @features-public-routes (public pages above this line)
      // @issue8-public-routes (public routes above this line)
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: lazyHome('StartPage') },
          { path: '/organisationer', element: lazyHome('SwedenPage') },
          { path: '/organisationer/:id', element: lazyHome('OrganisationPage') },
          { path: '/organisationer/:id/personer', element: lazyManage('MembersPage') },
          { path: '/organisationer/:id/bjud-in', element: lazyManage('InvitePage') },
          { path: '/organisationer/:id/ny-enhet', element: lazyManage('AddUnitPage') },
          { path: '/organisationer/:id/importera', element: lazyManage('ImportPage') },
          { path: '/kommuner', element: lazyHome('MunicipalitiesPage') },
          { path: '/kommuner/:code', element: lazyHome('MunicipalityByCode') },
          { path: '/kommuner/:code/valfardsteknik', element: lazyMapping('MunicipalityTechnologiesPage') },
          { path: '/valfardsteknik', element: lazyMapping('AdoptionMatrixPage') },
          { path: '/natverk', element: lazyNetworks('NetworksPage') },
          { path: '/natverk/nytt', element: lazyNetworks('NewNetworkPage') },
          { path: '/natverk/:id', element: lazyNetworks('NetworkPage') },
          { path: '/natverk/:id/andra', element: lazyNetworks('EditNetworkPage') },
          { path: '/natverk/:id/moten/:meetingId', element: lazyNetworks('MeetingPage') },
          { path: '/valfardsteknik/karta', element: lazyMapping('AdoptionMapPage') },
          { path: '/valfardsteknik/luckor', element: lazyMapping('AdoptionGapsPage') },
          { path: '/valfardsteknik/katalog', element: lazyMapping('TechnologyCataloguePage') },
          { path: '/styrdokument', element: lazyDocuments('DocumentsPage') },
          { path: '/styrdokument/nytt', element: lazyDocuments('NewDocumentPage') },
          { path: '/styrdokument/:id', element: lazyDocuments('DocumentPage') },
          { path: '/bedomningar', element: lazyAssessments('AssessmentRoundsPage') },
          { path: '/bedomningar/ny', element: lazyAssessments('NewRoundPage') },
          { path: '/bedomningar/mallar', element: lazyTemplates('TemplatesPage') },
          { path: '/bedomningar/mallar/ny', element: lazyTemplates('TemplateEditorPage') },
          { path: '/bedomningar/mallar/:id', element: lazyTemplates('TemplatePage') },
          { path: '/bedomningar/mallar/:id/redigera', element: lazyTemplates('TemplateEditorPage') },
          { path: '/bedomningar/:id', element: lazyAssessments('RoundPage') },
          { path: '/bedomningar/:id/kommuner/:code', element: lazyAssessments('SheetPage') },
          { path: '/bedomningar/:id/resultat', element: lazyResults('RoundResultsPage') },
          {
            path: '/bedomningar/:id/kommuner/:code/resultat',
            element: lazyResults('MunicipalityResultsPage'),
          },
          { path: '/insatser', element: lazyInitiatives('InitiativesPage') },
          { path: '/insatser/ny', element: lazyInitiatives('NewInitiativePage') },
          { path: '/insatser/oversikt', element: lazyPlans('InitiativeTotalsPage') },
          { path: '/insatser/:id', element: lazyInitiatives('InitiativePage') },
          { path: '/handlingsplaner', element: lazyPlans('ActionPlansPage') },
          { path: '/handlingsplaner/ny', element: lazyPlans('NewActionPlanPage') },
          { path: '/handlingsplaner/:id', element: lazyPlans('ActionPlanPage') },
          { path: '/behov', element: lazyPlans('NeedsPage') },
          { path: '/lagesbild', element: lazyDashboards('DashboardHomePage') },
          { path: '/lagesbild/kommuner/:code', element: lazyDashboards('MunicipalityDashboardPage') },
          { path: '/lagesbild/:scope', element: lazyDashboards('ScopeDashboardPage') },
          { path: '/begrepp', element: lazyDefinitions('DefinitionsPage') },
          { path: '/begrepp/:key', element: lazyDefinitions('DefinitionPage') },
          { path: '/rapporter/styrgrupp', element: lazySteeringReports('SteeringReportsPage') },
          { path: '/rapporter/styrgrupp/:id', element: lazySteeringReports('SteeringReportPage') },
          { path: '/kunskapsbank', element: lazyCases('KnowledgeBankPage') },
          { path: '/kunskapsbank/nytt', element: lazyCases('NewCasePage') },
          { path: '/kunskapsbank/granska', element: lazyCases('ReviewQueuePage') },
          { path: '/kunskapsbank/vem-har-gjort/:technologyKey', element: lazyCases('WhoHasDoneThisPage') },
          { path: '/kunskapsbank/:id', element: lazyCases('CasePage') },
          { path: '/kunskapsbank/:id/redigera', element: lazyCases('EditCasePage') },
          { path: '/personer', element: lazyPeopleSearch('PeopleSearchPage') },
          { path: '/personer/:id', element: lazyPeopleSearch('PersonPage') },
          { path: '/mitt-team', element: lazyTeam('TeamPage') },
          { path: '/stod', element: lazySupport('SupportPage') },
          { path: '/stod/ny', element: lazySupport('NewSupportRequestPage') },
          { path: '/stod/forfragningar/:id', element: lazySupport('SupportRequestPage') },
          { path: '/stod/erbjudanden/ny', element: lazySupport('SupportOfferPage') },
          { path: '/stod/erbjudanden/:id', element: lazySupport('SupportOfferPage') },
          { path: '/stod/rapport', element: lazySupport('SupportReportPage') },
          { path: '/kravbibliotek', element: lazyRequirements('RequirementsLibraryPage') },
          { path: '/kravbibliotek/nytt', element: lazyRequirements('NewRequirementPage') },
          { path: '/kravbibliotek/:id', element: lazyRequirements('RequirementPage') },
          { path: '/kravbibliotek/:id/andra', element: lazyRequirements('EditRequirementPage') },
          { path: '/kravspecifikationer', element: lazyRequirements('SpecificationsPage') },
          { path: '/kravspecifikationer/:id', element: lazyRequirements('SpecificationPage') },
          { path: '/leverantorer', element: lazySuppliers('SuppliersPage') },
          { path: '/leverantorer/ny', element: lazySuppliers('NewSupplierPage') },
          { path: '/leverantorer/:id', element: lazySuppliers('SupplierPage') },
          { path: '/leverantorer/:id/andra', element: lazySuppliers('EditSupplierPage') },
          { path: '/kontakter', element: lazyExternalContacts('ExternalContactsPage') },
          { path: '/kontakter/ny', element: lazyExternalContacts('NewExternalContactPage') },
          { path: '/kontakter/:id', element: lazyExternalContacts('ExternalContactPage') },
          { path: '/kontakter/:id/andra', element: lazyExternalContacts('EditExternalContactPage') },
          { path: '/avtalsradar', element: lazyContractRadar('ContractRadarPage') },
          { path: '/upphandlingar', element: lazyProcurements('ProcurementsPage') },
          { path: '/upphandlingar/ny', element: lazyProcurements('NewProcurementPage') },
          { path: '/upphandlingar/:id', element: lazyProcurements('ProcurementPage') },
          { path: '/upphandlingar/:id/delta/:code', element: lazyProcurements('ConfirmParticipationPage') },
          { path: '/avtal', element: lazySupplierContracts('ContractsChooserPage') },
          { path: '/avtal/:id', element: lazySupplierContracts('ContractPage') },
          { path: '/avtal/:id/andra', element: lazySupplierContracts('EditContractPage') },
          { path: '/kommuner/:code/avtal', element: lazySupplierContracts('ContractsPage') },
          { path: '/kommuner/:code/avtal/nytt', element: lazySupplierContracts('NewContractPage') },
          { path: '/stimulansmedel', element: lazyFundingCalls('FundingCallsPage') },
          { path: '/stimulansmedel/ny', element: lazyFundingCalls('NewFundingCallPage') },
          { path: '/stimulansmedel/:id', element: lazyFundingCalls('FundingCallPage') },
          { path: '/kommuner/:code/avtal/importera', element: lazyImports('ContractImportPage') },
          // @features-routes (signed-in routes above this line)
          // @issue8-routes (signed-in routes above this line)
          { path: '/admin/logg', element: lazyManage('AuditLogPage') },
          { path: '/admin/utkorg', element: lazyManage('OutboxPage') },
          { path: '/mitt-konto', element: lazyAccount('AccountPage') },
          { path: '/organisationer/:id/aktiveringskoder', element: lazyIdentity('ActivationCodesPage') },
          { path: '/organisationer/:id/inloggning', element: lazyIdentity('IdentityPage') },
          { path: '/organisationer/:id/inloggning/ny', element: lazyIdentity('IdentityProviderPage') },
          { path: '/organisationer/:id/inloggning/:idpId', element: lazyIdentity('IdentityProviderPage') },
          { path: '/mitt-konto/sakerhet', element: lazyIdentity('SecurityPage') },
          { path: '/organisationer/:id/inloggning/regler', element: lazyIdentity('SignInRulesPage') },
          { path: '/organisationer/:id/scim', element: lazyIdentity('ScimTokensPage') },
          { path: '/organisationer/:id/api-klienter', element: lazyIdentity('ApiClientsPage') },
          // @issue15-routes (signed-in identity pages above this line)
          { path: '/utbildning', element: lazyLearning('MyLearningPage') },
          { path: '/utbildning/kurser/:id', element: lazyLearning('CoursePage') },
          {
            path: '/utbildning/kurser/:id/moduler/:moduleKey/lektioner/:lessonKey',
            element: lazyLearning('LessonPage'),
          },
          { path: '/utbildning/kurser/:id/moduler/:moduleKey/quiz', element: lazyLearning('QuizPage') },
          { path: '/utbildning/kurser/:id/moduler/:moduleKey/spela', element: lazyLearning('PlayerPage') },
          { path: '/utbildning/kurser/:id/intyg', element: lazyLearning('MyCertificatePage') },
          { path: '/utbildning/kurser/:id/aterkoppling', element: lazyProgrammes('CourseFeedbackPage') },
          { path: '/forfatta', element: lazyAuthoring('AuthoringListPage') },
          { path: '/forfatta/kurser/:id', element: lazyAuthoring('CourseEditorPage') },
          { path: '/program', element: lazyProgrammes('ProgrammesPage') },
          { path: '/program/nytt', element: lazyProgrammes('NewProgrammePage') },
          { path: '/program/:id', element: lazyProgrammes('ProgrammePage') },
          { path: '/program/:id/rapport', element: lazyProgrammes('ReportPage') },
          { path: '/studiegrupper', element: lazyProgrammes('StudyGroupsPage') },
          { path: '/studiegrupper/:id', element: lazyProgrammes('StudyGroupPage') },
          // The old team report is the team page of one unit now: old links and bookmarks land there.
          { path: '/enheter/:unitId/utbildning', element: lazyTeam('OldTeamReportRedirect') },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
