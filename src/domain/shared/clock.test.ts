import { describe, expect, it } from 'vitest';
import { createClock } from './clock';

const at = (iso: string, tz = 'UTC') => createClock(tz, () => new Date(iso));

describe('clock', () => {
  it('rounds the time of interaction up to the whole minute', () => {
    expect(at('2026-03-01T10:15:01.000Z').timeRoundedUp()).toBe('10:16:00');
    expect(at('2026-03-01T10:15:00.000Z').timeRoundedUp()).toBe('10:15:00');
    expect(at('2026-03-01T10:15:00.200Z').timeRoundedUp()).toBe('10:16:00');
    expect(at('2026-03-01T10:59:30.000Z').timeRoundedUp()).toBe('11:00:00');
  });

  it('stays at 23:59:00 on the same date past the last minute', () => {
    const c = at('2026-03-01T23:59:30.000Z');
    expect(c.timeRoundedUp()).toBe('23:59:00');
    expect(c.today()).toBe('2026-03-01');
  });

  it('takes today and now in the configured time zone', () => {
    const berlin = at('2026-03-01T23:30:00.000Z', 'Europe/Berlin');
    expect(berlin.today()).toBe('2026-03-02');
    expect(berlin.timeNow()).toBe('00:30:00');
    const ny = at('2026-03-01T03:30:00.000Z', 'America/New_York');
    expect(ny.today()).toBe('2026-02-28');
  });
});
