import './programmes.css';

export { StudyGroupPage, StudyGroupsPage } from '../study-groups/index.ts';
export { CourseFeedbackPage } from './CourseFeedbackPage.tsx';
export { NewProgrammePage } from './NewProgrammePage.tsx';
export { ProgrammePage } from './ProgrammePage.tsx';
export { ProgrammesPage } from './ProgrammesPage.tsx';
export { ReportPage } from './ReportPage.tsx';
