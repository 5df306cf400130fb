// A municipality's contract register (issue 17): one chunk, loaded on demand.
import './supplier-contracts.css';

export { EditContractPage, NewContractPage } from './ContractForm.tsx';
export { ContractPage } from './ContractPage.tsx';
export { ContractsChooserPage } from './ContractsChooserPage.tsx';
export { ContractsPage } from './ContractsPage.tsx';
