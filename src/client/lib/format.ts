/** Formatting of numbers, money and dates in the UI language: one place, so every page reads alike. */

export const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'sv-SE');

/** A number with the language's grouping ("1 234,5"), up to `digits` decimals. */
export const formatNumber = (n: number, lang: string, digits = 1) =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);

export const formatPercent = (rate: number, lang: string) =>
  new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(rate);

/** Whole kronor, e.g. "1 050 000 kr"; a dash when there is no amount. */
export const formatSek = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined
    ? '–'
    : new Intl.NumberFormat(locale(lang), {
        style: 'currency',
        currency: 'SEK',
        maximumFractionDigits: 0,
      }).format(n);

/** A number typed the Swedish way ("1 234,5") or the English way; NaN when it is not one. */
export function parseNumber(text: string): number {
  const s = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return s === '' ? Number.NaN : Number(s);
}

/** A short date such as "1 feb 2026" (no abbreviation dot), for lists and timelines. */
export function formatShortDate(iso: string, lang: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(d)
    .replace('.', '');
}

/** Today's date in Sweden, YYYY-MM-DD: the date the server checks "not in the future" against. */
export function swedishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
