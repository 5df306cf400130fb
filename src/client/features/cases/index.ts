import './cases.css';

export { CasePage } from './CasePage.tsx';
export { EditCasePage } from './EditCasePage.tsx';
export { KnowledgeBankPage } from './KnowledgeBankPage.tsx';
export { NewCasePage } from './NewCasePage.tsx';
export { ReviewQueuePage } from './ReviewQueuePage.tsx';
export { WhoHasDoneThisPage } from './WhoHasDoneThisPage.tsx';
