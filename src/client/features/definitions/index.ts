import './definitions.css';

export { DefinitionPage } from './DefinitionPage.tsx';
export { DefinitionsPage } from './DefinitionsPage.tsx';
