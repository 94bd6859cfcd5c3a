import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

// One policy for the API, the web UI and the API documentation page (decision 0023). Everything is
// served from this origin; nothing may frame a page. Scripts only from files of this origin: the
// built UI and Swagger UI have no inline script. Styles also allow 'unsafe-inline' because
// Mantine and Swagger UI insert <style> elements and style attributes at run time; an injected
// style cannot run code, and script-src stays strict.
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** Registers the security headers on every route (call before any route is added). */
export async function registerSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    global: true,
    // no upgrade-insecure-requests: a server on plain HTTP (a LAN, behind a TLS proxy that is not
    // there yet) would send the browser to an https: address that does not answer
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // a browser honours it only over HTTPS; subdomains are left to whoever runs the domain
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
}

/**
 * The headers of an answer Fastify writes before any hook runs (a malformed URL, a request that
 * cannot be parsed, a request arriving while the server stops): a problem document needs no
 * more than this, and it must not be framed or sniffed either.
 */
export const BARE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};
