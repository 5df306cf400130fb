import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

/** The ways a person can give a second factor after the password. */
export const mfaMethods = ['totp', 'passkey', 'recovery_code'] as const;
export const MfaMethod = z.enum(mfaMethods);
export type MfaMethod = z.infer<typeof MfaMethod>;

/**
 * The answer to a correct password when a second factor is needed: no session yet, only a one-time
 * token (5 minutes) for POST /auth/mfa. `setupRequired` means the person has no factor yet and must
 * set one up with the same token (TOTP or a passkey) before getting a session.
 */
export const MfaChallenge = z.object({
  mfaRequired: z.literal(true),
  mfaToken: z.string(),
  methods: z.array(MfaMethod),
  setupRequired: z.boolean(),
});
export type MfaChallenge = z.infer<typeof MfaChallenge>;

export const MfaToken = z.string().min(20).max(200);
export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'totp_code_format');
/** Recovery codes are shown as xxxxx-xxxxx; spaces and case are forgiven. */
export const RecoveryCode = z.string().trim().min(10).max(40);

/** WebAuthn JSON as @simplewebauthn/browser produces it; checked in depth by @simplewebauthn/server. */
export const WebAuthnRegistrationResponse = z.looseObject({
  id: z.string().min(1).max(1500),
  rawId: z.string().min(1).max(1500),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: z.string().max(10_000),
    attestationObject: z.string().max(50_000),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
export const WebAuthnAuthenticationResponse = z.looseObject({
  id: z.string().min(1).max(1500),
  rawId: z.string().min(1).max(1500),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: z.string().max(10_000),
    authenticatorData: z.string().max(10_000),
    signature: z.string().max(10_000),
    userHandle: z.string().max(1000).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
/** PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON, passed to the browser as they are. */
export const WebAuthnOptions = z.looseObject({ challenge: z.string() });
export type WebAuthnOptions = z.infer<typeof WebAuthnOptions>;

export const CompleteMfa = z
  .object({
    mfaToken: MfaToken,
    totpCode: TotpCode.optional(),
    recoveryCode: RecoveryCode.optional(),
    passkey: WebAuthnAuthenticationResponse.optional(),
    /** Setting up a passkey as the first factor, with options from /auth/mfa/passkey-registration-options. */
    passkeyRegistration: WebAuthnRegistrationResponse.optional(),
  })
  .refine(
    (v) =>
      [v.totpCode, v.recoveryCode, v.passkey, v.passkeyRegistration].filter((x) => x !== undefined).length ===
      1,
    { message: 'one_factor_required' },
  );
export const MfaTokenBody = z.object({ mfaToken: MfaToken });

export const TotpSetup = z.object({
  /** base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as an SVG QR code (data: URL). */
  qrCode: z.string(),
});

export const PasskeyView = z.object({
  id: Uuid,
  name: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  backedUp: z.boolean(),
});
export const PasskeyName = z.string().trim().min(1).max(80);
export const RegisterPasskey = z.object({
  response: WebAuthnRegistrationResponse,
  name: PasskeyName.optional(),
});
export const RenamePasskey = z.object({ name: PasskeyName });
export const PasskeyLogin = z.object({ response: WebAuthnAuthenticationResponse });

export const SecurityOverview = z.object({
  passkeys: z.array(PasskeyView),
  totpEnabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** Whether a password login must be followed by a second factor for this person. */
  mfaRequired: z.boolean(),
});
export type SecurityOverview = z.infer<typeof SecurityOverview>;

export const ConfirmTotp = z.object({ code: TotpCode });
/** Shown once; only hashes are kept. */
export const RecoveryCodes = z.object({ codes: z.array(z.string()) });

export const SignInPolicy = z.object({
  organisationId: Uuid,
  requireMfa: z.boolean(),
  /** Set by an organisation above (region/municipality): the rule applies whatever this one says. */
  inheritedRequireMfa: z.boolean(),
});
export const UpdateSignInPolicy = z.object({ requireMfa: z.boolean() });
