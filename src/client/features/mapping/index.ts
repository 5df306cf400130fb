import './mapping.css';

export { AdoptionMatrixPage } from './AdoptionMatrixPage.tsx';
export { MunicipalityTechnologiesPage } from './MunicipalityTechnologiesPage.tsx';
