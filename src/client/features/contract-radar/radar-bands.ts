import type { DecisionBand } from '../../../shared/contracts/contract-radar.ts';

/**
 * The colour of how soon a decision falls, from red (passed) through orange and yellow to green
 * (later), white without contracts. Colour is never the only carrier: the legend names each band and
 * the table beside the map and the rows of the timeline say the dates in words.
 */
export const bandFill: Record<DecisionBand, string> = {
  passed: '#c9302c',
  within3: '#ef8a3c',
  within6: '#f2cf7e',
  within12: '#b9d98f',
  later: '#5fa36f',
  none: '#ffffff',
};
