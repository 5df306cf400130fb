import { randomInt } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { hashToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './recovery-codes.repo.ts';

const COUNT = 10;
// No 0/o, 1/l/i: the codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
function codeHash(code: string): string {
  return hashToken(code.toLowerCase().replace(/[\s-]/g, ''));
}

/** Ten new one-time codes; every earlier code stops working. Returned once, only hashes are kept. */
export async function regenerate(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await db.transaction(async (tx) => {
    await repo.replaceCodes(tx, userId, codes.map(codeHash));
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.recovery_codes_generated',
      entityType: 'user',
      entityId: userId,
    });
  });
  return codes;
}

export async function redeemCode(db: Db, userId: string, code: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await repo.redeemCode(tx, userId, codeHash(code)))) return false;
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.recovery_code_used',
      entityType: 'user',
      entityId: userId,
    });
    return true;
  });
}
