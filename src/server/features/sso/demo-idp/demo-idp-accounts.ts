import { DEMO_PASSWORD } from '../../../db/demo/demo-people.ts';

/** The demo municipality whose IdP this is (SCB code) and the e-mail domain its staff have. */
export const DEMO_IDP_MUNICIPALITY_CODE = '2081';
export const DEMO_IDP_DOMAIN = 'borlange.demo.valfardsnavet.se';
export const DEMO_IDP_CLIENT_ID = 'valfardsnavet-demo';
export const DEMO_IDP_NAME = 'Borlänge kommun (demo-inloggning)';
/** The IdP's group whose members Välfärdsnavet makes unit managers (the IdP row's role rule). */
export const DEMO_IDP_MANAGER_GROUP = 'Enhetschefer';
/** The demo IdP's own password for its accounts: the demo password everyone already has. */
export const DEMO_IDP_PASSWORD = DEMO_PASSWORD;

export interface DemoIdpAccount {
  /** The OIDC `sub`: stable, as a real IdP's object id would be. */
  sub: string;
  username: string;
  title: string;
  claims: Record<string, unknown>;
}

/** Two invented Borlänge employees; `department` names an existing demo unit in Borlänge. */
export const demoIdpAccounts: DemoIdpAccount[] = [
  {
    sub: 'borlange-demo-0001',
    username: 'amira.haddad',
    title: 'undersköterska i hemtjänsten',
    claims: {
      name: 'Amira Haddad',
      given_name: 'Amira',
      family_name: 'Haddad',
      email: `amira.haddad@${DEMO_IDP_DOMAIN}`,
      email_verified: true,
      department: 'Hemtjänsten Tjärna Ängar',
      employee_number: 'B-10231',
      groups: ['Hemtjänst'],
    },
  },
  {
    sub: 'borlange-demo-0002',
    username: 'johan.ekstrom',
    title: 'enhetschef på vård- och omsorgsboende',
    claims: {
      name: 'Johan Ekström',
      given_name: 'Johan',
      family_name: 'Ekström',
      email: `johan.ekstrom@${DEMO_IDP_DOMAIN}`,
      email_verified: true,
      department: 'Kvarnsvedens vård- och omsorgsboende',
      employee_number: 'B-20417',
      groups: [DEMO_IDP_MANAGER_GROUP],
    },
  },
];

/** By username, e-mail address or `sub` (the provider's account id). */
export function findDemoIdpAccount(usernameOrEmail: string): DemoIdpAccount | undefined {
  const key = usernameOrEmail.trim().toLowerCase();
  return demoIdpAccounts.find((a) => a.username === key || a.claims.email === key || a.sub === key);
}
