import { z } from 'zod';
import { issueCode } from '../i18n/issue-code.ts';
import { IsoDateTime, UiLanguage, Uuid } from './common.ts';
import { MfaChallenge } from './mfa.ts';
import { AcceptInvitation, Email, Gender, MembershipView } from './people.ts';

export const PASSWORD_MIN_LENGTH = 12;

export const CsrfToken = z.object({ token: z.string() });

const LoginPassword = z.string().min(1).max(200);
/** A username of a person without work e-mail (lower-cased; never an e-mail address). */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(100)
  .regex(/^[^@\s]+$/, 'invalid_username');
/** Log in with the e-mail address or, for people without work e-mail, the username (exactly one). */
export const LoginRequest = z
  .object({ email: Email.optional(), username: Username.optional(), password: LoginPassword })
  .refine((v) => (v.email === undefined) !== (v.username === undefined), {
    message: 'email_or_username',
    path: ['email'],
  });

/** An identifier with '@' is an e-mail address; anything else is a username (people without work e-mail). */
export function loginCredentials(identifier: string, password: string) {
  const id = identifier.trim();
  return id.includes('@') ? { email: id, password } : { username: id, password };
}

/**
 * The login form: one field for the e-mail address or the username, checked by the request it becomes,
 * so that the form refuses exactly what the API refuses.
 */
export const LoginForm = z
  .object({ identifier: z.string().trim().min(1).max(254), password: LoginPassword })
  .superRefine((v, ctx) => {
    const parsed = LoginRequest.safeParse(loginCredentials(v.identifier, v.password));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const path = issue.path[0] === 'password' ? 'password' : 'identifier';
      ctx.addIssue({ code: 'custom', message: issueCode(issue), path: [path] });
    }
  });
export type LoginForm = z.infer<typeof LoginForm>;

export const Me = z.object({
  id: Uuid,
  name: z.string(),
  /** Null for people who sign in with a username (no work e-mail). */
  email: z.string().nullable(),
  /** The login name of someone without a work e-mail (issue 15). */
  username: z.string().nullable(),
  preferredLanguage: UiLanguage,
  /** The language courses are read in (PUT /me/course-language); absent where a login answers. */
  courseLanguage: z.string().nullable().optional(),
  gender: Gender.nullable(),
  memberships: z.array(MembershipView),
});
export type Me = z.infer<typeof Me>;

/** A correct password gives a session (Me), or asks for a second factor first. */
export const LoginResponse = z.union([Me, MfaChallenge]);
/** A login completed with a second factor; recovery codes (shown once) when the first factor was just set up. */
export const MfaCompleted = Me.extend({ recoveryCodes: z.array(z.string()).optional() });

export const UpdateMe = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    preferredLanguage: UiLanguage.optional(),
    gender: Gender.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });

export const ChangePassword = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().max(200),
});

/**
 * A new password as a form takes it: long enough, in the code the server refuses a short one with
 * (`passwordProblem`, which also refuses common passwords, a list only the server has).
 */
export const NewPassword = z
  .string()
  .max(200)
  .refine((v) => [...v].length >= PASSWORD_MIN_LENGTH, 'password_too_short');

/** A form that sets a password asks for it twice; the repetition is the form's own and is not sent. */
function confirms(field: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (v.confirm !== v[field])
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'passwords_differ' });
  };
}

/** The password form of a reset link and of an activation code (the token or code is added when sent). */
export const NewPasswordForm = z
  .object({ password: NewPassword, confirm: z.string() })
  .superRefine(confirms('password'));
export const ChangePasswordForm = ChangePassword.extend({
  newPassword: NewPassword,
  confirm: z.string(),
}).superRefine(confirms('newPassword'));
export const AcceptInvitationForm = AcceptInvitation.extend({
  password: NewPassword,
  confirm: z.string(),
}).superRefine(confirms('password'));

export const PasswordResetRequest = z.object({ email: Email });
export const PasswordResetConfirm = z.object({
  token: z.string().min(20).max(200),
  password: z.string().max(200),
});

export const UnlockRequest = z.object({ email: Email });
export const UnlockConfirm = z.object({ token: z.string().min(20).max(200) });

export const SessionView = z.object({
  id: Uuid,
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionView) });
export const SessionIdParams = z.object({ id: Uuid });

export const PersonalDataExport = z.object({
  exportedAt: IsoDateTime,
  user: Me,
  sessions: z.array(SessionView),
  auditEntries: z.number().int(),
  /** Knowledge-bank cases that name the person (by their e-mail address) as contact, with what they show. */
  caseContacts: z.array(
    z.object({
      caseId: Uuid,
      caseTitle: z.string(),
      name: z.string().nullable(),
      title: z.string().nullable(),
      phone: z.string().nullable(),
      shownWithConsent: z.boolean(),
    }),
  ),
  /**
   * Every entry of the register of personal data (src/server/db/personal-data.ts) with the rows tied
   * to the person: learning records, enrolments, certificates, feedback, study groups, answers, mail…
   */
  records: z.array(
    z.object({
      key: z.string(),
      table: z.string(),
      rows: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
});
