import type { Kysely } from 'kysely';
import type { Job, JobKind, JobStatus } from '../../domain/job/job';
import type { JobStore } from '../../domain/job/job.store';
import type { Database, JobsTable } from './database';

const toJob = (r: JobsTable): Job => ({
  id: r.id,
  kind: r.kind as JobKind,
  status: r.status as JobStatus,
  done: Number(r.done),
  total: r.total === null ? null : Number(r.total),
  result: r.result === null ? null : JSON.parse(r.result),
  error: r.error === null ? null : JSON.parse(r.error),
  createdBy: r.created_by,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export function createJobStore(db: Kysely<Database>): JobStore {
  return {
    async insert(j) {
      await db
        .insertInto('jobs')
        .values({
          id: j.id,
          kind: j.kind,
          status: j.status,
          done: j.done,
          total: j.total,
          result: j.result === null ? null : JSON.stringify(j.result),
          error: j.error === null ? null : JSON.stringify(j.error),
          created_by: j.createdBy,
          created_at: j.createdAt,
          finished_at: j.finishedAt,
        })
        .execute();
    },
    async get(id) {
      const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toJob(r) : null;
    },
    async setRunning(id) {
      await db.updateTable('jobs').set({ status: 'running' }).where('id', '=', id).execute();
    },
    async finish(id, c) {
      await db
        .updateTable('jobs')
        .set({
          status: c.status,
          done: c.done,
          total: c.total,
          result: c.result === null || c.result === undefined ? null : JSON.stringify(c.result),
          error: c.error === null ? null : JSON.stringify(c.error),
          finished_at: c.finishedAt,
        })
        .where('id', '=', id)
        .execute();
    },
    async failInterrupted(at) {
      const error = JSON.stringify({ code: 'internal_error', status: 500, detail: 'The job was interrupted by a restart; nothing was changed.' });
      const r = await db
        .updateTable('jobs')
        .set({ status: 'failed', error, finished_at: at })
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}
