import type { Command } from 'commander';
import { jobStatus } from '../../contract/common';
import type { Job } from '../../domain/job/job';
import { parseOptions, run, table } from '../context';

const shown = ({ createdBy: _c, ...job }: Job) => job;
const line = (j: Job) => `${j.id} ${j.kind} ${j.status} ${j.done}/${j.total ?? '?'}${j.error ? ` ${j.error.code}: ${j.error.detail}` : ''}`;

/** Background jobs (GET /jobs, GET /jobs/{id}, POST /jobs/{id}/cancel); a command never runs them. */
export function jobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('list, show and cancel background jobs');
  jobs
    .command('list')
    .description('list jobs, newest first (GET /jobs)')
    .option('--status <status>', 'queued | running | succeeded | failed | canceled')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (o: { status?: string; limit: string }, cmd: Command) =>
      run(cmd, async (ctx) => {
        const status = o.status === undefined ? undefined : parseOptions(jobStatus, o.status);
        const p = await ctx.app.services.jobs.list({ limit: Math.max(1, Math.min(500, Number(o.limit) || 50)), ...(status && { status }) });
        const items = p.items.map(shown);
        ctx.out({ items, nextCursor: p.nextCursor }, () =>
          table(items as never, ['id', 'kind', 'status', 'done', 'total', 'createdAt', 'finishedAt']),
        );
      }),
    );
  jobs
    .command('show <id>')
    .description('a job and its stored progress (GET /jobs/{id})')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      run(cmd, async (ctx) => {
        const job = await ctx.app.services.jobs.get(id, ctx.principal.user);
        ctx.out(shown(job), () => line(job));
      }),
    );
  jobs
    .command('cancel <id>')
    .description('cancel a queued job (POST /jobs/{id}/cancel)')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      run(cmd, async (ctx) => {
        const job = await ctx.app.services.jobs.cancel(id, ctx.principal.user);
        ctx.out(shown(job), () => line(job));
      }),
    );
}
