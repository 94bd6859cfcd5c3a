import { dirname } from 'node:path';

/**
 * The configured database cannot be used at all (read-only, not creatable, unreachable, sign-in
 * refused): the server and every command stop with this one line and exit code 2, as for any
 * other bad setting, rather than with a stack trace.
 */
export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseStartError';
  }
}

/** The URL as it may be printed: without its password. */
function shown(url: string): string {
  if (url.startsWith('sqlite:')) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

type CodedError = Error & { code?: unknown; errors?: readonly { code?: unknown; message?: string }[] };

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const FILESYSTEM = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'ELOOP', 'ENAMETOOLONG']);

/** Why the SQLite database cannot be used, or null when the error is not about that. */
function sqliteCause(path: string, code: string, message: string): string | null {
  if (code === 'EEXIST' || code === 'ENOTDIR') return `its directory ${dirname(path)} cannot be created: a file is in the way (${message})`;
  if (FILESYSTEM.has(code)) return `its directory ${dirname(path)} cannot be created (${message})`;
  if (code.startsWith('SQLITE_READONLY'))
    return `the database file ${path} or its directory cannot be written by this process (${message})`;
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH')
    return `the database file ${path} cannot be opened or created (${message})`;
  if (code === 'SQLITE_NOTADB') return `${path} is not a SQLite database (${message})`;
  if (code.startsWith('SQLITE_CORRUPT')) return `the database file ${path} is damaged (${message})`;
  if (code === 'SQLITE_FULL') return `the disk holding ${path} is full (${message})`;
  if (code.startsWith('SQLITE_IOERR')) return `the database file ${path} cannot be read or written (${message})`;
  return null;
}

/** Why PostgreSQL cannot be used, or null when the error is not about that. */
function postgresCause(code: string, message: string): string | null {
  if (NETWORK.has(code)) return `PostgreSQL cannot be reached (${message})`;
  if (code.startsWith('28') || message.startsWith('SASL:')) return `PostgreSQL refused the sign-in (${message})`;
  if (code === '3D000') return `the database does not exist (${message})`;
  if (code === '42501') return `the database user lacks a privilege Rapport needs (${message})`;
  if (code === '25006') return `the database accepts no writes, e.g. a standby server (${message})`;
  if (code === '57P03') return `PostgreSQL is not accepting connections yet (${message})`;
  if (/connection timeout|timeout expired/i.test(message)) return `PostgreSQL cannot be reached (${message})`;
  return null;
}

/**
 * Names `RAPPORT_DATABASE_URL` and the cause when `err`, raised while opening or migrating the
 * database, says the database cannot be used; otherwise answers null and the error stays as it is.
 */
export function databaseStartError(url: string, err: unknown): DatabaseStartError | null {
  if (!(err instanceof Error)) return null;
  const e = err as CodedError;
  // a host name with several addresses fails with one error per address
  const inner = e.errors?.[0];
  const code = String(e.code ?? inner?.code ?? '');
  const message = (e.message || inner?.message || code).replace(/\s+/g, ' ').trim();
  const cause = url.startsWith('sqlite:')
    ? /directory does not exist/.test(message)
      ? `the directory of ${url.slice('sqlite:'.length)} does not exist (${message})`
      : sqliteCause(url.slice('sqlite:'.length), code, message)
    : postgresCause(code, message);
  return cause ? new DatabaseStartError(`RAPPORT_DATABASE_URL (${shown(url)}): ${cause}`) : null;
}
