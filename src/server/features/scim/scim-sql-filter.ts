import { type SQL, sql } from 'drizzle-orm';
import { scimBadRequest } from './scim-errors.ts';
import type { AttrPath, CompareOp, Filter, FilterValue } from './scim-filter.ts';

/**
 * Turns a parsed SCIM filter into an SQL condition over the columns a resource type exposes, so that a
 * filter runs in the database (Entra ID filters by userName before every create). An attribute the
 * resource does not expose makes the whole comparison false, as RFC 7644 §3.4.2.2 allows for
 * unassigned attributes; an operator that does not fit the attribute is invalidFilter.
 */
export interface FilterColumn {
  column: SQL;
  /** Case-insensitive comparison (caseExact: false), e.g. userName and e-mail. */
  caseInsensitive?: boolean;
  kind?: 'string' | 'boolean';
}

export interface FilterTarget {
  /** Lower-cased attribute name (`username`, `emails.value`, `name.givenname`) → its column. */
  columns: Record<string, FilterColumn>;
  /**
   * A value filter on a multi-valued attribute (`emails[type eq "work"]`, `members[value eq "…"]`),
   * already checked by the caller: returns the condition, or null when it is not supported.
   */
  valuePath?: (path: AttrPath, compile: (f: Filter) => SQL) => SQL | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function compare(col: FilterColumn, op: CompareOp, value: FilterValue): SQL {
  if (col.kind === 'boolean') {
    if (typeof value !== 'boolean' || (op !== 'eq' && op !== 'ne'))
      throw scimBadRequest(
        'invalidFilter',
        'Invalid filter: a boolean compares with eq or ne and true/false',
      );
    return op === 'eq' ? sql`${col.column} = ${value}` : sql`${col.column} is distinct from ${value}`;
  }
  if (value === null) {
    if (op === 'eq') return sql`${col.column} is null`;
    if (op === 'ne') return sql`${col.column} is not null`;
    throw scimBadRequest('invalidFilter', 'Invalid filter: null compares with eq or ne');
  }
  const text = String(value);
  const left = col.caseInsensitive ? sql`lower(${col.column})` : col.column;
  const right = col.caseInsensitive ? text.toLowerCase() : text;
  switch (op) {
    case 'eq':
      return sql`${left} = ${right}`;
    case 'ne':
      return sql`${left} is distinct from ${right}`;
    case 'co':
      return sql`${left} like ${`%${escapeLike(right)}%`}`;
    case 'sw':
      return sql`${left} like ${`${escapeLike(right)}%`}`;
    case 'ew':
      return sql`${left} like ${`%${escapeLike(right)}`}`;
    case 'gt':
      return sql`${left} > ${right}`;
    case 'ge':
      return sql`${left} >= ${right}`;
    case 'lt':
      return sql`${left} < ${right}`;
    case 'le':
      return sql`${left} <= ${right}`;
  }
}

export function compileFilter(filter: Filter, target: FilterTarget): SQL {
  const compile = (f: Filter): SQL => {
    switch (f.kind) {
      case 'and':
        return sql`(${compile(f.left)} and ${compile(f.right)})`;
      case 'or':
        return sql`(${compile(f.left)} or ${compile(f.right)})`;
      case 'not':
        return sql`not coalesce(${compile(f.inner)}, false)`;
      case 'present':
      case 'compare': {
        if (f.path.valueFilter) {
          const cond = target.valuePath?.(f.path, compile);
          if (!cond) return sql`false`;
          return f.kind === 'present' ? cond : sql`(${cond} and ${compileValue(f)})`;
        }
        return compileValue(f);
      }
    }
  };
  const compileValue = (f: Extract<Filter, { kind: 'present' | 'compare' }>): SQL => {
    const name = f.path.sub ? `${f.path.attr}.${f.path.sub}` : f.path.attr;
    const col = target.columns[name];
    if (!col) return sql`false`;
    if (f.kind === 'present') return sql`${col.column} is not null`;
    return compare(col, f.op, f.value);
  };
  return compile(filter);
}
