import type { AllocationStatus, RiskReason } from '../../../shared/contracts/funding-calls.ts';

export interface AllocationFigures {
  allocatedSek: number;
  requisitionedSek: number;
  usedSek: number;
  reported: boolean;
}

export interface Deadlines {
  requisitionDeadline: string;
  reportingDeadline: string;
}

/**
 * Where an allocation stands on `today` (a Swedish calendar date, YYYY-MM-DD) and why it is at risk.
 * A deadline has passed the day after it (the deadline day itself still counts as in time).
 * - requisition_missed: past the requisition deadline with an allocation and nothing requisitioned —
 *   the money lapses (nothing to pay back, but the municipality loses it);
 * - report_missed: past the reporting deadline, money requisitioned and no report — the grantor may
 *   reclaim all of it;
 * - underspent: reported (or past the reporting deadline) with less used on linked initiatives than
 *   requisitioned — the grantor may reclaim the difference.
 */
export function assessAllocation(
  a: AllocationFigures,
  call: Deadlines,
  today: string,
): { status: AllocationStatus; riskReasons: RiskReason[]; repaymentRiskSek: number } {
  const status: AllocationStatus = a.reported
    ? 'reported'
    : a.requisitionedSek > 0
      ? 'requisitioned'
      : 'not_requisitioned';
  const requisitionPassed = today > call.requisitionDeadline;
  const reportingPassed = today > call.reportingDeadline;
  const reasons: RiskReason[] = [];
  let repayment = 0;
  if (requisitionPassed && a.requisitionedSek === 0 && a.allocatedSek > 0) reasons.push('requisition_missed');
  if (reportingPassed && a.requisitionedSek > 0 && !a.reported) {
    reasons.push('report_missed');
    repayment = a.requisitionedSek;
  }
  if ((a.reported || reportingPassed) && a.usedSek < a.requisitionedSek) {
    reasons.push('underspent');
    repayment = Math.max(repayment, a.requisitionedSek - a.usedSek);
  }
  return { status, riskReasons: reasons, repaymentRiskSek: repayment };
}

/** Today's date in Sweden, the calendar the deadlines are written in. */
export function swedishToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}
