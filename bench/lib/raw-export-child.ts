import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { closeRaw, openRaw } from './databases';

// The raw driver's CSV export, in its own process so that its peak memory can be read: every
// non-postponed entry with its contact names, newest first, streamed to /dev/null as CSV.
// argv: database URL.

const [url] = process.argv.slice(2);
if (!url || !process.send) throw new Error('usage: fork raw-export-child.ts <database url>');

const QUERY = `select e.*, (select c.name from contacts c where c.no = e.contact_no) as contact_name,
  (select k.name from contacts k where k.no = e.contact_company_no) as contact_company_name
  from interaction_log_entries e where e.postponed = 0 order by e.entry_no desc`;

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const out = createWriteStream('/dev/null');
let header = true;
let rows = 0;
async function write(row: Record<string, unknown>): Promise<void> {
  if (header) {
    header = false;
    out.write(`${Object.keys(row).join(',')}\r\n`);
  }
  rows++;
  if (!out.write(`${Object.values(row).map(cell).join(',')}\r\n`)) await once(out, 'drain');
}

const raw = openRaw(url);
const start = performance.now();
if (raw.dialect === 'sqlite') {
  for (const row of raw.db.prepare(QUERY).iterate()) await write(row as Record<string, unknown>);
} else {
  const client = await raw.pool.connect();
  await client.query('begin');
  await client.query(`declare entries no scroll cursor for ${QUERY}`);
  for (;;) {
    const { rows: batch } = await client.query('fetch 1000 from entries');
    if (!batch.length) break;
    for (const row of batch) await write(row as Record<string, unknown>);
  }
  await client.query('commit');
  client.release();
}
out.end();
await once(out, 'finish');
const seconds = (performance.now() - start) / 1000;
await closeRaw(raw);
process.send({ rows, seconds, maxRssKb: process.resourceUsage().maxRSS }, () => process.exit(0));
