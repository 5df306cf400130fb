/** The public certificate check, its own small chunk (a visitor loads none of the learner's pages). */
export { CertificateCheckPage } from './CertificateCheckPage.tsx';
