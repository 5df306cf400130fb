// Signing in and the account's own pages: one chunk, loaded on demand (not on a lesson's path).
export { AccountPage } from './account/AccountPage.tsx';
export { AcceptInvitationPage } from './auth/AcceptInvitationPage.tsx';
export { ForgotPasswordPage } from './auth/ForgotPasswordPage.tsx';
export { LoginPage } from './auth/LoginPage.tsx';
export { ResetPasswordPage } from './auth/ResetPasswordPage.tsx';
export { UnlockAccountPage } from './auth/UnlockAccountPage.tsx';
