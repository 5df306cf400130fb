// People search and the person page (issue 16): one chunk, loaded on demand.
import './people-search.css';

export { PeopleSearchPage } from './PeopleSearchPage.tsx';
export { PersonPage } from './PersonPage.tsx';
