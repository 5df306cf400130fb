import { useQuery } from '@tanstack/react-query';
import { DocumentItems, DocumentOwners } from '../../../shared/contracts/documents.ts';
import { api } from '../../lib/api.ts';

/** Organisations the user may add documents for; empty for everyone else. */
export function useDocumentOwners() {
  return useQuery({
    queryKey: ['document-owners'],
    queryFn: () => api.get('/documents/owners', DocumentOwners),
    staleTime: 60_000,
  });
}

/** The user's own organisations' documents past their review date. */
export function useReviewReminders() {
  return useQuery({
    queryKey: ['documents', 'reminders'],
    queryFn: () => api.get('/documents/reminders', DocumentItems),
  });
}

/** "1,2 MB" / "85 kB" in the UI's language. */
export function formatSize(bytes: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'sv-SE';
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} kB`;
}
