import './assessment-templates.css';

export { TemplateEditorPage } from './TemplateEditorPage.tsx';
export { TemplatePage } from './TemplatePage.tsx';
export { TemplatesPage } from './TemplatesPage.tsx';
