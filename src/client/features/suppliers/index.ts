// The national register of suppliers and products (issue 17): one chunk, loaded on demand.
import './suppliers.css';

export { EditSupplierPage, NewSupplierPage } from './SupplierForm.tsx';
export { SupplierPage } from './SupplierPage.tsx';
export { SuppliersPage } from './SuppliersPage.tsx';
