import { customType } from 'drizzle-orm/pg-core';

/** A generated full-text search vector (read only through SQL). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Binary content; PGlite hands back a Uint8Array, node-postgres a Buffer: both become a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
