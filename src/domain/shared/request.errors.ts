/** Codes any request can meet, whatever it addresses (api.md §2.1); the transports' own refusals go here too. */
export type RequestErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'duplicate_code'
  | 'rate_limited'
  | 'internal_error'
  | 'service_unavailable';
