import * as OTPAuth from 'otpauth';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { secretBox } from '../../lib/secrets.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './totp.repo.ts';

const PERIOD_S = 30;
const ISSUER = 'Välfärdsnavet';

function totpFor(secret: OTPAuth.Secret, label: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, secret, algorithm: 'SHA1', digits: 6, period: PERIOD_S });
}

/**
 * Starts (or restarts) setting up an authenticator app: a new secret, sealed with SECRETS_KEY, that
 * counts only once a first code from the app confirms it. Refused while a confirmed one exists.
 */
export async function startSetup(
  db: Db,
  config: Config,
  user: { id: string; email: string | null; username: string | null },
) {
  const existing = await repo.findSecret(db, user.id);
  if (existing?.confirmedAt) throw new AppError(409, 'totp_already_enabled');
  const secret = new OTPAuth.Secret({ size: 20 });
  await repo.putUnconfirmed(db, user.id, secretBox(config.secretsKey).seal(secret.base32));
  const otpauthUrl = totpFor(secret, user.email ?? user.username ?? user.id).toString();
  const { default: QRCode } = await import('qrcode'); // loaded when a code is made, not at start-up
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return {
    secret: secret.base32,
    otpauthUrl,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/**
 * Checks a code against the person's secret (confirmed, or being set up when `setup` is true) with one
 * step of clock drift either way; a code is accepted once only. A first good code confirms the secret.
 */
export async function verifyCode(
  db: Db,
  config: Config,
  userId: string,
  code: string,
  opts: { setup: boolean },
): Promise<{ ok: boolean; confirmedNow: boolean }> {
  const row = await repo.findSecret(db, userId);
  if (!row || (!row.confirmedAt && !opts.setup)) return { ok: false, confirmedNow: false };
  const secret = OTPAuth.Secret.fromBase32(secretBox(config.secretsKey).open(row.secretEnc));
  const now = Date.now();
  const delta = totpFor(secret, userId).validate({ token: code.trim(), timestamp: now, window: 1 });
  if (delta === null) return { ok: false, confirmedNow: false };
  const step = Math.floor(now / 1000 / PERIOD_S) + delta;
  if (!(await repo.acceptStep(db, userId, step))) return { ok: false, confirmedNow: false };
  if (!row.confirmedAt) {
    await recordAudit(db, {
      actorId: userId,
      action: 'user.totp_enabled',
      entityType: 'user',
      entityId: userId,
    });
  }
  return { ok: true, confirmedNow: !row.confirmedAt };
}

export async function remove(db: Db, userId: string) {
  if (!(await repo.deleteSecret(db, userId))) throw new AppError(404, 'not_found');
  await recordAudit(db, {
    actorId: userId,
    action: 'user.totp_removed',
    entityType: 'user',
    entityId: userId,
  });
}
