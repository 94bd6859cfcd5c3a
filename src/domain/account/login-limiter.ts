import type { Stores } from '../stores';
import type { UnitOfWork } from '../shared/unit-of-work';

/**
 * Failed sign-ins per username and per client address within a sliding 15-minute window. They
 * are rows in the database, so every server process sharing it counts the same attempts.
 */
export interface LoginLimiter {
  /** Seconds to wait when either key is over the limit, else 0. */
  retryAfter(username: string, address: string): Promise<number>;
  fail(username: string, address: string): Promise<void>;
}

export function createLoginLimiter(
  { uow, now }: { uow: UnitOfWork<Stores>; now: () => number },
  max = 10,
  windowMs = 15 * 60 * 1000,
): LoginLimiter {
  const subjects = (username: string, address: string) => [`u:${username}`, `a:${address}`];
  const since = (t: number) => new Date(t - windowMs).toISOString();
  return {
    async retryAfter(username, address) {
      const t = now();
      const waits = await uow.read(async (s) => {
        const out: number[] = [];
        for (const subject of subjects(username, address)) {
          const recent = await s.account.recentLoginFailures(subject, since(t), max);
          // the max-th newest failure leaves the window first
          const oldest = recent.length < max ? undefined : recent[max - 1];
          out.push(oldest === undefined ? 0 : Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - t) / 1000)));
        }
        return out;
      });
      return Math.max(0, ...waits);
    },
    async fail(username, address) {
      const t = now();
      await uow.transaction(async (s) => {
        await s.account.purgeLoginFailures(since(t));
        await s.account.addLoginFailures(subjects(username, address), new Date(t).toISOString());
      });
    },
  };
}
