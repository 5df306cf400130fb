import { describe, expect, it } from 'vitest';
import { assessAllocation } from './funding-risk.ts';

const call = { requisitionDeadline: '2026-03-31', reportingDeadline: '2027-03-31' };
const a = (requisitionedSek: number, usedSek: number, reported: boolean) => ({
  allocatedSek: 100_000,
  requisitionedSek,
  usedSek,
  reported,
});

describe('assessAllocation', () => {
  it('counts the deadline day as in time', () => {
    expect(assessAllocation(a(0, 0, false), call, '2026-03-31').riskReasons).toEqual([]);
    expect(assessAllocation(a(0, 0, false), call, '2026-04-01')).toEqual({
      status: 'not_requisitioned',
      riskReasons: ['requisition_missed'],
      repaymentRiskSek: 0,
    });
  });

  it('puts all requisitioned money at risk when the report is missing after its deadline', () => {
    expect(assessAllocation(a(80_000, 80_000, false), call, '2027-04-01')).toEqual({
      status: 'requisitioned',
      riskReasons: ['report_missed'],
      repaymentRiskSek: 80_000,
    });
  });

  it('puts the unused rest at risk once reported, or past the reporting deadline', () => {
    expect(assessAllocation(a(80_000, 50_000, true), call, '2026-06-01')).toEqual({
      status: 'reported',
      riskReasons: ['underspent'],
      repaymentRiskSek: 30_000,
    });
    expect(assessAllocation(a(80_000, 50_000, false), call, '2026-06-01').riskReasons).toEqual([]);
    expect(assessAllocation(a(80_000, 90_000, true), call, '2027-06-01').riskReasons).toEqual([]);
  });
});
