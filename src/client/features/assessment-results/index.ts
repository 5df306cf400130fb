import './assessment-results.css';

export { InitiativePage } from './InitiativePage.tsx';
export { MunicipalityResultsPage } from './MunicipalityResultsPage.tsx';
export { RoundResultsPage } from './RoundResultsPage.tsx';
