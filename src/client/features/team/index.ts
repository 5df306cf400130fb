export { OldTeamReportRedirect } from './OldTeamReportRedirect.tsx';
export { TeamPage } from './TeamPage.tsx';
