import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { MfaChallenge, MfaMethod } from '../../../shared/contracts/mfa.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './auth.repo.ts';
import * as throttle from './login-throttle.repo.ts';
import * as mfaRepo from './mfa.repo.ts';
import * as passkeyRepo from './passkeys.repo.ts';
import * as passkeys from './passkeys.service.ts';
import { deleteCodes } from './recovery-codes.repo.ts';
import * as recovery from './recovery-codes.service.ts';
import * as totp from './totp.service.ts';

interface Deps {
  db: Db;
  config: Config;
}

/** Whether a password alone is not enough for this person (ADMIN_MFA for the privileged; org policies always). */
export function needsSecondFactor(config: Config, rules: mfaRepo.SignInRules): boolean {
  return rules.policyMfa || (config.adminMfa && rules.privileged);
}

function methodsOf(f: Awaited<ReturnType<typeof mfaRepo.factorsOf>>): MfaMethod[] {
  const methods: MfaMethod[] = [];
  if (f.totp) methods.push('totp');
  if (f.passkeys > 0) methods.push('passkey');
  // Recovery codes stand in for a lost factor; without any factor there is nothing to recover.
  if (f.recoveryLeft > 0 && (f.totp || f.passkeys > 0)) methods.push('recovery_code');
  return methods;
}

/**
 * After a correct password: a one-time token (five minutes) that the second factor completes. The
 * submitted address's failure counter rides along, so wrong codes count towards the same lockout as
 * wrong passwords.
 */
export async function startMfa(deps: Deps, userId: string, addressHash: string): Promise<MfaChallenge> {
  const methods = methodsOf(await mfaRepo.factorsOf(deps.db, userId));
  const mfaToken = newToken();
  await mfaRepo.createChallenge(deps.db, {
    tokenHash: hashToken(mfaToken),
    purpose: 'mfa',
    userId,
    challenge: addressHash,
  });
  return { mfaRequired: true, mfaToken, methods, setupRequired: methods.length === 0 };
}

/** The open MFA step of a token, its person (still active) and what they may use; 400 otherwise. */
async function openStep(deps: Deps, mfaToken: string) {
  const tokenHash = hashToken(mfaToken);
  const step = await mfaRepo.findChallenge(deps.db, tokenHash, 'mfa');
  const user = step?.userId ? await repo.findUserById(deps.db, step.userId) : null;
  if (!step || user?.status !== 'active') throw new AppError(400, 'mfa_token_invalid');
  if (step.challenge && (await throttle.findLock(deps.db, step.challenge))) {
    await mfaRepo.deleteChallenge(deps.db, tokenHash);
    throw new AppError(423, 'account_locked');
  }
  const factors = await mfaRepo.factorsOf(deps.db, user.id);
  return { tokenHash, step, user, methods: methodsOf(factors) };
}

/** Setting up a first factor with the MFA token is only for a person who has none: it never replaces one. */
async function openSetupStep(deps: Deps, mfaToken: string) {
  const open = await openStep(deps, mfaToken);
  if (open.methods.length > 0) throw new AppError(409, 'mfa_setup_required');
  return open;
}

export async function startTotpSetup(deps: Deps, mfaToken: string) {
  const { user } = await openSetupStep(deps, mfaToken);
  return totp.startSetup(deps.db, deps.config, user);
}

export async function passkeyRegistrationOptions(deps: Deps, mfaToken: string) {
  const { user } = await openSetupStep(deps, mfaToken);
  return passkeys.registrationOptions(deps.db, deps.config, user);
}

export async function passkeyOptions(deps: Deps, mfaToken: string) {
  const { user, methods } = await openStep(deps, mfaToken);
  if (!methods.includes('passkey')) throw new AppError(400, 'passkey_failed');
  return passkeys.authenticationOptions(deps.db, deps.config, user.id);
}

export interface FactorInput {
  mfaToken: string;
  totpCode?: string | undefined;
  recoveryCode?: string | undefined;
  passkey?: AuthenticationResponseJSON | undefined;
  passkeyRegistration?: RegistrationResponseJSON | undefined;
}

/**
 * Checks the second factor and spends the token. A wrong factor counts as a failed login for the
 * address the password was given for (and locks it like wrong passwords do); the token stays usable
 * for another try until it expires or the address is locked. Returns whether a first factor was set up
 * now, so the caller can hand out recovery codes.
 */
export async function completeMfa(
  deps: Deps,
  input: FactorInput,
): Promise<{ userId: string; firstFactor: boolean }> {
  const { tokenHash, step, user, methods } = await openStep(deps, input.mfaToken);
  const setup = methods.length === 0;
  let ok = false;
  let firstFactor = false;
  if (input.totpCode !== undefined) {
    if (setup || methods.includes('totp')) {
      const r = await totp.verifyCode(deps.db, deps.config, user.id, input.totpCode, { setup });
      ok = r.ok;
      firstFactor = r.confirmedNow;
    }
  } else if (input.recoveryCode !== undefined) {
    ok =
      methods.includes('recovery_code') && (await recovery.redeemCode(deps.db, user.id, input.recoveryCode));
  } else if (input.passkey !== undefined) {
    if (methods.includes('passkey')) {
      ok = await passkeys
        .verifyAuthentication(deps.db, deps.config, input.passkey, user.id)
        .then(() => true)
        .catch(() => false);
    }
  } else if (input.passkeyRegistration !== undefined && setup) {
    ok = await passkeys
      .register(deps.db, deps.config, user.id, input.passkeyRegistration, undefined)
      .then(() => true)
      .catch(() => false);
    firstFactor = ok;
  }
  if (!ok) {
    if (step.challenge) {
      const after = await throttle.recordFailure(
        deps.db,
        step.challenge,
        deps.config.loginMaxFailures,
        deps.config.loginLockMs,
      );
      if (after.failures >= deps.config.loginMaxFailures && after.lockedUntil) {
        await mfaRepo.deleteChallenge(deps.db, tokenHash);
        throw new AppError(423, 'account_locked');
      }
    }
    throw new AppError(400, 'mfa_code_wrong');
  }
  // Two correct answers at once: only one gets the session.
  if (!(await mfaRepo.consumeChallenge(deps.db, tokenHash, 'mfa')))
    throw new AppError(400, 'mfa_token_invalid');
  if (step.challenge) await throttle.clearFailures(deps.db, step.challenge);
  return { userId: user.id, firstFactor };
}

/** The person's second factors for their security page. */
export async function securityOverview(deps: Deps, userId: string) {
  const [list, factors, rules] = await Promise.all([
    passkeyRepo.listPasskeys(deps.db, userId),
    mfaRepo.factorsOf(deps.db, userId),
    mfaRepo.signInRules(deps.db, userId),
  ]);
  return {
    passkeys: list.map(passkeys.passkeyView),
    totpEnabled: factors.totp,
    recoveryCodesLeft: factors.totp || factors.passkeys > 0 ? factors.recoveryLeft : 0,
    mfaRequired: needsSecondFactor(deps.config, rules),
  };
}

/**
 * When the last factor goes, the recovery codes go too (they would otherwise stand in for nothing).
 */
export async function dropRecoveryIfNoFactor(deps: Deps, userId: string) {
  const f = await mfaRepo.factorsOf(deps.db, userId);
  if (!f.totp && f.passkeys === 0 && f.recoveryLeft > 0) await deleteCodes(deps.db, userId);
}

/** A usernameless passkey login: whose passkey it is decides who logs in (an active account only). */
export async function passkeyLogin(deps: Deps, response: AuthenticationResponseJSON) {
  const { userId, passkeyId } = await passkeys.verifyAuthentication(deps.db, deps.config, response, null);
  const user = await repo.findUserById(deps.db, userId);
  if (user?.status !== 'active') throw new AppError(401, 'passkey_failed');
  await recordAudit(deps.db, {
    actorId: userId,
    action: 'user.passkey_login',
    entityType: 'passkey',
    entityId: passkeyId,
  });
  return userId;
}

/** Recovery codes for a person who just set up their first factor (unless they already have some). */
export async function recoveryCodesAfterFirstFactor(deps: Deps, userId: string) {
  const f = await mfaRepo.factorsOf(deps.db, userId);
  return f.recoveryLeft > 0 ? undefined : recovery.regenerate(deps.db, userId);
}

export function passkeyOptionsForLogin(deps: Deps) {
  return passkeys.authenticationOptions(deps.db, deps.config, null);
}
