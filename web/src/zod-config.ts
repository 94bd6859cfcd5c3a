import { z } from 'zod';

// The server's Content-Security-Policy forbids eval (script-src 'self'). Zod compiles object
// parsers with `new Function` when it may, and its probe for that is reported as a violation even
// though the failure is caught; without JIT it never probes. Imported first by main.tsx, so it is
// set before any schema parses.
z.config({ jitless: true });
