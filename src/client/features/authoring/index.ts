export { AuthoringListPage } from './AuthoringListPage.tsx';
export { CourseEditorPage } from './CourseEditorPage.tsx';
