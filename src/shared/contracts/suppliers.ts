import { z } from 'zod';
import { PageQuery, ParamText, page, Uuid, WebUrl } from './common.ts';
import { Email, PersonName } from './people.ts';

/**
 * The national register of suppliers and their products (issue 17). One register for the country:
 * national administrators and regional coordinators maintain it, every signed-in person reads it.
 */

/**
 * Whether a Swedish organisation number (ten digits, `NNNNNN-NNNN`) ends in its check digit: the Luhn
 * sum over all ten digits, weights 2,1,2,1,… from the left, is a multiple of ten.
 */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that completes nine digits (for generated demo and bench data). */
export function withCheckDigit(nine: string): string {
  for (let c = 0; c <= 9; c++)
    if (hasValidCheckDigit(`${nine}${c}`)) return `${nine.slice(0, 6)}-${nine.slice(6)}${c}`;
  throw new Error(`no check digit for ${nine}`);
}

/**
 * An organisation number as people write it ("556123-4567", "5561234567", "556123 4567"), stored and
 * shown as `NNNNNN-NNNN`. The wrong length is `invalid_org_number`, a wrong last digit `org_number_check_digit`.
 */
export const OrgNumber = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{10}$/, 'invalid_org_number')
      .refine(hasValidCheckDigit, 'org_number_check_digit')
      .transform((d) => `${d.slice(0, 6)}-${d.slice(6)}`),
  );

/** The standards a product may declare it meets: a fixed list, so that lists can be filtered by them. */
export const productStandards = [
  'ss_91000',
  'en_301_549',
  'en_50134',
  'iso_27001',
  'hl7_fhir',
  'tis_digital_alarm',
] as const;
export const ProductStandard = z.enum(productStandards);
export type ProductStandard = z.infer<typeof ProductStandard>;

const TechnologyKey = z.string().regex(/^[a-z0-9-]{1,80}$/, 'unknown_technology');
const technologyKeys = z.array(TechnologyKey).max(40);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => v || null);

export const SupplierContactInput = z.object({
  name: PersonName,
  role: optionalText(120),
  email: Email.nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+\d\s()-]*$/, 'invalid_phone')
    .nullable()
    .optional()
    .transform((v) => v || null),
});
export type SupplierContactInput = z.infer<typeof SupplierContactInput>;

/** The most contacts a supplier keeps (the form labels each row up to this). */
export const MAX_SUPPLIER_CONTACTS = 30;

/** A supplier as its maintainers write it; the contacts and technologies replace those held before. */
export const SupplierInput = z.object({
  name: text(200),
  orgNumber: OrgNumber,
  website: WebUrl.nullable().optional(),
  technologyKeys: technologyKeys.default([]),
  contacts: z.array(SupplierContactInput).max(MAX_SUPPLIER_CONTACTS).default([]),
});
export type SupplierInput = z.infer<typeof SupplierInput>;

export const ProductInput = z.object({
  name: text(200),
  technologyKeys: technologyKeys.default([]),
  standards: z.array(ProductStandard).max(productStandards.length).default([]),
  /** The interoperability and data export the product offers, in the supplier's words. */
  interoperability: optionalText(4000),
});
export type ProductInput = z.infer<typeof ProductInput>;

export const MergeSupplier = z.object({
  /** The duplicate: its products, contacts and technologies move to the supplier of the path. */
  duplicateId: Uuid,
});

export const SupplierIdParams = z.object({ id: Uuid });
export const ProductIdParams = z.object({ id: Uuid });

export const SupplierListQuery = PageQuery.extend({
  /** Words of the name (prefixes), or the start of the organisation number. */
  q: ParamText.trim().max(200).optional(),
  /** A catalogue technology's key: suppliers that deliver it, themselves or through a product. */
  technology: ParamText.regex(/^[a-z0-9-]{1,80}$/, 'unknown_technology').optional(),
});
export type SupplierListQuery = z.infer<typeof SupplierListQuery>;

const TechnologyRef = z.object({ key: z.string(), name: z.string() });
const SupplierRef = z.object({ id: Uuid, name: z.string() });

export const SupplierContactView = z.object({
  id: Uuid,
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ProductView = z.object({
  id: Uuid,
  supplier: SupplierRef,
  name: z.string(),
  technologies: z.array(TechnologyRef),
  standards: z.array(ProductStandard),
  interoperability: z.string().nullable(),
});
export type ProductView = z.infer<typeof ProductView>;

export const SupplierSummary = z.object({
  id: Uuid,
  name: z.string(),
  orgNumber: z.string(),
  website: z.string().nullable(),
  technologies: z.array(TechnologyRef),
  productCount: z.number().int(),
});
export type SupplierSummary = z.infer<typeof SupplierSummary>;

export const SupplierView = SupplierSummary.extend({
  contacts: z.array(SupplierContactView),
  /** Set on a merged duplicate: the supplier that now holds its links (follow it). */
  mergedInto: SupplierRef.nullable(),
  /** Whether the caller may change, add products to and merge into this supplier. */
  canManage: z.boolean(),
});
export type SupplierView = z.infer<typeof SupplierView>;

export const SupplierPage = page(SupplierSummary);
export type SupplierPage = z.infer<typeof SupplierPage>;
export const ProductList = z.object({ items: z.array(ProductView) });
