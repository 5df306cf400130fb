// Sign-in with the organisation's identity, SCIM, API clients, passkeys and activation codes (issue 15):
// one chunk, loaded on demand. One export line per page.

export { SecurityPage } from '../account/SecurityPage.tsx';
export { ActivatePage } from '../auth/ActivatePage.tsx';
export { MfaPage } from '../auth/MfaPage.tsx';
export { SsoErrorPage } from '../auth/SsoErrorPage.tsx';
export { ActivationCodesPage } from './ActivationCodesPage.tsx';
export { ApiClientsPage } from './ApiClientsPage.tsx';
export { IdentityPage } from './IdentityPage.tsx';
export { IdentityProviderPage } from './IdentityProviderPage.tsx';
export { OrganisationLoginPage } from './OrganisationLoginPage.tsx';
export { ScimTokensPage } from './ScimTokensPage.tsx';
export { SignInRulesPage } from './SignInRulesPage.tsx';
