import { Navigate, useParams } from 'react-router';

/** `/enheter/:unitId/utbildning` (the team report reached through study groups) is the unit's team page. */
export function OldTeamReportRedirect() {
  const { unitId = '' } = useParams();
  return <Navigate replace to={`/mitt-team?enhet=${encodeURIComponent(unitId)}`} />;
}
