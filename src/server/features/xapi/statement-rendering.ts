import type { StoredStatementRow } from './statements.repo.ts';

/** A timestamp column as xAPI writes it, whichever driver read it. */
export const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/** The platform itself as the authority of the lesson statements its own web app recorded. */
export const platformAuthority = (publicUrl: string) => ({
  objectType: 'Agent',
  account: { homePage: publicUrl, name: 'valfardsnavet' },
});

/** One of our people as an xAPI agent: our account (homePage the platform, name her id), no address. */
export const platformAgent = (publicUrl: string, userId: string) => ({
  objectType: 'Agent',
  account: { homePage: publicUrl, name: userId },
});

/**
 * A stored statement in its xAPI form. A statement sent to /xapi is returned as stored; a lesson
 * statement of the web app's own (ADR 4) is put together from its columns, its actor our account of
 * the learner, so both ways in read alike.
 */
export function renderStatement(row: StoredStatementRow, publicUrl: string): Record<string, unknown> {
  if (row.statement) return row.statement;
  const object =
    row.object_type === 'StatementRef'
      ? { objectType: 'StatementRef', id: row.object_id.replace(/^urn:uuid:/, '') }
      : { objectType: 'Activity', id: row.object_id };
  return {
    id: row.id,
    actor: platformAgent(publicUrl, row.user_id ?? ''),
    verb: { id: row.verb },
    object,
    ...(row.result ? { result: row.result } : {}),
    ...(row.context ? { context: row.context } : {}),
    timestamp: iso(row.timestamp),
    stored: iso(row.stored),
    authority: platformAuthority(publicUrl),
    version: '1.0.0',
  };
}
