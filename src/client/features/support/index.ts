import './support.css';

export { NewSupportRequestPage } from './NewSupportRequestPage.tsx';
export { SupportOfferPage } from './SupportOfferPage.tsx';
export { SupportPage } from './SupportPage.tsx';
export { SupportReportPage } from './SupportReportPage.tsx';
export { SupportRequestPage } from './SupportRequestPage.tsx';
