import { z } from 'zod';
import { code20, instant, role, text } from './common';

export const username = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9._-]{1,50}$/, 'must be 1–50 characters of a-z 0-9 . _ -'));
export const password = z.string().min(8, 'must have at least 8 characters').max(200, 'must have at most 200 characters');

export const userOut = z.object({
  username: z.string(),
  fullName: z.string().nullable(),
  role,
  salespersonCode: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: instant,
});

/** PATCH /users/{username}: with a new password, the other sessions ended and the tokens that stay valid until revoked. */
export const patchedUserOut = userOut.extend({
  sessionsEnded: z.number().int().optional(),
  tokensKept: z.number().int().optional(),
});

export const loginBody = z.strictObject({ username: z.string().max(200), password: z.string().max(200) });
export const sessionOut = z.object({ user: userOut, csrfToken: z.string().nullable() });

export const createUserBody = z.strictObject({
  username,
  password,
  role,
  fullName: text(100).optional(),
  salespersonCode: code20().optional(),
});
export const patchUserBody = z.strictObject({
  password: password.optional(),
  role: role.optional(),
  fullName: text(100).optional(),
  salespersonCode: code20().optional(),
  disabled: z.boolean().optional(),
});
export const usernameParams = z.strictObject({ username });

export const createTokenBody = z.strictObject({
  name: text(100).optional(),
  expiresAt: z.iso.datetime({ message: 'must be an instant such as 2026-11-28T14:30:12.345Z' }).nullable().optional(),
});
export const tokenCreatedOut = z.object({
  id: z.number().int(),
  token: z.string(),
  name: z.string().nullable(),
  createdAt: instant,
  expiresAt: instant.nullable(),
});
export const tokenOut = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  createdAt: instant,
  expiresAt: instant.nullable(),
  lastUsedAt: instant.nullable(),
});
