import type { Command } from 'commander';
import { z } from 'zod';
import { createTokenBody, createUserBody } from '../../contract/account';
import { randomSecret } from '../../domain/account/password';
import type { User } from '../../domain/account/account';
import { parseOptions, run, table } from '../context';

async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export function userCommands(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('add <username>')
    .description('create a user (POST /users)')
    .requiredOption('--role <role>', 'admin | user | viewer')
    .option('--password-stdin', 'read the password from standard input (first line)')
    .option('--full-name <name>', 'full name')
    .option('--salesperson <code>', 'linked salesperson')
    .action(async (username: string, o: { role: string; passwordStdin?: boolean; fullName?: string; salesperson?: string }, cmd: Command) =>
      run(
        cmd,
        async (ctx) => {
          const generated = o.passwordStdin ? null : randomSecret(12);
          const password = generated ?? (await readFirstLine());
          const body = parseOptions(createUserBody, {
            username,
            password,
            role: o.role,
            ...(o.fullName !== undefined && { fullName: o.fullName }),
            ...(o.salesperson !== undefined && { salespersonCode: o.salesperson }),
          });
          const created = await ctx.app.services.account.createUser(body);
          ctx.out(created, () => `user ${created.username} (${created.role}) created${generated ? `\npassword: ${generated}` : ''}`);
        },
        { needsUser: false },
      ),
    );
  user
    .command('list')
    .description('list users (GET /users)')
    .action(async (_o: unknown, cmd: Command) =>
      run(
        cmd,
        async (ctx) => {
          const items: User[] = [];
          let cursor: string | undefined;
          do {
            const p = await ctx.app.services.account.listUsers({ limit: 500, cursor });
            items.push(...p.items);
            cursor = p.nextCursor ?? undefined;
          } while (cursor);
          ctx.out({ items, nextCursor: null }, () =>
            table(items as never, ['username', 'role', 'fullName', 'salespersonCode', 'disabled']),
          );
        },
        { needsUser: false },
      ),
    );

  const token = program.command('token').description('manage API tokens');
  token
    .command('create <username>')
    .description('create an API token; prints only the token')
    .option('--name <name>', 'a name for the token')
    .option('--expires <instant>', 'expiry instant, e.g. 2027-01-01T00:00:00.000Z')
    .action(async (username: string, o: { name?: string; expires?: string }, cmd: Command) =>
      run(
        cmd,
        async (ctx) => {
          const body = parseOptions(createTokenBody, {
            ...(o.name !== undefined && { name: o.name }),
            ...(o.expires !== undefined && { expiresAt: o.expires }),
          });
          const created = await ctx.app.services.account.createToken(username.trim().toLowerCase(), body);
          ctx.out(created, () => created.token);
        },
        { needsUser: false },
      ),
    );
  token
    .command('revoke <username> <id>')
    .description('revoke an API token')
    .action(async (username: string, id: string, _o: unknown, cmd: Command) =>
      run(
        cmd,
        async (ctx) => {
          const n = parseOptions(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number), id);
          await ctx.app.services.account.revokeToken(username.trim().toLowerCase(), n);
          ctx.out({}, () => `token ${n} revoked`);
        },
        { needsUser: false },
      ),
    );
}
