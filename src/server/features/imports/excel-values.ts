/**
 * Cell values as Excel with Swedish settings writes them into a CSV: dates in its default short format
 * (2025-03-01, or 2025-03-01 00:00 from a date-time cell), numbers with a space or non-breaking space
 * between thousands and a decimal comma ("1 250 000", "1250000,00", "1 250 000 kr"). Files from other
 * sources bring d.m.yyyy dates and "1,250,000.00"; both are read too. Each parser returns null for a
 * value it cannot read, so that the row can say which column is wrong.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date as yyyy-mm-dd, or null. Accepts 2025-03-01, 2025-3-1, 2025-03-01 00:00(:00), 20250301, 1.3.2025. */
export function parseExcelDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // Day first, as in Finland, Norway and Denmark (and "1/3/2025" in British English); Swedish never
  // puts the month first, so 1.3.2025 is the first of March.
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?: \d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** One or more dates in a cell, separated by commas, semicolons, "och"/"and", or line breaks. */
export function parseExcelDates(text: string): (string | null)[] {
  return text
    .split(/[,;|\n]|\s+(?:och|and|samt)\s+|\s{2,}|\s(?=\d{4}-)/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map(parseExcelDate);
}

/** Spaces Excel and people put between thousands: space, no-break, narrow no-break and thin spaces. */
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;

/**
 * A number as Swedish Excel writes it, or null: "1 250 000", "1 250 000,50", "1250000,00", "-3",
 * "1.250.000", "1,250,000.00", "1250000.5", with an optional currency ("kr", "SEK", ":-").
 */
export function parseExcelNumber(text: string): number | null {
  let s = text
    .trim()
    .replace(/^(?:sek|kr)\.?\s*/i, '')
    .replace(/\s*(?:kr\.?|sek|:-)$/i, '')
    .replace(/\u2212/g, '-')
    .replace(GROUPING_SPACES, '');
  if (s === '') return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  let normalised: string | null = null;
  if (/^\d+(?:,\d+)?$/.test(s)) normalised = s.replace(',', '.');
  else if (/^\d+\.\d{1,2}$/.test(s)) normalised = s;
  else if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) normalised = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) normalised = s.replace(/,/g, '');
  if (normalised === null) return null;
  const n = Number(normalised);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/** Whole months, as a notice period is written: "3", "3 mån", "3 månader", "3,0". */
export function parseMonths(text: string): number | null {
  const s = text
    .trim()
    .replace(/\s*(?:månader|månad|mån\.?|months?|mo\.?)$/i, '')
    .trim();
  const n = parseExcelNumber(s);
  return n !== null && Number.isInteger(n) ? n : null;
}

/** A term in months: years by default ("2", "1,5"), or months when said ("6 mån"). */
function termMonths(token: string): number | null {
  const t = token.trim().toLowerCase();
  const months = /^(.*?)\s*(?:månader|månad|mån\.?|m)$/.exec(t);
  if (months) {
    const n = parseExcelNumber(months[1]!);
    return n !== null && Number.isInteger(n) && n > 0 ? n : null;
  }
  const years = parseExcelNumber(t.replace(/\s*(?:år|years?|y)$/, ''));
  if (years === null || years <= 0) return null;
  const m = Math.round(years * 12);
  return Math.abs(m - years * 12) < 1e-9 ? m : null;
}

/** Whole months between two ISO dates, rounded to the nearest month (a term ends the day before). */
function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return Math.round((y2 - y1) * 12 + (m2 - m1) + (d2 + 1 - d1) / 30);
}

export type ExtensionTerms = { optionMonths: number[] } | { error: 'invalid_extensions' };

/**
 * The extension options of "2+1+1" (years; "6 mån" for months). Written as a contract's whole term
 * ("2+1+1" for a two-year contract), the first number is the term itself when it matches the start and
 * end dates, and the rest are the options; "+1+1", "1+1" for a one-year contract and a lone "1" are
 * options only. "0", "nej", "ingen" and "-" mean none.
 */
export function parseExtensions(
  text: string,
  startsOn: string | null,
  endsOn: string | null,
): ExtensionTerms {
  const s = text.trim().toLowerCase();
  if (s === '' || /^(?:0|-|–|nej|ingen|inga|none|no)$/.test(s)) return { optionMonths: [] };
  const optionsOnly = s.startsWith('+');
  const tokens = s.replace(/^\+/, '').split('+');
  const months = tokens.map(termMonths);
  if (months.some((m) => m === null)) return { error: 'invalid_extensions' };
  const list = months as number[];
  if (!optionsOnly && list.length > 1 && startsOn && endsOn) {
    const term = monthsBetween(startsOn, endsOn);
    if (Math.abs(term - list[0]!) <= 1) return { optionMonths: list.slice(1) };
  }
  return { optionMonths: list };
}
