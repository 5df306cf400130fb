import { z } from 'zod';
import { IsoDateTime, UiLanguage, Uuid } from './common.ts';
import { Email, Gender, MembershipView } from './people.ts';

export const PASSWORD_MIN_LENGTH = 12;

export const CsrfToken = z.object({ token: z.string() });

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: Uuid,
  name: z.string(),
  /** Null for people who sign in with a username (no work e-mail). */
  email: z.string().nullable(),
  preferredLanguage: UiLanguage,
  gender: Gender.nullable(),
  memberships: z.array(MembershipView),
});
export type Me = z.infer<typeof Me>;

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
