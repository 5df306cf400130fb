import path from 'node:path';
import { z } from 'zod';
import { OperatorError } from './db/operator-error.ts';
import { parseSecretsKey } from './lib/secrets.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  DEMO_DATA: z.enum(['0', '1']).optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Välfärdsnavet <no-reply@valfardsnavet.se>'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  CLIENT_DIR: z.string().default('dist/client'),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  OPEN_DATA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  ADMIN_MFA: z.enum(['required', 'off']).optional(),
  SECRETS_KEY: z
    .string()
    .refine((v) => parseSecretsKey(v) !== null, 'SECRETS_KEY must be 32 bytes in base64 or hex')
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Load the demo dataset into an empty database. Default: on for PGlite, off for PostgreSQL. */
  demoData: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlMs: number;
  trustProxy: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  loginMaxFailures: number;
  loginLockMs: number;
  /** Requests per minute and client IP to the login and password-reset endpoints (per instance). */
  authRateLimitPerMinute: number;
  /** Requests per minute and client IP to the open data without login (per instance). */
  openDataRateLimitPerMinute: number;
  /** Serve the built client from dist/client when present. */
  clientDir: string;
  /**
   * Seals stored secrets (lib/secrets.ts). From SECRETS_KEY; main.ts falls back to a key file in the
   * data directory on PGlite or in demo mode. Without one, configuring an IdP answers 503.
   */
  secretsKey: Buffer | undefined;
  /**
   * National administrators and coordinators must give a second factor after the password (ADMIN_MFA).
   * Default on, but off when the demo dataset is loaded, so the demo logins work with the password.
   */
  adminMfa: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new OperatorError(`Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  const demoData = e.DEMO_DATA ? e.DEMO_DATA === '1' : !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoData,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    trustProxy: e.TRUST_PROXY === '1',
    logLevel: e.LOG_LEVEL,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    openDataRateLimitPerMinute: e.OPEN_DATA_RATE_LIMIT_PER_MINUTE,
    clientDir: path.resolve(e.CLIENT_DIR),
    secretsKey: e.SECRETS_KEY ? (parseSecretsKey(e.SECRETS_KEY) ?? undefined) : undefined,
    adminMfa: (e.ADMIN_MFA ?? (demoData ? 'off' : 'required')) === 'required',
  };
}
