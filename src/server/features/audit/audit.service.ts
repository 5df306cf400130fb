import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { AuditPage } from '../../../shared/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../lib/errors.ts';
import { type AuditFilter, listAudit } from './audit.repo.ts';
import { resolveNames } from './audit-names.ts';

const encodeCursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
const decodeCursor = (cursor: string | undefined) =>
  cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null;

/** A page of the log, newest first, with the names of its objects looked up (national administrators). */
export async function auditPage(
  db: Db,
  actor: Actor,
  query: AuditFilter & { limit: number; cursor?: string | undefined },
): Promise<AuditPage> {
  if (!authorize(actor, 'audit.read', null)) throw forbidden();
  const { limit, cursor, ...filter } = query;
  const afterRaw = decodeCursor(cursor);
  const afterId = afterRaw && /^\d+$/.test(afterRaw) ? Number(afterRaw) : null;
  const rows = await listAudit(db, filter, limit, afterId);
  const items = (await resolveNames(db, rows.slice(0, limit))).map((r) => ({
    ...r,
    id: String(r.id),
    at: r.at.toISOString(),
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
