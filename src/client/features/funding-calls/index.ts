// Stimulus funds (issue 17): calls, allocations, requisitions and reports; one chunk, loaded on demand.
import './funding-calls.css';

export { FundingCallPage } from './FundingCallPage.tsx';
export { FundingCallsPage } from './FundingCallsPage.tsx';
export { NewFundingCallPage } from './NewFundingCallPage.tsx';
