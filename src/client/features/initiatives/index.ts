import './initiatives.css';

export { InitiativePage } from './InitiativePage.tsx';
export { InitiativesPage } from './InitiativesPage.tsx';
export { NewInitiativePage } from './NewInitiativePage.tsx';
