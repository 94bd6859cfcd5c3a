import type { Kysely } from 'kysely';
import type { AccountStore } from '../../domain/account/account.store';
import type { Role, UserWithSecret } from '../../domain/account/account';
import type { Database, UsersTable } from './database';
import { fromFlag, toFlag } from './codec';
import { prepared, type Param } from './prepared';

const toUser = (r: UsersTable): UserWithSecret => ({
  username: r.username,
  fullName: r.full_name,
  role: r.role as Role,
  salespersonCode: r.salesperson_code,
  disabled: fromFlag(r.disabled),
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});

// Every authenticated request runs one of these two (one round trip: the token or session with
// its user), so they are compiled once.
const tokenWithUser = prepared((db, p: Param<{ hash: string }>) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.username', 't.username')
    .selectAll('u')
    .select(['t.id', 't.name', 't.created_at as token_created_at', 't.expires_at', 't.last_used_at'])
    .where('t.token_hash', '=', p('hash')),
);
const sessionWithUser = prepared((db, p: Param<{ idHash: string }>) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.username', 's.username')
    .selectAll('u')
    .select(['s.id_hash', 's.csrf_token', 's.last_used_at'])
    .where('s.id_hash', '=', p('idHash')),
);

export function createAccountStore(db: Kysely<Database>): AccountStore {
  return {
    async countUsers() {
      const r = await db
        .selectFrom('users')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async countEnabledAdmins() {
      const r = await db
        .selectFrom('users')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async findUser(username) {
      const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    async listUsers(after, limit) {
      let q = db.selectFrom('users').selectAll().orderBy('username').limit(limit);
      if (after !== null) q = q.where('username', '>', after);
      return (await q.execute()).map(toUser);
    },
    async insertUser(u) {
      await db
        .insertInto('users')
        .values({
          username: u.username,
          full_name: u.fullName,
          role: u.role,
          salesperson_code: u.salespersonCode,
          disabled: 0,
          password_hash: u.passwordHash,
          ui_language: null,
          created_at: u.createdAt,
        })
        .execute();
    },
    async updateUser(username, c) {
      const values = {
        ...(c.fullName !== undefined && { full_name: c.fullName }),
        ...(c.role !== undefined && { role: c.role }),
        ...(c.salespersonCode !== undefined && { salesperson_code: c.salespersonCode }),
        ...(c.disabled !== undefined && { disabled: toFlag(c.disabled) }),
        ...(c.passwordHash !== undefined && { password_hash: c.passwordHash }),
      };
      if (Object.keys(values).length) await db.updateTable('users').set(values).where('username', '=', username).execute();
    },
    async deleteUser(username) {
      await db.deleteFrom('sessions').where('username', '=', username).execute();
      await db.deleteFrom('api_tokens').where('username', '=', username).execute();
      await db.deleteFrom('users').where('username', '=', username).execute();
    },
    async insertSession(s) {
      await db
        .insertInto('sessions')
        .values({ id_hash: s.idHash, username: s.username, csrf_token: s.csrfToken, created_at: s.createdAt, last_used_at: s.lastUsedAt })
        .execute();
    },
    async findSessionWithUser(idHash) {
      const r = await sessionWithUser.first(db, { idHash });
      return r
        ? { session: { idHash: r.id_hash, username: r.username, csrfToken: r.csrf_token, lastUsedAt: r.last_used_at }, user: toUser(r) }
        : null;
    },
    async touchSession(idHash, at) {
      await db.updateTable('sessions').set({ last_used_at: at }).where('id_hash', '=', idHash).execute();
    },
    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteSessionsOf(username, exceptIdHash) {
      let q = db.deleteFrom('sessions').where('username', '=', username);
      if (exceptIdHash !== undefined) q = q.where('id_hash', '<>', exceptIdHash);
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async countActiveTokens(username, now) {
      const r = await db
        .selectFrom('api_tokens')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('username', '=', username)
        .where((e) => e.or([e('expires_at', 'is', null), e('expires_at', '>', now)]))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async recentLoginFailures(subject, since, limit) {
      const rows = await db
        .selectFrom('login_failures')
        .select('failed_at')
        .where('subject', '=', subject)
        .where('failed_at', '>', since)
        .orderBy('failed_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.failed_at);
    },
    async addLoginFailures(subjects, at) {
      await db
        .insertInto('login_failures')
        .values(subjects.map((subject) => ({ subject, failed_at: at })))
        .execute();
    },
    async purgeLoginFailures(before) {
      await db.deleteFrom('login_failures').where('failed_at', '<=', before).execute();
    },
    async insertToken(t) {
      const r = await db
        .insertInto('api_tokens')
        .values({
          username: t.username,
          name: t.name,
          token_hash: t.tokenHash,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          last_used_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(r.id), name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: null };
    },
    async findTokenWithUser(hash) {
      const r = await tokenWithUser.first(db, { hash });
      return r
        ? {
            token: {
              id: Number(r.id),
              username: r.username,
              name: r.name,
              createdAt: r.token_created_at,
              expiresAt: r.expires_at,
              lastUsedAt: r.last_used_at,
            },
            user: toUser(r),
          }
        : null;
    },
    async touchToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async listTokens(username, afterId, limit) {
      let q = db.selectFrom('api_tokens').selectAll().where('username', '=', username).orderBy('id').limit(limit);
      if (afterId !== null) q = q.where('id', '>', afterId);
      return (await q.execute()).map((r) => ({
        id: Number(r.id),
        name: r.name,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        lastUsedAt: r.last_used_at,
      }));
    },
    async deleteToken(username, id) {
      const r = await db.deleteFrom('api_tokens').where('username', '=', username).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
