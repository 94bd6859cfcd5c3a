import { expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { loadConfig } from '../../src/app/config';
import { createLogger } from '../../src/app/logger';
import { describeCliEachDialect, runCli } from '../support/cli';
import { ADMIN_PASSWORD } from '../support/test-app';

describeCliEachDialect('rapport jobs', (databaseUrl) => {
  it('lists, shows and cancels a queued job; canceling it again exits 3 with job_not_queued', async () => {
    const config = loadConfig({ RAPPORT_DATABASE_URL: databaseUrl(), RAPPORT_ADMIN_PASSWORD: ADMIN_PASSWORD, RAPPORT_LOG_LEVEL: 'silent' });
    // an app that only queues, as a CLI command does: nothing runs the delayed job meanwhile
    const app = await createApp(config, createLogger(config), { runJobs: false });
    const id = await app.services.jobs.start('attachments_purge', {}, { createdBy: 'admin', startAfter: new Date(Date.now() + 3_600_000) });
    await app.close();

    const list = await runCli(['--json', 'jobs', 'list', '--status', 'queued'], { databaseUrl: databaseUrl() });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).items).toEqual([
      expect.objectContaining({ id, kind: 'attachments_purge', status: 'queued', attempts: 0 }),
    ]);
    const show = await runCli(['jobs', 'show', id], { databaseUrl: databaseUrl() });
    expect(show.stdout).toBe(`${id} attachments_purge queued 0/?\n`);
    const cancel = await runCli(['jobs', 'cancel', id], { databaseUrl: databaseUrl() });
    expect([cancel.code, cancel.stdout]).toEqual([0, `${id} attachments_purge canceled 0/?\n`]);
    const again = await runCli(['jobs', 'cancel', id], { databaseUrl: databaseUrl() });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('job_not_queued');
    const bad = await runCli(['jobs', 'list', '--status', 'done'], { databaseUrl: databaseUrl() });
    expect(bad.code).toBe(2);
    expect((await runCli(['jobs', 'show', 'missing'], { databaseUrl: databaseUrl() })).code).toBe(4);
  }, 120_000);
});
