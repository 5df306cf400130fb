/** Heat-map bands: the text value is always in the cell; colour only adds a quick overview. */
export function scoreBand(score: number | null | undefined): string {
  if (typeof score !== 'number') return 'none';
  if (score < 25) return 'b0';
  if (score < 50) return 'b1';
  if (score < 75) return 'b2';
  return 'b3';
}

export const fmtScore = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '–');

export const fmtDecimal = (n: number | null | undefined, lang: string) =>
  typeof n === 'number'
    ? n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 })
    : '–';
