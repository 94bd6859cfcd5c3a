import { z } from 'zod';

/** The only reader of process.env: every setting Rapport understands, validated once at start. */
export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly timeZone: string;
  readonly adminPassword: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly smtpUrl: string | null;
  /**
   * Whether the client address, protocol and host follow a proxy's X-Forwarded-* headers:
   * false (default), true (any proxy), a number of proxy hops, or the proxies' addresses/CIDRs.
   */
  readonly trustProxy?: boolean | number | readonly string[];
  /** Seconds a running job's instance may stay silent before another instance takes the job again. */
  readonly jobLeaseSeconds?: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const schema = {
  RAPPORT_DATABASE_URL: z
    .string()
    .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), 'must be sqlite:<path> or postgres://…'),
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().min(1),
  RAPPORT_TZ: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  RAPPORT_ADMIN_PASSWORD: z.string().min(8, 'must have at least 8 characters').max(200),
  RAPPORT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  RAPPORT_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600),
  RAPPORT_SMTP_URL: z.string().refine((v) => /^smtps?:\/\/.+/.test(v), 'must be smtp://[user:pass@]host:port or smtps://…'),
  RAPPORT_TRUST_PROXY: z
    .string()
    .trim()
    .refine(
      (v) => /^(true|false|\d{1,2})$/i.test(v) || v.split(',').every((a) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a.trim())),
      'must be true, false, a number of proxy hops or a comma-separated list of proxy addresses (CIDR allowed)',
    )
    .transform((v): boolean | number | string[] =>
      /^true$/i.test(v) ? true : /^false$/i.test(v) ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((a) => a.trim()),
    ),
} as const;

function read<K extends keyof typeof schema>(env: NodeJS.ProcessEnv, key: K, fallback?: string): z.output<(typeof schema)[K]> | undefined {
  const raw = env[key];
  const value = raw === undefined || raw === '' ? fallback : raw;
  if (value === undefined) return undefined;
  const parsed = schema[key].safeParse(value);
  if (!parsed.success) throw new ConfigError(key, parsed.error.issues[0]?.message ?? 'invalid value');
  return parsed.data as z.output<(typeof schema)[K]>;
}

/** Reads and validates the configuration; throws ConfigError naming the variable on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: read(env, 'RAPPORT_DATABASE_URL', 'sqlite:./data/rapport.db')!,
    port: read(env, 'PORT', '3000')!,
    host: read(env, 'HOST', '127.0.0.1')!,
    timeZone: read(env, 'RAPPORT_TZ', 'UTC')!,
    adminPassword: read(env, 'RAPPORT_ADMIN_PASSWORD') ?? null,
    logLevel: read(env, 'RAPPORT_LOG_LEVEL', 'info')!,
    smtpUrl: read(env, 'RAPPORT_SMTP_URL') ?? null,
    trustProxy: read(env, 'RAPPORT_TRUST_PROXY', 'false')!,
    jobLeaseSeconds: read(env, 'RAPPORT_JOB_LEASE_SECONDS', '30')!,
  };
}

/** Test-only settings (PostgreSQL server for the contract suites). */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env['RAPPORT_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Whether this run is CI, where no suite may be skipped. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['CI'] === 'true' || env['CI'] === '1';
}
