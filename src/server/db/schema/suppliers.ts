import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { technologies } from './mapping.ts';
import { users } from './people.ts';

/**
 * The national register of suppliers (issue 17). A duplicate merged into another keeps its row with
 * `merged_into` set, so that old links and audit entries still resolve and point to the kept one.
 *
 * Every table that refers to a supplier does so through a foreign key to `suppliers.id`: merging finds
 * them in the catalog and moves them all (features/suppliers/supplier-merge.ts), so a later table —
 * contracts, say — is moved without a change to the merge.
 */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** `NNNNNN-NNNN`, its check digit verified by the contract. */
    orgNumber: text('org_number').notNull(),
    website: text('website'),
    /**
     * Byte order of this key is Swedish alphabetical order, as `users.sort_name`: the list pages on it.
     * Queries compare it `collate "C"`.
     */
    sortName: text('sort_name')
      .notNull()
      .generatedAlwaysAs(sql`translate(lower(name), 'ÅÄÖåäöÉÈÊËéèêëÜüÁÀáàÆæØø', '{|}{|}eeeeeeeeyyaaaa||}}')`),
    mergedInto: uuid('merged_into').references((): AnyPgColumn => suppliers.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('suppliers_org_number_uq').on(t.orgNumber),
    index('suppliers_sort_idx').on(t.sortName, t.id),
    index('suppliers_name_search_idx').using('gin', sql`to_tsvector('simple', ${t.name})`),
  ],
);

/** The people to talk to at a supplier (personal data: see personal-data.ts). */
export const supplierContacts = pgTable(
  'supplier_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
  },
  (t) => [index('supplier_contacts_supplier_idx').on(t.supplierId)],
);

/** The catalogue technologies a supplier delivers. */
export const supplierTechnologies = pgTable(
  'supplier_technologies',
  {
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.supplierId, t.technologyId] }),
    index('supplier_technologies_technology_idx').on(t.technologyId),
  ],
);

export const supplierProducts = pgTable(
  'supplier_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Keys of the contract's fixed list of standards (`productStandards`). */
    standards: text('standards').array().notNull().default(sql`'{}'::text[]`),
    interoperability: text('interoperability'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supplier_products_supplier_idx').on(t.supplierId)],
);

export const supplierProductTechnologies = pgTable(
  'supplier_product_technologies',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => supplierProducts.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.technologyId] }),
    index('supplier_product_technologies_technology_idx').on(t.technologyId),
  ],
);
