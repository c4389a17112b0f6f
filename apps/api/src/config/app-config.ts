import path from 'node:path';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

/** An optional secret: empty counts as unset (compose passes `${X:-}`), otherwise at least 16 characters. */
const secret = z
  .string()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || v.length >= 16, { error: 'must be at least 16 characters' });

const envSchema = z.object({
  NODE_ENV: z.string().default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** API worker processes on this host (`npm start` / the image); 1 = no cluster. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  DARI_DATA_DIR: z.string().optional(),
  DARI_DB_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DARI_DEMO: bool(true),
  DARI_DEMO_PASSWORD: z.string().optional(),
  DARI_PUBLIC_URL: z.string().optional(),
  DARI_TRUST_PROXY: bool(false),
  DARI_WEB_DIST: z.string().optional(),
  DARI_MEDIA_DIR: z.string().optional(),
  DARI_SESSION_IDLE_DAYS: z.coerce.number().positive().default(30),
  DARI_SESSION_MAX_DAYS: z.coerce.number().positive().default(90),
  DARI_SHARED_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  DARI_SHARED_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  DARI_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(100),
  DARI_LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  DARI_LOGIN_MAX_FAILURES_PER_DEVICE: z.coerce.number().int().positive().default(10),
  DARI_LOGIN_MAX_FAILURES_PER_IP_KNOWN_DEVICES: z.coerce.number().int().positive().default(1000),
  DARI_LOGIN_DEVICE_COOKIE_DAYS: z.coerce.number().positive().max(400).default(365),
  DARI_VERIFY_MAX_MISSES_PER_IP: z.coerce.number().int().positive().default(30),
  DARI_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  DARI_AT_RISK_INACTIVE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  DARI_ANNOUNCEMENT_FILL_BATCH: z.coerce.number().int().min(1).max(100_000).default(5000),
  /** Encrypts the credential signing key at rest (docs/credentials.md); required in production without demo data. */
  DARI_CREDENTIAL_KEY: secret,
  DARI_CREDENTIAL_KEY_FILE: z.string().optional(),
  DARI_ISSUER_NAME: z.string().min(1).max(200).default('Dari'),
  DARI_ISSUER_URL: z.string().optional(),
  /** Development only: the VC-API issuer the W3C VC 2.0 test suite calls (docs/credentials.md); refused in production. */
  DARI_VC_TEST_SUITE_ISSUER: bool(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Everything Dari reads from the environment, parsed once. README lists each variable. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  poolSize: number;
  demo: boolean;
  demoPassword?: string;
  publicUrl?: string;
  trustProxy: boolean;
  webDist?: string;
  /** Where uploaded media files are kept. */
  mediaDir: string;
  session: { idleMs: number; maxMs: number; sharedIdleMs: number; sharedMaxMs: number };
  /**
   * Throttle limits per window: sign-in, reset and join attempts; certificate codes that match nothing.
   * Sign-in from a device that holds the account's device cookie counts per device (`maxPerDevice`),
   * and requests carrying a valid device cookie count per address apart (`maxPerIpKnownDevices`).
   * docs/sign-in-limits.md.
   */
  login: {
    maxPerAccount: number;
    maxPerIp: number;
    maxPerDevice: number;
    maxPerIpKnownDevices: number;
    deviceCookieMaxAgeMs: number;
    maxVerifyMissesPerIp: number;
    windowMs: number;
  };
  /** Open Badges 3.0 credentials (docs/credentials.md). */
  credentials: {
    /** DARI_CREDENTIAL_KEY: what the signing key is encrypted with; absent → the key file. */
    key?: string;
    /** Where the generated key lives when DARI_CREDENTIAL_KEY is not set (quick start, development). */
    keyFile: string;
    /** Production without demo data: DARI_CREDENTIAL_KEY must be set, or nothing is issued. */
    requireKey: boolean;
    issuerName: string;
    issuerUrl?: string;
    /** DARI_VC_TEST_SUITE_ISSUER: serve POST /api/v1/credentials/issue for the W3C test suite (never in production). */
    testSuiteIssuer: boolean;
  };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** A cohort learner inactive this long is flagged "at risk". */
  atRiskInactiveDays: number;
  /** Recipients of an at-risk announcement written per transaction (the request writes the first batch). */
  announcementFillBatch: number;
  /** Audit events older than this are purged (daily). */
  auditRetentionDays: number;
  version: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export type RawEnv = Record<string, string | undefined>;

export function parseEnv(env: RawEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadConfig(env: RawEnv = process.env, databaseUrl?: string): AppConfig {
  const e = parseEnv(env);
  const url = databaseUrl ?? e.DATABASE_URL;
  if (!url)
    throw new Error('No database: set DATABASE_URL, or start Dari with `npm start` to use the embedded PostgreSQL.');
  // It signs anything it is sent with the issuer key: never where real credentials are issued.
  if (e.DARI_VC_TEST_SUITE_ISSUER && e.NODE_ENV === 'production')
    throw new Error(
      'DARI_VC_TEST_SUITE_ISSUER is for development only and is refused with NODE_ENV=production (the default): set NODE_ENV=development to run the W3C test suite.',
    );
  const day = 86_400_000;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: url,
    poolSize: e.DATABASE_POOL_SIZE,
    demo: e.DARI_DEMO,
    demoPassword: e.DARI_DEMO_PASSWORD || undefined,
    publicUrl: e.DARI_PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: e.DARI_TRUST_PROXY,
    webDist: e.DARI_WEB_DIST,
    mediaDir: path.resolve(e.DARI_MEDIA_DIR ?? path.join('.data', 'media')),
    session: {
      idleMs: e.DARI_SESSION_IDLE_DAYS * day,
      maxMs: e.DARI_SESSION_MAX_DAYS * day,
      sharedIdleMs: e.DARI_SHARED_SESSION_IDLE_MINUTES * 60_000,
      sharedMaxMs: e.DARI_SHARED_SESSION_MAX_HOURS * 3_600_000,
    },
    login: {
      maxPerAccount: e.DARI_LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerIp: e.DARI_LOGIN_MAX_FAILURES_PER_IP,
      maxPerDevice: e.DARI_LOGIN_MAX_FAILURES_PER_DEVICE,
      maxPerIpKnownDevices: e.DARI_LOGIN_MAX_FAILURES_PER_IP_KNOWN_DEVICES,
      deviceCookieMaxAgeMs: e.DARI_LOGIN_DEVICE_COOKIE_DAYS * day,
      maxVerifyMissesPerIp: e.DARI_VERIFY_MAX_MISSES_PER_IP,
      windowMs: e.DARI_LOGIN_WINDOW_MINUTES * 60_000,
    },
    credentials: {
      key: e.DARI_CREDENTIAL_KEY,
      keyFile: path.resolve(e.DARI_CREDENTIAL_KEY_FILE ?? path.join('.data', 'credential-key')),
      requireKey: e.NODE_ENV === 'production' && !e.DARI_DEMO,
      issuerName: e.DARI_ISSUER_NAME,
      issuerUrl: e.DARI_ISSUER_URL || undefined,
      testSuiteIssuer: e.DARI_VC_TEST_SUITE_ISSUER,
    },
    logLevel: e.LOG_LEVEL,
    atRiskInactiveDays: e.DARI_AT_RISK_INACTIVE_DAYS,
    announcementFillBatch: e.DARI_ANNOUNCEMENT_FILL_BATCH,
    auditRetentionDays: e.DARI_AUDIT_RETENTION_DAYS,
    version: process.env.npm_package_version ?? '0.1.0',
  };
}
