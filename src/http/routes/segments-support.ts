import type { Principal } from '../../domain/account/account.service';

// What the segment route files share: the base path, the OpenAPI tag, the actor and Location paths.

export const BASE = '/api/v1/segments';
export const tags = ['segments'];
export const actor = (p: Principal) => ({ username: p.user.username, salespersonCode: p.user.salespersonCode });
export const location = (no: string, ...rest: (string | number)[]) =>
  `${BASE}/${[no, ...rest].map((p) => encodeURIComponent(String(p))).join('/')}`;
