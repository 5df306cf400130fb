// Sign-in with the organisation's identity, SCIM, API clients, passkeys and activation codes (issue 15):
// one chunk, loaded on demand. One export line per page.
export { ActivationCodesPage } from './ActivationCodesPage.tsx';
export { ActivatePage } from '../auth/ActivatePage.tsx';
export { IdentityPage } from './IdentityPage.tsx';
export { IdentityProviderPage } from './IdentityProviderPage.tsx';
export { OrganisationLoginPage } from './OrganisationLoginPage.tsx';
export { SecurityPage } from '../account/SecurityPage.tsx';
export { MfaPage } from '../auth/MfaPage.tsx';
export { SignInRulesPage } from './SignInRulesPage.tsx';
export { SsoErrorPage } from '../auth/SsoErrorPage.tsx';
export { ScimTokensPage } from './ScimTokensPage.tsx';
export { ApiClientsPage } from './ApiClientsPage.tsx';
// @issue15-pages (one export per page above this line)
export {};
