import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SqlStatement } from '../server.ts';

const dialect = new PgDialect();

/** A repository's Drizzle SQL as text and parameters, so a scenario's floor runs exactly the app's query. */
export function sqlStatement(query: SQL): SqlStatement {
  const { sql, params } = dialect.sqlToQuery(query);
  return { text: sql, params };
}
