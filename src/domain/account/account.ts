export type Role = 'admin' | 'user' | 'viewer';

/** A signed-in account (api.md §3.1 `user`). */
export interface User {
  readonly username: string;
  readonly fullName: string | null;
  readonly role: Role;
  readonly salespersonCode: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface UserWithSecret extends User {
  readonly passwordHash: string;
}

export interface ApiToken {
  readonly id: number;
  readonly name: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface Session {
  readonly idHash: string;
  readonly username: string;
  readonly csrfToken: string;
  readonly lastUsedAt: string;
}

const RANK: Record<Role, number> = { viewer: 0, user: 1, admin: 2 };

/** Whether a user's role reaches the lowest role an action needs. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** Sessions expire 12 hours after their last use (api.md §3.1). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
