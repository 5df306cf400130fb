import { z } from 'zod';
import { IsoDateTime, UiLanguage, Uuid } from './common.ts';
import { PersonName } from './people.ts';

/**
 * A login name for people without a work e-mail: letters, digits, dot, hyphen and underscore, 3–64
 * characters, stored lower-cased. Never contains `@`, so it can never be mistaken for an e-mail address.
 */
export const USERNAME_RE = /^[\p{L}\p{N}._-]{3,64}$/u;
/** Stricter than the login form's `Username` (contracts/auth.ts), which accepts whatever may exist. */
export const NewUsername = z.string().trim().toLowerCase().regex(USERNAME_RE, 'invalid_format');
export const EmployeeNumber = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._-]{1,64}$/u, 'invalid_format');

/** The roles a manager or coordinator may give an account without e-mail. */
export const ActivationRole = z.enum(['staff', 'manager']);

export const CreateAccount = z
  .object({
    /** Omitted: the employee number is the username. */
    username: NewUsername.optional(),
    employeeNumber: EmployeeNumber.optional(),
    name: PersonName,
    role: ActivationRole.default('staff'),
    language: UiLanguage.default('sv'),
  })
  .refine((v) => v.username !== undefined || v.employeeNumber !== undefined, {
    path: ['username'],
    message: 'username_or_employee_number',
  });
export type CreateAccount = z.infer<typeof CreateAccount>;

export const IssueActivationCode = z.object({ userId: Uuid });

/** The one time a code is seen: right after it is issued (only its hash is kept). */
export const ActivationCodeIssued = z.object({
  id: Uuid,
  userId: Uuid,
  name: z.string(),
  username: z.string().nullable(),
  /** Three groups of four characters, e.g. `K7QF-3MZP-9WXD`, from an alphabet without look-alike characters. */
  code: z.string(),
  /** `{PUBLIC_URL}/aktivera?kod=<code>`, what the QR code encodes. */
  activationUrl: z.string(),
  /** The QR code as an SVG data URL for an <img>. */
  qrCode: z.string(),
  expiresAt: IsoDateTime,
});
export type ActivationCodeIssued = z.infer<typeof ActivationCodeIssued>;

export const ActivationCodeStatus = z.enum(['open', 'used', 'expired', 'revoked']);
export type ActivationCodeStatus = z.infer<typeof ActivationCodeStatus>;

/** A code in a list: who it is for and what became of it — never the code itself. */
export const ActivationCodeView = z.object({
  id: Uuid,
  userId: Uuid,
  name: z.string(),
  username: z.string().nullable(),
  organisationId: Uuid,
  organisationName: z.string(),
  status: ActivationCodeStatus,
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  usedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
  /** True while the person has neither password nor passkey: a new code may be issued. */
  canReissue: z.boolean(),
});
export type ActivationCodeView = z.infer<typeof ActivationCodeView>;
export const ActivationCodeList = z.object({ items: z.array(ActivationCodeView) });

export const ActivationCodeIdParams = z.object({ id: Uuid });

/** Typed by a person from paper: spaces, hyphens and lower case are fine. */
export const ActivationCodeInput = z.string().trim().min(1).max(40);
export const CheckActivationCode = z.object({ code: ActivationCodeInput });
export const ActivationCodeOwner = z.object({ name: z.string(), username: z.string().nullable() });
export type ActivationCodeOwner = z.infer<typeof ActivationCodeOwner>;
export const Activate = z.object({ code: ActivationCodeInput, password: z.string().max(200) });
