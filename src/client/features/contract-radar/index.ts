// The expiry radar of contracts (issue 17): one chunk, loaded on demand.
import './contract-radar.css';

export { ContractRadarPage } from './ContractRadarPage.tsx';
