import { useQuery } from '@tanstack/react-query';
import { ProgrammeView } from '../../../shared/contracts/programmes.ts';
import { api } from '../../lib/api.ts';

export const programmeKey = (id: string) => ['programme', id] as const;

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKey(id),
    queryFn: () => api.get(`/programmes/${encodeURIComponent(id)}`, ProgrammeView),
    enabled: id !== '',
  });
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'sv-SE');
}

export { formatNumber, formatPercent, formatSek } from '../../lib/format.ts';
