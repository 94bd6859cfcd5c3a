import type { ApiToken, Role, Session, User, UserWithSecret } from './account';

export interface NewUser {
  readonly username: string;
  readonly fullName: string | null;
  readonly role: Role;
  readonly salespersonCode: string | null;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface UserChanges {
  readonly fullName?: string | null;
  readonly role?: Role;
  readonly salespersonCode?: string | null;
  readonly disabled?: boolean;
  readonly passwordHash?: string;
}

/** What accounts need from storage. */
export interface AccountStore {
  countUsers(): Promise<number>;
  countEnabledAdmins(): Promise<number>;
  findUser(username: string): Promise<UserWithSecret | null>;
  listUsers(after: string | null, limit: number): Promise<User[]>;
  insertUser(user: NewUser): Promise<void>;
  updateUser(username: string, changes: UserChanges): Promise<void>;
  deleteUser(username: string): Promise<void>;

  insertSession(session: Session & { createdAt: string }): Promise<void>;
  /** The session and its user, or null when either is gone. */
  findSessionWithUser(idHash: string): Promise<{ session: Session; user: UserWithSecret } | null>;
  touchSession(idHash: string, lastUsedAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends the user's sessions (all but `exceptIdHash` when given); answers how many ended. */
  deleteSessionsOf(username: string, exceptIdHash?: string): Promise<number>;
  /** The user's tokens that are not expired at `now`. */
  countActiveTokens(username: string, now: string): Promise<number>;

  /** The newest failed sign-ins of a subject (`u:<name>` or `a:<address>`) after `since`, newest first. */
  recentLoginFailures(subject: string, since: string, limit: number): Promise<string[]>;
  addLoginFailures(subjects: readonly string[], at: string): Promise<void>;
  purgeLoginFailures(before: string): Promise<void>;

  insertToken(t: {
    username: string;
    name: string | null;
    tokenHash: string;
    createdAt: string;
    expiresAt: string | null;
  }): Promise<ApiToken>;
  /** The token and its user, or null when either is gone. */
  findTokenWithUser(tokenHash: string): Promise<{ token: ApiToken & { username: string }; user: UserWithSecret } | null>;
  touchToken(id: number, lastUsedAt: string): Promise<void>;
  listTokens(username: string, afterId: number | null, limit: number): Promise<ApiToken[]>;
  deleteToken(username: string, id: number): Promise<boolean>;
}
