/** The refusals about background jobs (api.md §11). */
export type JobErrorCode = 'job_not_found' | 'job_not_queued';
