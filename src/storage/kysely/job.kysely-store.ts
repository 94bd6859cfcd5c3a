import { sql, type Kysely } from 'kysely';
import type { JobKind, JobStatus, StoredJob } from '../../domain/job/job';
import type { JobStore } from '../../domain/job/job.store';
import type { Database, JobsTable } from './database';

const json = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

const toJob = (r: JobsTable): StoredJob => ({
  id: r.id,
  kind: r.kind as JobKind,
  status: r.status as JobStatus,
  done: Number(r.done),
  total: r.total === null ? null : Number(r.total),
  result: json(r.result),
  error: json(r.error) as StoredJob['error'],
  createdBy: r.created_by,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  attempts: Number(r.attempts),
  startAfter: r.run_after,
  payload: json(r.payload),
  maxAttempts: Number(r.max_attempts),
  owner: r.owner,
  heartbeatAt: r.heartbeat_at,
});

export function createJobStore(db: Kysely<Database>): JobStore {
  const claimed = (id: string, owner: string, at: string) =>
    db
      .updateTable('jobs')
      .set({ status: 'running', owner, heartbeat_at: at, started_at: at, attempts: sql`attempts + 1` })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  return {
    async insert(j) {
      await db
        .insertInto('jobs')
        .values({
          id: j.id,
          kind: j.kind,
          status: 'queued',
          done: 0,
          total: null,
          result: null,
          error: null,
          created_by: j.createdBy,
          created_at: j.createdAt,
          finished_at: null,
          payload: JSON.stringify(j.payload),
          attempts: 0,
          max_attempts: j.maxAttempts,
          run_after: j.runAfter,
          owner: null,
          heartbeat_at: null,
          started_at: null,
        })
        .execute();
    },
    async get(id) {
      const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toJob(r) : null;
    },
    async list(filter, after, limit) {
      let q = db.selectFrom('jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
      if (filter.status) q = q.where('status', '=', filter.status);
      if (after) {
        const [createdAt, id] = after;
        q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
      }
      return (await q.execute()).map(toJob);
    },
    async claim(id, owner, at) {
      const r = await claimed(id, owner, at);
      return r ? toJob(r) : null;
    },
    async claimNext(owner, at) {
      const next = await db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where((eb) => eb.or([eb('run_after', 'is', null), eb('run_after', '<=', at)]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!next) return null;
      const r = await claimed(next.id, owner, at);
      return r ? toJob(r) : null;
    },
    async heartbeat(id, owner, done, total, at) {
      const r = await db
        .updateTable('jobs')
        .set({ done, total, heartbeat_at: at })
        .where('id', '=', id)
        .where('owner', '=', owner)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async finish(id, owner, c) {
      const r = await db
        .updateTable('jobs')
        .set({
          status: c.status,
          done: c.done,
          total: c.total,
          result: c.result === null || c.result === undefined ? null : JSON.stringify(c.result),
          error: c.error === null || c.error === undefined ? null : JSON.stringify(c.error),
          finished_at: c.finishedAt,
        })
        .where('id', '=', id)
        .where('owner', '=', owner)
        // the run's own transaction marked it succeeded; the handler's answer may follow
        .where('status', 'in', c.status === 'succeeded' ? ['running', 'succeeded'] : ['running'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async handBack(id, owner) {
      const r = await db
        .updateTable('jobs')
        .set({ status: 'queued', owner: null, heartbeat_at: null, done: 0, attempts: sql`attempts - 1` })
        .where('id', '=', id)
        .where('owner', '=', owner)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async recover(job, error, finishedAt) {
      const last = job.attempts >= job.maxAttempts;
      let q = db
        .updateTable('jobs')
        .set(
          last
            ? { status: 'failed', error: JSON.stringify(error), finished_at: finishedAt }
            : { status: 'queued', owner: null, heartbeat_at: null, done: 0 },
        )
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('owner', '=', job.owner ?? '');
      q = job.heartbeatAt === null ? q.where('heartbeat_at', 'is', null) : q.where('heartbeat_at', '=', job.heartbeatAt);
      const r = await q.executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return null;
      return last ? 'failed' : 'queued';
    },
    // without the payload (an uploaded file can be megabytes): the lease checks read this often
    running: async () =>
      (
        await db
          .selectFrom('jobs')
          .select(['id', 'kind', 'status', 'done', 'total', 'result', 'error', 'created_by', 'created_at', 'finished_at'])
          .select(['attempts', 'max_attempts', 'run_after', 'owner', 'heartbeat_at', 'started_at', sql<null>`null`.as('payload')])
          .where('status', '=', 'running')
          .execute()
      ).map(toJob),
    queuedDueBy: async (before, limit) =>
      (
        await db
          .selectFrom('jobs')
          .select(['id', 'kind', 'status', 'done', 'total', 'result', 'error', 'created_by', 'created_at', 'finished_at'])
          .select(['attempts', 'max_attempts', 'run_after', 'owner', 'heartbeat_at', 'started_at', sql<null>`null`.as('payload')])
          .where('status', '=', 'queued')
          .where((eb) => eb.or([eb.and([eb('run_after', 'is', null), eb('created_at', '<=', before)]), eb('run_after', '<=', before)]))
          .orderBy('created_at')
          .orderBy('id')
          .limit(limit)
          .execute()
      ).map(toJob),
    async cancel(id, finishedAt) {
      const r = await db
        .updateTable('jobs')
        .set({ status: 'canceled', finished_at: finishedAt })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async pendingDue(at) {
      const r = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([
            eb('status', '=', 'running'),
            eb.and([eb('status', '=', 'queued'), eb.or([eb('run_after', 'is', null), eb('run_after', '<=', at)])]),
          ]),
        )
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async upsertSchedule(s) {
      const row = { name: s.name, cron: s.cron, kind: s.kind, payload: JSON.stringify(s.payload), next_run_at: s.nextRunAt };
      await db
        .insertInto('job_schedules')
        .values(row)
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ cron: row.cron, kind: row.kind, payload: row.payload, next_run_at: row.next_run_at }),
        )
        .execute();
    },
    async deleteSchedule(name) {
      await db.deleteFrom('job_schedules').where('name', '=', name).execute();
    },
    dueSchedules: async (at) =>
      (await db.selectFrom('job_schedules').selectAll().where('next_run_at', '<=', at).orderBy('name').execute()).map((r) => ({
        name: r.name,
        cron: r.cron,
        kind: r.kind as JobKind,
        payload: json(r.payload),
        nextRunAt: r.next_run_at,
      })),
    async advanceSchedule(name, from, to) {
      const r = await db
        .updateTable('job_schedules')
        .set({ next_run_at: to })
        .where('name', '=', name)
        .where('next_run_at', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
