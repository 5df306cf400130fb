/** The learner's pages, loaded on demand (one chunk) by the router. */
export { MyCertificatePage } from './CertificatePages.tsx';
export { CoursePage } from './CoursePage.tsx';
export { LessonPage } from './LessonPage.tsx';
export { MyLearningPage } from './MyLearningPage.tsx';
export { QuizPage } from './QuizPage.tsx';
