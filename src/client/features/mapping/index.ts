import './mapping.css';

export { AdoptionGapsPage } from './AdoptionGapsPage.tsx';
export { AdoptionMapPage } from './AdoptionMapPage.tsx';
export { AdoptionMatrixPage } from './AdoptionMatrixPage.tsx';
export { MunicipalityTechnologiesPage } from './MunicipalityTechnologiesPage.tsx';
export { TechnologyCataloguePage } from './TechnologyCataloguePage.tsx';
