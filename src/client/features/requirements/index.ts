import './requirements.css';

export { EditRequirementPage } from './EditRequirementPage.tsx';
export { NewRequirementPage } from './NewRequirementPage.tsx';
export { RequirementPage } from './RequirementPage.tsx';
export { RequirementsLibraryPage } from './RequirementsLibraryPage.tsx';
export { SpecificationPage } from './SpecificationPage.tsx';
export { SpecificationsPage } from './SpecificationsPage.tsx';
