import { Problem } from '../../shared/contracts/common.ts';

/** The problem responses a route can give, for its OpenAPI description. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Problem.describe('RFC 9457 problem details')])) as Record<
    number,
    typeof Problem
  >;
}
