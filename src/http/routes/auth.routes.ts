import type { FastifyReply } from 'fastify';
import type { App } from '../../app/create-app';
import { loginBody, sessionOut } from '../../contract/account';
import { answer, CSRF_COOKIE, SESSION_COOKIE, type Router } from '../route';

export function authRoutes(r: Router, app: App) {
  const cookieOpts = (secure: boolean, httpOnly: boolean) => ({ path: '/', sameSite: 'lax' as const, httpOnly, secure });
  const clear = (reply: FastifyReply, secure: boolean) => {
    reply.clearCookie(SESSION_COOKIE, cookieOpts(secure, true));
    reply.clearCookie(CSRF_COOKIE, cookieOpts(secure, false));
  };

  r.route({
    method: 'POST',
    url: '/api/v1/auth/login',
    access: 'public',
    summary: 'Sign in; sets the session and CSRF cookies',
    tags: ['auth'],
    body: loginBody,
    response: sessionOut,
    idempotent: false,
    csrf: false,
    async handler({ body, request, reply }) {
      const { sessionId, csrfToken, user } = await app.services.account.login(body.username, body.password, request.ip);
      const secure = request.protocol === 'https';
      reply.setCookie(SESSION_COOKIE, sessionId, cookieOpts(secure, true));
      reply.setCookie(CSRF_COOKIE, csrfToken, cookieOpts(secure, false));
      return { user, csrfToken };
    },
  });

  r.route({
    method: 'POST',
    url: '/api/v1/auth/logout',
    access: 'any',
    summary: 'Sign out: deletes the session and clears the cookies',
    tags: ['auth'],
    idempotent: false,
    status: 204,
    async handler({ request, reply }) {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await app.services.account.logout(sessionId);
      clear(reply, request.protocol === 'https');
      return answer(204);
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/auth/me',
    access: 'any',
    summary: 'The signed-in user and the CSRF token of the session',
    tags: ['auth'],
    response: sessionOut,
    async handler({ principal }) {
      return { user: principal.user, csrfToken: principal.csrfToken };
    },
  });
}
