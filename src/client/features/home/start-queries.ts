import { useQuery } from '@tanstack/react-query';
import { StartView } from '../../../shared/contracts/start.ts';
import { api } from '../../lib/api.ts';

export const startKey = ['me', 'start'] as const;

/** The start page's to-do items, figures and news: one request. */
export function useStart() {
  return useQuery({
    queryKey: startKey,
    queryFn: () => api.get('/me/start', StartView),
    staleTime: 60_000,
  });
}

/** Today's date in Sweden, `YYYY-MM-DD` (dates from the server are Swedish dates). */
export const swedishToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** Whole days from today (in Sweden) to `date` (`YYYY-MM-DD`); negative when it has passed. */
export function daysUntil(date: string, today = swedishToday()): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
