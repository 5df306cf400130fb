import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from './components/Feedback.tsx';
import { Layout, RequireAuth } from './components/Layout.tsx';
import { AccountPage } from './features/account/AccountPage.tsx';
import { AuditLogPage } from './features/admin/AuditPage.tsx';
import { OutboxPage } from './features/admin/OutboxPage.tsx';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage.tsx';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { StartPage } from './features/home/StartPage.tsx';
import { AddUnitPage } from './features/organisations/AddUnitPage.tsx';
import { MunicipalitiesPage, MunicipalityByCode } from './features/organisations/MunicipalitiesPage.tsx';
import { OrganisationPage } from './features/organisations/OrganisationPage.tsx';
import { SwedenPage } from './features/organisations/SwedenPage.tsx';
import { ImportPage } from './features/people/ImportPage.tsx';
import { InvitePage } from './features/people/InvitePage.tsx';
import { MembersPage } from './features/people/MembersPage.tsx';
import { AccessibilityPage } from './features/static/AccessibilityPage.tsx';
import { NotFoundPage } from './features/static/NotFoundPage.tsx';
// Read before the router starts: the entry the app was loaded on (focus handling of learning pages).
import './features/learning/landing.ts';

// The learner's pages load on demand (one chunk, with the Markdown renderer), keeping the first load small.
const learning = () => import('./features/learning/index.ts');
const lazyLearning = (name: keyof Awaited<ReturnType<typeof learning>>) => {
  const Page = lazy(() => learning().then((m) => ({ default: m[name] })));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
};

// Programmes, reports and study groups: one chunk, loaded on demand.
const programmes = () => import('./features/programmes/index.ts');
const lazyProgrammes = (name: keyof Awaited<ReturnType<typeof programmes>>) => {
  const Page = lazy(() => programmes().then((m) => ({ default: m[name] })));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
};

// Course authoring: one chunk, loaded on demand (only authors open it).
const authoring = () => import('./features/authoring/index.ts');
const lazyAuthoring = (name: keyof Awaited<ReturnType<typeof authoring>>) => {
  const Page = lazy(() => authoring().then((m) => ({ default: m[name] })));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
};

/** Paths are Swedish (they appear in e-mails and are shared between people). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/logga-in', element: <LoginPage /> },
      { path: '/glomt-losenord', element: <ForgotPasswordPage /> },
      { path: '/aterstall-losenord', element: <ResetPasswordPage /> },
      { path: '/inbjudan/:token', element: <AcceptInvitationPage /> },
      { path: '/tillganglighet', element: <AccessibilityPage /> },
      { path: '/intyg/:code', element: lazyLearning('VerifyCertificatePage') },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <StartPage /> },
          { path: '/organisationer', element: <SwedenPage /> },
          { path: '/organisationer/:id', element: <OrganisationPage /> },
          { path: '/organisationer/:id/personer', element: <MembersPage /> },
          { path: '/organisationer/:id/bjud-in', element: <InvitePage /> },
          { path: '/organisationer/:id/ny-enhet', element: <AddUnitPage /> },
          { path: '/organisationer/:id/importera', element: <ImportPage /> },
          { path: '/kommuner', element: <MunicipalitiesPage /> },
          { path: '/kommuner/:code', element: <MunicipalityByCode /> },
          { path: '/admin/logg', element: <AuditLogPage /> },
          { path: '/admin/utkorg', element: <OutboxPage /> },
          { path: '/mitt-konto', element: <AccountPage /> },
          { path: '/utbildning', element: lazyLearning('MyLearningPage') },
          { path: '/utbildning/kurser/:id', element: lazyLearning('CoursePage') },
          {
            path: '/utbildning/kurser/:id/moduler/:moduleKey/lektioner/:lessonKey',
            element: lazyLearning('LessonPage'),
          },
          { path: '/utbildning/kurser/:id/moduler/:moduleKey/quiz', element: lazyLearning('QuizPage') },
          { path: '/utbildning/kurser/:id/intyg', element: lazyLearning('MyCertificatePage') },
          { path: '/utbildning/kurser/:id/aterkoppling', element: lazyProgrammes('CourseFeedbackPage') },
          { path: '/forfatta', element: lazyAuthoring('AuthoringListPage') },
          { path: '/forfatta/kurser/:id', element: lazyAuthoring('CourseEditorPage') },
          { path: '/program', element: lazyProgrammes('ProgrammesPage') },
          { path: '/program/:id', element: lazyProgrammes('ProgrammePage') },
          { path: '/program/:id/rapport', element: lazyProgrammes('ReportPage') },
          { path: '/studiegrupper', element: lazyProgrammes('StudyGroupsPage') },
          { path: '/studiegrupper/:id', element: lazyProgrammes('StudyGroupPage') },
          { path: '/enheter/:unitId/utbildning', element: lazyProgrammes('TeamReportPage') },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
