import type { SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { BenefitsSummaryView } from './BenefitsSummaryView.tsx';
import { useBenefitsSummary, useFundingTotals } from './data.ts';
import { FundingTables } from './FundingTables.tsx';

/** Funding totals and the benefits summary of a plan, region, association or the country. */
export function ScopeSummaries({
  scope,
  headingLevel = 3,
  byMunicipality = false,
}: {
  scope: SummaryScopeQuery;
  headingLevel?: 2 | 3;
  byMunicipality?: boolean;
}) {
  const funding = useFundingTotals(scope);
  const benefits = useBenefitsSummary(scope);
  return (
    <>
      {funding.isPending ? (
        <Loading />
      ) : funding.isError ? (
        <ErrorAlert error={funding.error} onRetry={() => void funding.refetch()} />
      ) : (
        <FundingTables totals={funding.data} headingLevel={headingLevel} byMunicipality={byMunicipality} />
      )}
      {benefits.isPending ? (
        <Loading />
      ) : benefits.isError ? (
        <ErrorAlert error={benefits.error} onRetry={() => void benefits.refetch()} />
      ) : (
        <BenefitsSummaryView summary={benefits.data} headingLevel={headingLevel} />
      )}
    </>
  );
}
