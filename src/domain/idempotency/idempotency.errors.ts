/** The refusals of an Idempotency-Key (api.md §1.6). */
export type IdempotencyErrorCode = 'idempotency_key_reused' | 'idempotency_request_in_progress';
