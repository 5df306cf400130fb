import './assessment-results.css';

export { MunicipalityResultsPage } from './MunicipalityResultsPage.tsx';
export { RoundResultsPage } from './RoundResultsPage.tsx';
