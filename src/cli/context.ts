import type { Command } from 'commander';
import type { z } from 'zod';
import { createApp, type App } from '../app/create-app';
import { ConfigError, loadConfig } from '../app/config';
import { DatabaseStartError } from '../app/database-start-error';
import { createLogger } from '../app/logger';
import type { Principal } from '../domain/account/account.service';
import { idempotencyKey } from '../contract/common';
import { DomainError, invalid } from '../domain/shared/errors';
import { problem, statusOf } from '../edge/problem';
import { fieldErrors } from '../edge/zod-errors';
import { fingerprintOf, idempotently, type EquivalentRequest } from '../edge/idempotency';
import { ERROR_CATALOGUE, messageOf } from '../domain/shared/error-catalogue';
import pino from 'pino';

/** What a command gets: the app, the user named by --as, and output helpers. */
export interface CliContext {
  readonly app: App;
  readonly principal: Principal;
  readonly json: boolean;
  /** Prints the API-equivalent body with --json, else the readable text. */
  out(body: unknown, text: () => string): void;
}

export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Parses option values with a contract schema; bad values are `validation_failed` (exit 2). */
export function parseOptions<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw invalid(fieldErrors(r.error));
  return r.data;
}

function globals(cmd: Command): { json: boolean; as: string } {
  const o = cmd.optsWithGlobals() as { json?: boolean; as?: string };
  return { json: o.json === true, as: o.as ?? 'admin' };
}

/** How long a command waits for SQLite's write lock: longer than the largest job takes. */
const CLI_BUSY_TIMEOUT_MS = 10 * 60 * 1000;

/** Runs a command body with an opened app; maps errors to the exit codes of api.md §12.2. */
export async function run(cmd: Command, body: (ctx: CliContext) => Promise<void>, opts: { needsUser?: boolean } = {}): Promise<void> {
  const { json, as } = globals(cmd);
  let app: App | null = null;
  try {
    const config = loadConfig();
    // CLI logs go to standard error so standard output stays the command's answer.
    // a command only queues jobs: the servers run them; beside a running SQLite job (which holds
    // the write lock until it commits) a command's write waits for it rather than failing
    app = await createApp(config, createLogger(config, pino.destination(2)), { runJobs: false, busyTimeoutMs: CLI_BUSY_TIMEOUT_MS });
    const principal =
      opts.needsUser === false
        ? {
            user: { username: as, fullName: null, role: 'admin' as const, salespersonCode: null, disabled: false, createdAt: '' },
            csrfToken: null,
            via: 'cli' as const,
          }
        : await app.services.account.asUser(as).catch(() => {
            process.stderr.write(`error not_found: ${messageOf('not_found', `User ${as}`)}\n`);
            throw new CliExit(4);
          });
    await body({
      app,
      principal,
      json,
      out(value, text) {
        process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
      },
    });
  } catch (e) {
    if (e instanceof CliExit) {
      process.exitCode = e.exitCode;
    } else if (e instanceof ConfigError || e instanceof DatabaseStartError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = 2;
    } else if (e instanceof DomainError) {
      const { status, ...extra } = e.extra as { status?: number };
      const p = problem(e.code, e.detail, cmd.name(), extra, status ?? statusOf(e.code));
      if (json) process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
      else {
        process.stderr.write(`error ${e.code}: ${e.detail}\n`);
        for (const fe of e.extra.errors ?? []) process.stderr.write(`  ${fe.path || '(input)'}: ${fe.message}\n`);
      }
      process.exitCode = ERROR_CATALOGUE[e.code].exit;
    } else {
      process.stderr.write(`error internal_error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  } finally {
    await app?.close();
  }
}

/** A readable table for list output. */
export function table(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

/** Repeatable list options (`--comment a --comment b`). */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The signed-in actor a service needs: the `--as` user and its salesperson. */
export const actorOf = (ctx: CliContext) => ({
  username: ctx.principal.user.username,
  salespersonCode: ctx.principal.user.salespersonCode,
});

/** What a command answers, as the HTTP request it stands for would: status, Location and the like, body. */
export interface CommandAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
}

/**
 * `--idempotency-key` (api.md §1.6) with the HTTP implementation and fingerprint: `request` is the
 * HTTP request the command stands for, so a key used over HTTP is replayed here and the other way
 * round; another request with the key is refused. Answers the (stored or new) body.
 */
export async function idempotent(
  ctx: CliContext,
  key: unknown,
  request: EquivalentRequest,
  work: () => Promise<CommandAnswer>,
): Promise<unknown> {
  if (key === undefined) return (await work()).body;
  const k = parseOptions(idempotencyKey, key);
  const { answer } = await idempotently(
    ctx.app.services.idempotency,
    { username: ctx.principal.user.username, key: k, fingerprint: fingerprintOf(request) },
    async () => {
      const a = await work();
      return { status: a.status, headers: a.headers ?? {}, body: a.body === undefined ? null : JSON.stringify(a.body) };
    },
  );
  return answer?.body == null ? null : JSON.parse(answer.body);
}
