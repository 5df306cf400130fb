import './assessments.css';

export { AssessmentRoundsPage } from './AssessmentRoundsPage.tsx';
export { NewRoundPage } from './NewRoundPage.tsx';
export { RoundPage } from './RoundPage.tsx';
export { SheetPage } from './SheetPage.tsx';
