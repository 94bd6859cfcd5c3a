import { z } from 'zod';

/** A computed or key field: shown in responses, refused in a request body (api.md §13.5). */
export function readOnly(message = 'is read-only') {
  return z
    .unknown()
    .refine(() => false, message)
    .optional()
    .meta({ readOnly: true, description: 'read-only: computed by the server, refused in a request' });
}
