import type { Stores } from '../stores';
import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, invalid, notFound, fail, failWith } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import { SESSION_IDLE_MS, type ApiToken, type Role, type User } from './account';
import { createLoginLimiter } from './login-limiter';
import { hashPassword, randomSecret, sha256, verifyPassword } from './password';

export interface Principal {
  readonly user: User;
  /** The session's CSRF token; null when authenticated by a bearer token. */
  readonly csrfToken: string | null;
  readonly via: 'session' | 'token' | 'cli';
  /** The hash of the session's id when signed in by a session (kept when its user changes the password). */
  readonly sessionIdHash?: string;
}

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  fullName?: string | null | undefined;
  salespersonCode?: string | null | undefined;
}

export interface UserPatch {
  password?: string | undefined;
  role?: Role | undefined;
  fullName?: string | null | undefined;
  salespersonCode?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** A changed user; after a new password, how many other sessions ended and how many API tokens stay valid. */
export type UpdatedUser = User & { readonly sessionsEnded?: number; readonly tokensKept?: number };

const unauthenticated = () => fail('unauthenticated');
const wrongLogin = () => fail('unauthenticated', 'wrong_login');

// A hash of no one's password: an unknown or disabled user's sign-in runs scrypt against it, so
// that it takes as long as a known user's and the answer's time does not tell which names exist.
const DUMMY_HASH = 'scrypt$32768$8$1$j3S9f+SclYDfXzi8dKX7oQ==$UldfBkmWwUmPm02POl5geTjcLZ+2gVnttBtDHASmD1g=';

export function createAccountService({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }) {
  const limiter = createLoginLimiter({ uow, now: () => clock.now().getTime() });
  const iso = () => clock.now().toISOString();
  const publicUser = (u: User): User => ({
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    salespersonCode: u.salespersonCode,
    disabled: u.disabled,
    createdAt: u.createdAt,
  });

  async function mustUser(s: Stores, username: string) {
    const u = await s.account.findUser(username);
    if (!u) throw notFound.generic();
    return u;
  }

  async function checkSalesperson(s: Stores, code: string | null | undefined) {
    if (code && !(await s.salespeople.get(code))) throw notFound.salesperson(code);
  }

  return {
    /** Signs in; answers the session's secret id (for the cookie) and its CSRF token. */
    async login(username: string, password: string, address: string) {
      const name = username.trim().toLowerCase();
      const wait = await limiter.retryAfter(name, address);
      if (wait > 0) throw failWith('rate_limited', { retryAfter: wait }, wait);
      const user = await uow.read((s) => s.account.findUser(name));
      const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      const ok = matches && user !== null && !user.disabled;
      if (!ok || !user) {
        await limiter.fail(name, address);
        throw wrongLogin();
      }
      const sessionId = randomSecret();
      const csrfToken = randomSecret(24);
      const now = iso();
      await uow.transaction((s) =>
        s.account.insertSession({ idHash: sha256(sessionId), username: user.username, csrfToken, createdAt: now, lastUsedAt: now }),
      );
      return { sessionId, csrfToken, user: publicUser(user) };
    },

    async logout(sessionId: string) {
      await uow.transaction((s) => s.account.deleteSession(sha256(sessionId)));
    },

    /** Authenticates a bearer token or a session cookie; the token wins when both are sent. */
    async authenticate(creds: { bearer?: string | undefined; sessionId?: string | undefined }): Promise<Principal> {
      const nowMs = clock.now().getTime();
      if (creds.bearer !== undefined) {
        const found = await uow.read((s) => s.account.findTokenWithUser(sha256(creds.bearer!)));
        if (!found || (found.token.expiresAt !== null && Date.parse(found.token.expiresAt) <= nowMs)) throw unauthenticated();
        if (found.user.disabled) throw unauthenticated();
        // last use is written at most once a minute to spare a write per request
        if (!found.token.lastUsedAt || nowMs - Date.parse(found.token.lastUsedAt) > 60_000)
          await uow.transaction((s) => s.account.touchToken(found.token.id, iso()));
        return { user: publicUser(found.user), csrfToken: null, via: 'token' as const };
      }
      if (creds.sessionId !== undefined) {
        const idHash = sha256(creds.sessionId);
        const found = await uow.read((s) => s.account.findSessionWithUser(idHash));
        if (!found) throw unauthenticated();
        const idle = nowMs - Date.parse(found.session.lastUsedAt);
        if (idle > SESSION_IDLE_MS) {
          await uow.transaction((s) => s.account.deleteSession(idHash));
          throw unauthenticated();
        }
        if (found.user.disabled) throw unauthenticated();
        if (idle > 60_000) await uow.transaction((s) => s.account.touchSession(idHash, iso()));
        return { user: publicUser(found.user), csrfToken: found.session.csrfToken, via: 'session' as const, sessionIdHash: idHash };
      }
      throw unauthenticated();
    },

    /** The user named by the CLI's --as (full rights, no password). */
    async asUser(username: string): Promise<Principal> {
      const user = await uow.read((s) => s.account.findUser(username.trim().toLowerCase()));
      if (!user) throw fail('not_found', `User ${username}`);
      return { user: publicUser(user), csrfToken: null, via: 'cli' };
    },

    async listUsers({ limit, cursor }: { limit: number; cursor?: string | undefined }): Promise<Page<User>> {
      return uow.read(async (s) => {
        const after = decodeCursor(cursor, 'users');
        const rows = await s.account.listUsers((after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows.map(publicUser), limit, (u) => [u.username], 'users');
      });
    },

    async getUser(username: string): Promise<User> {
      return uow.read(async (s) => publicUser(await mustUser(s, username)));
    },

    async createUser(input: NewUserInput): Promise<User> {
      const passwordHash = await hashPassword(input.password);
      return uow.transaction(async (s) => {
        if (await s.account.findUser(input.username)) throw duplicate('User', input.username);
        await checkSalesperson(s, input.salespersonCode);
        await s.account.insertUser({
          username: input.username,
          fullName: input.fullName ?? null,
          role: input.role,
          salespersonCode: input.salespersonCode ?? null,
          passwordHash,
          createdAt: iso(),
        });
        return publicUser(await mustUser(s, input.username));
      });
    },

    /**
     * Changes a user. A new password ends the user's other sessions (all of them when someone else
     * sets it; `keepSessionIdHash` is the session of the request); API tokens stay valid until
     * revoked, and the answer counts both.
     */
    async updateUser(username: string, patch: UserPatch, opts: { keepSessionIdHash?: string | undefined } = {}): Promise<UpdatedUser> {
      const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
      return uow.transaction(async (s) => {
        const before = await mustUser(s, username);
        await checkSalesperson(s, patch.salespersonCode);
        const losesAdmin =
          before.role === 'admin' && !before.disabled && ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
        if (losesAdmin && (await s.account.countEnabledAdmins()) <= 1)
          throw invalid([{ path: patch.disabled === true ? 'disabled' : 'role', message: 'would remove the last enabled admin' }]);
        await s.account.updateUser(username, {
          ...(patch.fullName !== undefined && { fullName: patch.fullName }),
          ...(patch.role !== undefined && { role: patch.role }),
          ...(patch.salespersonCode !== undefined && { salespersonCode: patch.salespersonCode }),
          ...(patch.disabled !== undefined && { disabled: patch.disabled }),
          ...(passwordHash !== undefined && { passwordHash }),
        });
        if (patch.disabled === true) await s.account.deleteSessionsOf(username);
        const user = publicUser(await mustUser(s, username));
        if (passwordHash === undefined) return user;
        const sessionsEnded = await s.account.deleteSessionsOf(username, opts.keepSessionIdHash);
        return { ...user, sessionsEnded, tokensKept: await s.account.countActiveTokens(username, iso()) };
      });
    },

    async deleteUser(username: string): Promise<void> {
      await uow.transaction(async (s) => {
        const before = await mustUser(s, username);
        if (before.role === 'admin' && !before.disabled && (await s.account.countEnabledAdmins()) <= 1)
          throw invalid([{ path: 'params.username', message: 'is the last enabled admin' }]);
        await s.account.deleteUser(username);
      });
    },

    async createToken(username: string, input: { name?: string | null | undefined; expiresAt?: string | null | undefined }) {
      const token = `rpt_${randomSecret()}`;
      const created = await uow.transaction(async (s) => {
        await mustUser(s, username);
        return s.account.insertToken({
          username,
          name: input.name ?? null,
          tokenHash: sha256(token),
          createdAt: iso(),
          expiresAt: input.expiresAt ?? null,
        });
      });
      return { id: created.id, token, name: created.name, createdAt: created.createdAt, expiresAt: created.expiresAt };
    },

    async listTokens(username: string, { limit, cursor }: { limit: number; cursor?: string | undefined }): Promise<Page<ApiToken>> {
      return uow.read(async (s) => {
        await mustUser(s, username);
        const scope = ['tokens', username];
        const after = decodeCursor(cursor, scope);
        const rows = await s.account.listTokens(username, (after?.[0] as number | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (t) => [t.id], scope);
      });
    },

    async revokeToken(username: string, id: number): Promise<void> {
      await uow.transaction(async (s) => {
        await mustUser(s, username);
        if (!(await s.account.deleteToken(username, id))) throw notFound.generic();
      });
    },

    /** First start with no users: create `admin`; answers the generated password when none was configured. */
    async bootstrapAdmin(configured: string | null): Promise<{ created: boolean; generatedPassword: string | null }> {
      if ((await uow.read((s) => s.account.countUsers())) > 0) return { created: false, generatedPassword: null };
      const password = configured ?? randomSecret(12);
      const passwordHash = await hashPassword(password);
      // several processes may start on one empty database at once: the one whose insert loses
      // finds the admin the other created
      const created = await uow
        .transaction(async (s) => {
          if ((await s.account.countUsers()) > 0) return false;
          await s.account.insertUser({
            username: 'admin',
            fullName: 'Administrator',
            role: 'admin',
            salespersonCode: null,
            passwordHash,
            createdAt: iso(),
          });
          return true;
        })
        .catch(async (e: unknown) => {
          if ((await uow.read((s) => s.account.countUsers())) > 0) return false;
          throw e;
        });
      return { created, generatedPassword: created && configured === null ? password : null };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
