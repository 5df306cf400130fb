import './documents.css';

export { DocumentPage } from './DocumentPage.tsx';
export { DocumentsPage } from './DocumentsPage.tsx';
export { NewDocumentPage } from './NewDocumentPage.tsx';
