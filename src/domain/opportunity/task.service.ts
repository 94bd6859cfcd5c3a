import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { FollowUpFilter, Task, TaskChanges, TaskStatus } from './opportunity';
import { filterScope } from './opportunity.service';

export interface TaskService {
  list(q: { filter: FollowUpFilter<TaskStatus>; limit: number; cursor?: string | undefined }): Promise<Page<Task>>;
  get(no: string): Promise<Task>;
  /**
   * Sets the status (closing or reopening the task) and optionally description and date
   * (api.md §13.20). Closing asks nothing here; the UI offers to log an interaction, as BC does.
   */
  update(no: string, changes: TaskChanges): Promise<Task>;
}

/** Tasks: created from log entries, read and closed here. */
export function createTaskService({ uow }: { uow: UnitOfWork<Stores> }): TaskService {
  const must = async (s: Stores, no: string) => (await s.opportunities.getTask(no)) ?? Promise.reject(notFound.task(no));
  return {
    list: ({ filter, limit, cursor }) =>
      uow.read(async (s) => {
        const scope = filterScope('tasks', filter);
        const after = decodeCursor(cursor, scope);
        const rows = await s.opportunities.listTasks(filter, (after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.no], scope);
      }),
    get: (no) => uow.read((s) => must(s, no)),
    update: (no, changes) =>
      uow.transaction(async (s) => {
        await must(s, no);
        await s.opportunities.updateTask(no, changes);
        return must(s, no);
      }),
  };
}
