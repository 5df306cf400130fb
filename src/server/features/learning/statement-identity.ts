import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.ts';

interface StatementContent {
  verb: string;
  objectId: string;
  result: unknown;
  context: unknown;
  timestamp: string | Date;
}

/**
 * What makes two statements under one id the same statement (xAPI: a re-sent id must carry the same
 * statement): verb, object, result, context and the instant of the timestamp — not the time it was
 * stored, nor who stored it. Keys in any order, the timestamp in any offset.
 */
export function statementDigest(s: StatementContent): string {
  const canonical = canonicalJson({
    verb: s.verb,
    object: s.objectId,
    result: s.result ?? null,
    context: s.context ?? null,
    timestamp: new Date(s.timestamp).toISOString(),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
