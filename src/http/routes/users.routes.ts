import { z } from 'zod';
import type { App } from '../../app/create-app';
import type { Principal } from '../../domain/account/account.service';
import { fail } from '../../domain/shared/errors';
import {
  createTokenBody,
  createUserBody,
  patchedUserOut,
  patchUserBody,
  tokenCreatedOut,
  tokenOut,
  userOut,
  usernameParams,
} from '../../contract/account';
import { listQuery, page } from '../../contract/common';
import { answer, type Router } from '../route';

const forbidden = () => fail('forbidden');
const adminOrSelf = (p: Principal, username: string) => {
  if (p.user.role !== 'admin' && p.user.username !== username) throw forbidden();
};

export function userRoutes(r: Router, app: App) {
  const account = app.services.account;
  const tags = ['users'];

  r.route({
    method: 'GET',
    url: '/api/v1/users',
    access: 'admin',
    summary: 'List users',
    tags,
    query: z.strictObject(listQuery),
    response: page(userOut),
    handler: ({ query }) => account.listUsers({ limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/users',
    access: 'admin',
    summary: 'Create a user',
    tags,
    body: createUserBody,
    response: userOut,
    status: 201,
    async handler({ body }) {
      const user = await account.createUser(body);
      return answer(201, user, { Location: `/api/v1/users/${encodeURIComponent(user.username)}` });
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/users/:username',
    access: 'viewer',
    summary: 'One user (admin, or the user itself)',
    tags,
    params: usernameParams,
    response: userOut,
    async handler({ params, principal }) {
      adminOrSelf(principal, params.username);
      return account.getUser(params.username);
    },
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/users/:username',
    access: 'viewer',
    summary: 'Change a user (the user itself: only password and fullName); a new password ends the other sessions',
    tags,
    params: usernameParams,
    body: patchUserBody,
    response: patchedUserOut,
    async handler({ params, body, principal }) {
      adminOrSelf(principal, params.username);
      if (principal.user.role !== 'admin' && (body.role !== undefined || body.salespersonCode !== undefined || body.disabled !== undefined))
        throw forbidden();
      // the request's own session stays when users change their own password
      const keep = principal.user.username === params.username ? principal.sessionIdHash : undefined;
      return account.updateUser(params.username, body, { keepSessionIdHash: keep });
    },
  });
  r.route({
    method: 'DELETE',
    url: '/api/v1/users/:username',
    access: 'admin',
    summary: 'Delete a user with its sessions and tokens',
    tags,
    params: usernameParams,
    status: 204,
    async handler({ params }) {
      await account.deleteUser(params.username);
      return answer(204);
    },
  });
  r.route({
    method: 'POST',
    url: '/api/v1/users/:username/tokens',
    access: 'viewer',
    summary: 'Create an API token (shown only in this answer)',
    tags,
    params: usernameParams,
    body: createTokenBody,
    response: tokenCreatedOut,
    status: 201,
    async handler({ params, body, principal }) {
      adminOrSelf(principal, params.username);
      return answer(201, await account.createToken(params.username, body));
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/users/:username/tokens',
    access: 'viewer',
    summary: "List a user's API tokens",
    tags,
    params: usernameParams,
    query: z.strictObject(listQuery),
    response: page(tokenOut),
    async handler({ params, query, principal }) {
      adminOrSelf(principal, params.username);
      return account.listTokens(params.username, { limit: query.limit ?? 50, cursor: query.cursor });
    },
  });
  r.route({
    method: 'DELETE',
    url: '/api/v1/users/:username/tokens/:id',
    access: 'viewer',
    summary: 'Revoke an API token',
    tags,
    params: z.strictObject({
      username: usernameParams.shape.username,
      id: z
        .string()
        .regex(/^\d{1,15}$/, 'must be a whole number')
        .transform(Number),
    }),
    status: 204,
    async handler({ params, principal }) {
      adminOrSelf(principal, params.username);
      await account.revokeToken(params.username, params.id);
      return answer(204);
    },
  });
}
