// The start page, organisations and municipalities, the accessibility statement: one chunk, loaded on
// demand, so that a lesson opened on a phone loads none of them.
export { StartPage } from './home/StartPage.tsx';
export { MunicipalitiesPage, MunicipalityByCode } from './organisations/MunicipalitiesPage.tsx';
export { OrganisationPage } from './organisations/OrganisationPage.tsx';
export { SwedenPage } from './organisations/SwedenPage.tsx';
export { AccessibilityPage } from './static/AccessibilityPage.tsx';
