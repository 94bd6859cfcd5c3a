/** Failed sign-ins per username and per client address within a sliding 15-minute window. */
export interface LoginLimiter {
  /** Seconds to wait when either key is over the limit, else 0. */
  retryAfter(username: string, address: string): number;
  fail(username: string, address: string): void;
}

export function createLoginLimiter(now: () => number, max = 10, windowMs = 15 * 60 * 1000): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const t = now();
    const list = (failures.get(key) ?? []).filter((at) => t - at < windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  const wait = (key: string) => {
    const list = recent(key);
    if (list.length < max) return 0;
    return Math.max(1, Math.ceil((list[list.length - max]! + windowMs - now()) / 1000));
  };
  return {
    retryAfter: (username, address) => Math.max(wait(`u:${username}`), wait(`a:${address}`)),
    fail(username, address) {
      for (const key of [`u:${username}`, `a:${address}`]) failures.set(key, [...recent(key), now()]);
    },
  };
}
