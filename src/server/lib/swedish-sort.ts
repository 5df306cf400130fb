/** PGlite has no Swedish collation, so names are sorted here (Å, Ä, Ö after Z). */
export const swedishCollator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export function sortBySwedishName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => swedishCollator.compare(a.name, b.name));
}
