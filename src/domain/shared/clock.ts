/** "Today" and "now" in the configured time zone (decision c). */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date, YYYY-MM-DD, in the configured zone. */
  today(): string;
  /** The current time HH:MM:SS in the configured zone, to the second. */
  timeNow(): string;
  /** The current time rounded up to the whole minute (`10:15:01` → `10:16:00`; never past 23:59:00). */
  timeRoundedUp(): string;
}

export function createClock(timeZone: string, source: () => Date = () => new Date()): Clock {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
  // formatting in a time zone costs more than the rest of a request's clock use: the parts of the
  // last second asked are kept, as every request within that second asks for the same
  let last: { second: number; parts: Parts } | null = null;
  const parts = (d: Date): Parts => {
    const second = Math.floor(d.getTime() / 1000);
    if (last?.second === second) return last.parts;
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(d)) p[part.type] = part.value;
    last = { second, parts: p as Parts };
    return last.parts;
  };
  return {
    now: source,
    today() {
      const p = parts(source());
      return `${p.year}-${p.month}-${p.day}`;
    },
    timeNow() {
      const p = parts(source());
      return `${p.hour}:${p.minute}:${p.second}`;
    },
    timeRoundedUp() {
      const d = source();
      const p = parts(d);
      let h = Number(p.hour);
      let m = Number(p.minute);
      if (Number(p.second) > 0 || d.getUTCMilliseconds() > 0) m += 1;
      if (m === 60) {
        m = 0;
        h += 1;
      }
      // as settled: past 23:59 the time stays 23:59:00 on the same date
      if (h === 24) return '23:59:00';
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
    },
  };
}
