import './open-data.css';

export { OpenDataPage } from './OpenDataPage.tsx';
