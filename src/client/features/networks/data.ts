import { locale } from '../../lib/format.ts';

export const networksKey = ['networks'] as const;
export const networkKey = (id: string) => ['network', id] as const;
export const membersKey = (id: string) => ['network', id, 'members'] as const;
export const meetingsKey = (id: string) => ['network', id, 'meetings'] as const;
export const meetingKey = (id: string, meetingId: string) => ['network', id, 'meetings', meetingId] as const;

export function formatWhen(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(locale(lang), { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDay(iso: string, lang: string): string {
  return new Date(iso).toLocaleDateString(locale(lang), { dateStyle: 'long' });
}

/** A `datetime-local` value (local time, no zone) as an ISO timestamp, or undefined when empty. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export const WEB_URL_RE = /^https?:\/\/\S+$/;
