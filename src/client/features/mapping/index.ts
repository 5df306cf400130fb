export { MunicipalityTechnologiesPage } from './MunicipalityTechnologiesPage.tsx';
