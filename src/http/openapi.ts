import { z } from 'zod';
import type { AnyRouteSpec } from './route';

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

function parametersOf(s: z.ZodType | undefined, where: 'path' | 'query') {
  if (!s) return [];
  const js = schemaOf(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema,
  }));
}

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(specs: readonly AnyRouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(spec.status ?? 200);
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: spec.tags ?? [],
      operationId: `${spec.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [
        ...parametersOf(spec.params, 'path'),
        ...parametersOf(spec.query, 'query'),
        ...((spec.idempotent ?? spec.method === 'POST')
          ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }]
          : []),
      ],
      responses: {
        [status]: spec.response
          ? { description: 'Success', content: { 'application/json': { schema: schemaOf(spec.response, 'output') } } }
          : { description: 'Success' },
        default: {
          description: 'Problem (RFC 9457)',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
      ...(spec.access === 'public' ? { security: [] } : {}),
      ...(spec.access !== 'public' && { 'x-role': spec.access }),
    };
    if (spec.body === 'raw') {
      op['requestBody'] = {
        required: true,
        content: { [spec.rawContentType ?? 'application/octet-stream']: { schema: { type: 'string', format: 'binary' } } },
      };
    } else if (spec.body) {
      op['requestBody'] = { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } };
    }
    (paths[path] ??= {})[spec.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapport API',
      version,
      description: 'Record every interaction with your contacts. Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (rpt_…)' },
        session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  };
}
