import { expect, it } from 'vitest';
import type { App } from '../../src/app/create-app';
import { describePerDialect, startTestEnv, type TestEnv } from '../support/test-app';
import { secondInstance, waitFor } from './job-support';

const scheduledJobs = (app: App) =>
  app.database.db.selectFrom('jobs').selectAll().where('created_by', '=', 'system').where('kind', '=', 'idempotency_keys_purge').execute();

describePerDialect(
  'scheduled jobs',
  async (dialect) => {
    const env = await startTestEnv(dialect);
    // a second instance on the same database, checking the schedules every second
    const other = await secondInstance(env.app.config, { cronCheckSeconds: 1 });
    return { env, other };
  },
  async ({ env, other }) => {
    await other.close();
    await env.stop();
  },
  (get, dialect) => {
    it('runs each firing of a schedule once, on one of two instances, until it is unscheduled', async () => {
      const { env, other }: { env: TestEnv; other: App } = get();
      if (dialect === 'sqlite') {
        await env.app.services.jobs.schedule('purge-test', '0 0 1 1 *', 'idempotency_keys_purge', {});
        const row = await env.app.database.db
          .selectFrom('job_schedules')
          .selectAll()
          .where('name', '=', 'purge-test')
          .executeTakeFirstOrThrow();
        expect(new Date(row.next_run_at).getTime()).toBeGreaterThan(Date.now());
        // the next new year is far: make the firing due now
        await env.app.database.db
          .updateTable('job_schedules')
          .set({ next_run_at: new Date(Date.now() - 1000).toISOString() })
          .execute();
      } else {
        // pg-boss fires a schedule at most once a minute; every minute is due at once
        await other.services.jobs.schedule('purge-test', '* * * * *', 'idempotency_keys_purge', {});
      }
      const [job] = await waitFor('a scheduled job', async () => {
        const jobs = await scheduledJobs(env.app);
        return jobs.some((j) => j.status === 'succeeded') ? jobs : undefined;
      });
      expect(job).toMatchObject({ status: 'succeeded', result: JSON.stringify({ deleted: 0 }) });
      // both instances kept checking the schedule for a few rounds
      await new Promise((r) => setTimeout(r, 3000));
      expect(await scheduledJobs(env.app)).toHaveLength(1);
      await env.app.services.jobs.unschedule('purge-test');
      if (dialect === 'sqlite') expect(await env.app.database.db.selectFrom('job_schedules').selectAll().execute()).toEqual([]);
    }, 90_000);

    it('refuses an expression that is not cron', async () => {
      await expect(get().env.app.services.jobs.schedule('bad', 'every hour', 'attachments_purge', {})).rejects.toThrow();
    });
  },
);
