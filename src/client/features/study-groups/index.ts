export { StudyGroupPage } from './StudyGroupPage.tsx';
export { StudyGroupsPage } from './StudyGroupsPage.tsx';
