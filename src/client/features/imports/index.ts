// The contract list import (issue 17): one chunk, loaded on demand. The staff import page lives with people.
export { ContractImportPage } from './ContractImportPage.tsx';
