/**
 * The roles of a membership, as a plain value: the access rules also run in the browser's main bundle,
 * which loads without the contracts' zod schemas (docs/performance.md, "Lesson load"). The Role schema
 * in contracts/people.ts is built from this list.
 */
export const roles = [
  'staff',
  'manager',
  'municipal_coordinator',
  'regional_coordinator',
  'national_admin',
] as const;
